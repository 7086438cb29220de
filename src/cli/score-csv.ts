/**
 * Score tables from CSV files: header `tool,question,score` or its Thai form
 * (เครื่องมือ/แบบวัด, ข้อ/ข้อคำถาม, คะแนน), header optional, UTF-8 with or without
 * BOM. Each row remembers its file and line so problems can name them.
 */
import { parse } from "csv-parse/sync";
import type { ScoreRow } from "../engine/index.js";
import { readNumber } from "../engine/index.js";

const HEADERS: Record<"tool" | "question" | "score", readonly string[]> = {
  tool: ["tool", "เครื่องมือ", "แบบวัด", "เครื่องมือการประเมิน"],
  question: ["question", "ข้อ", "ข้อคำถาม", "ประเด็นข้อคำถาม", "item"],
  score: ["score", "คะแนน", "ค่าคะแนน"],
};

const clean = (v: unknown): string =>
  String(v ?? "")
    .trim()
    .toLowerCase();

export function rowsFromCsv(text: string, file: string): ScoreRow[] {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
  }) as string[][];
  let columns = { tool: 0, question: 1, score: 2 };
  let start = 0;
  const first = records[0]?.map(clean) ?? [];
  const found = (k: keyof typeof HEADERS): number => first.findIndex((c) => HEADERS[k].includes(c));
  if (found("tool") >= 0 && found("question") >= 0 && found("score") >= 0) {
    columns = { tool: found("tool"), question: found("question"), score: found("score") };
    start = 1;
  } else if (records[0] && readNumber(records[0][2]).kind === "invalid") {
    // An unrecognised header row: skip it, read columns by position.
    start = 1;
  }
  return records.slice(start).map((r, i) => ({
    tool: r[columns.tool] ?? "",
    question: r[columns.question] ?? "",
    score: r[columns.score] ?? "",
    where: `${file}:${start + i + 1}`,
  }));
}
