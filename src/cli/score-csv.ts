/**
 * Score tables from CSV files: header `tool,question,score` or its Thai form
 * (เครื่องมือ/แบบวัด, ข้อ/ข้อคำถาม, คะแนน), header optional, fields split by commas,
 * or by semicolons or tabs as Excel saves them in other locales. Each row remembers
 * its file and line so problems can name them; a file the parser cannot read, or one
 * without a single row, is one message.
 */
import { parse } from "csv-parse/sync";
import { type ScoreRow, readNumber } from "../engine/scoring.js";
import { explain, InputError } from "./errors.js";

const HEADERS: Record<"tool" | "question" | "score", readonly string[]> = {
  tool: ["tool", "เครื่องมือ", "แบบวัด", "เครื่องมือการประเมิน"],
  question: ["question", "ข้อ", "ข้อคำถาม", "ประเด็นข้อคำถาม", "item"],
  score: ["score", "คะแนน", "ค่าคะแนน"],
};

const clean = (v: unknown): string =>
  String(v ?? "")
    .trim()
    .toLowerCase();

/** Quotes hide separators: `"a,b"` is one field. */
const unquoted = (line: string): string => line.replace(/"[^"]*"/g, "");

/**
 * The separator of a CSV file: the one of comma, semicolon and tab that splits its
 * first lines into most fields. A semicolon file read by commas would give one column
 * per row and a score of "9,5" read as two fields.
 */
function separatorOf(text: string): "," | ";" | "\t" {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 5)
    .map(unquoted);
  const count = (sep: string): number => Math.min(...lines.map((l) => l.split(sep).length - 1));
  const best = ([",", ";", "\t"] as const)
    .map((sep) => ({ sep, n: lines.length ? count(sep) : 0 }))
    .reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.sep : ",";
}

/** A CSV record and the line it starts on (a quoted field may span lines). */
interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

function records(text: string, file: string): CsvRecord[] {
  try {
    const ends: number[] = [];
    const parsed = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      on_record: (record: string[], info) => {
        ends.push(info.lines);
        return record;
      },
    });
    // The parser gives the line a record ends on; the next one starts on the line after.
    return parsed.map((fields, i) => ({ fields, line: i === 0 ? 1 : ends[i - 1]! + 1 }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // The parser names the line where the file ended; the user needs the line where the quote opened.
    const at = code === "CSV_QUOTE_NOT_CLOSED" ? { ...(e as object), lines: quoteOpenedAt(text) } : e;
    throw new InputError(explain(at, file));
  }
}

/** The line of the last quote that opens a field and is never closed. */
function quoteOpenedAt(text: string): number {
  let line = 1;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === '"') {
      if (open && text[i + 1] === '"') i++;
      else open = open ? 0 : line;
    }
  }
  return open || line;
}

export function rowsFromCsv(raw: string, file: string): ScoreRow[] {
  const text = raw.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new InputError(`${file}: ไฟล์ว่าง ไม่มีข้อมูล / the file is empty`);
  const rows = rowsOf(records(text, file), file);
  if (rows.every((r) => !String(r.tool).trim() && !String(r.question).trim() && !String(r.score).trim())) {
    throw new InputError(`${file}: ไม่มีแถวคะแนนในไฟล์ / the file holds no score rows`);
  }
  return rows;
}

function rowsOf(records: readonly CsvRecord[], file: string): ScoreRow[] {
  let columns = { tool: 0, question: 1, score: 2 };
  let start = 0;
  const first = records[0]?.fields.map(clean) ?? [];
  const found = (k: keyof typeof HEADERS): number => first.findIndex((c) => HEADERS[k].includes(c));
  if (found("tool") >= 0 && found("question") >= 0 && found("score") >= 0) {
    columns = { tool: found("tool"), question: found("question"), score: found("score") };
    start = 1;
  } else if (records[0] && readNumber(records[0].fields[2]).kind === "invalid") {
    // An unrecognised header row: skip it, read columns by position.
    start = 1;
  }
  // Fields past the last column, right after the score, are a score split by its decimal
  // comma (IIT,i1,9,5): joined back, the score is refused as "9,5" instead of read as 9.
  const width = start === 1 ? records[0]!.fields.length : 3;
  const scoreIsLast = columns.score === width - 1;
  return records.slice(start).map(({ fields: r, line }) => ({
    tool: r[columns.tool] ?? "",
    question: r[columns.question] ?? "",
    score: (scoreIsLast && r.length > width ? r.slice(columns.score).join(",") : r[columns.score]) ?? "",
    where: `${file}:${line}`,
  }));
}
