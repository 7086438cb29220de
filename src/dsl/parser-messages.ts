/**
 * Chevrotain's error message provider for the rules grammar. It returns no prose:
 * each message is a catalogue code with its values, encoded as JSON, so that
 * parse.ts renders Thai and English from the one catalogue in diagnostics.ts.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { tokenLabel, EOF } from "chevrotain";
import type { DiagnosticCode } from "./diagnostics.js";
import { LCurly } from "./tokens.js";

export interface Encoded {
  code: DiagnosticCode;
  values: Record<string, string>;
}

const CONTEXT: Record<string, [string, string]> = {
  file: ["ระดับบนสุดของไฟล์", "at the top level of the file"],
  statement: ["ระดับบนสุดของไฟล์", "at the top level of the file"],
  assessment: ["การประกาศ assessment", "in the assessment line"],
  rounding: ["การกำหนด rounding", "in the rounding line"],
  passRule: ["เกณฑ์ผ่านของตัวชี้วัด (pass at)", "in the indicator pass rule"],
  scale: ["มาตรวัด (scale)", "in a scale"],
  answer: ["คำตอบของมาตรวัด", "in a scale answer"],
  tool: ["การประกาศแบบวัด (tool)", "in a tool declaration"],
  total: ["การคำนวณคะแนนรวม (total)", "in the total"],
  indicator: ["ตัวชี้วัด (indicator)", "in an indicator"],
  subindicator: ["ตัวชี้วัดย่อย (subindicator)", "in a sub-indicator"],
  question: ["ข้อคำถาม (question)", "in a question"],
  plan: ["แผนพัฒนา (plan)", "in a plan"],
  rating: ["ตารางระดับผลการประเมิน (rating)", "in the rating table"],
  band: ["แถวของระดับผลการประเมิน", "in a rating row"],
  condition: ["เงื่อนไข", "in a condition"],
  range: ["ช่วงคะแนน", "in a score range"],
  method: ["วิธีคำนวณ (mean of …)", "in a method (mean of …)"],
  weight: ["น้ำหนัก (weight)", "in a weight"],
  label: ["ชื่อในเครื่องหมายคำพูด", "in a quoted label"],
  about: ["คำอธิบาย (about)", "in an about text"],
  source: ["ที่มา (source)", "in a source"],
  note: ["หมายเหตุ (note)", "in a note"],
  provisional: ["ยังไม่ยืนยัน (provisional)", "in a provisional mark"],
  level: ["ระดับที่ปัดเศษ", "in a rounding level"],
};

function found(t: IToken): string {
  return t.tokenType === EOF || !(t.startOffset >= 0) ? "จบไฟล์ (end of file)" : `"${t.image}"`;
}

function encode(code: DiagnosticCode, values: Record<string, string>): string {
  return JSON.stringify({ code, values } satisfies Encoded);
}

function context(ruleName: string): Record<string, string> {
  const [th, en] = CONTEXT[ruleName] ?? [ruleName, ruleName];
  return { contextTh: th, contextEn: en };
}

function expectedText(types: readonly TokenType[]): string {
  const labels = [...new Set(types.map((t) => tokenLabel(t)))];
  return labels.slice(0, 4).join(" / ");
}

export const parserMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (expected === EOF) return encode("ITA-P002", { found: found(actual), ...context(ruleName) });
    // A block opener forgotten at the end of a header line: parse.ts places it on that line.
    if (expected === LCurly) return encode("ITA-P004", { found: found(actual), ...context(ruleName) });
    const e = tokenLabel(expected);
    return encode("ITA-P001", { expectedTh: e, expectedEn: e, found: found(actual) });
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return encode("ITA-P002", { found: found(firstRedundant), ...context(ruleName) });
  },
  buildNoViableAltMessage({ actual, ruleName, expectedPathsPerAlt }) {
    const first = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0])).filter((t): t is TokenType => !!t);
    const e = expectedText(first);
    const a = actual[0];
    if (a && e) return encode("ITA-P001", { expectedTh: e, expectedEn: e, found: found(a) });
    return encode("ITA-P002", { found: a ? found(a) : "?", ...context(ruleName) });
  },
  buildEarlyExitMessage({ actual, ruleName, expectedIterationPaths }) {
    const e = expectedText(expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => !!t));
    const a = actual[0];
    if (a && e) return encode("ITA-P001", { expectedTh: e, expectedEn: e, found: found(a) });
    return encode("ITA-P002", { found: a ? found(a) : "?", ...context(ruleName) });
  },
};
