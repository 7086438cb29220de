/**
 * The one catalogue of rules-file diagnostics: every code, its severity, and its
 * message in Thai and English. Lexer, parser and checker only ever name a code and
 * the values to fill in, so a message is worded once and codes stay stable for
 * staff, tests and golden files.
 */

export type Severity = "error" | "warning";

/** A place in the rules text. `line` and `column` are 1-based; `column` counts UTF-16 units as editors do. */
export interface SourceSpan {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic extends SourceSpan {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly th: string;
  readonly en: string;
}

type Values = Readonly<Record<string, string | number>>;
type Template = (v: Values) => string;

interface Entry {
  readonly severity: Severity;
  readonly th: Template;
  readonly en: Template;
}

const s = (v: Values, k: string): string => String(v[k] ?? "");

/** Codes: L lexer, P parser, C checker. Never renumber; retire codes instead. */
const CATALOGUE = {
  "ITA-L001": {
    severity: "error",
    th: (v) => `อักขระที่ไม่รู้จัก "${s(v, "text")}"`,
    en: (v) => `unexpected character "${s(v, "text")}"`,
  },
  "ITA-L002": {
    severity: "error",
    th: () => `ข้อความในเครื่องหมายคำพูดไม่ได้ปิด (ขาด ")`,
    en: () => `unterminated quoted text (missing ")`,
  },
  "ITA-P001": {
    severity: "error",
    th: (v) => `ต้องการ ${s(v, "expectedTh")} แต่พบ ${s(v, "found")}`,
    en: (v) => `expected ${s(v, "expectedEn")} but found ${s(v, "found")}`,
  },
  "ITA-P002": {
    severity: "error",
    th: (v) => `ไม่คาดว่าจะพบ ${s(v, "found")} ตรงนี้ (${s(v, "contextTh")})`,
    en: (v) => `unexpected ${s(v, "found")} here (${s(v, "contextEn")})`,
  },
  "ITA-P003": {
    severity: "error",
    th: (v) => `ตัวเลขไม่ถูกต้อง "${s(v, "text")}"`,
    en: (v) => `not a valid number "${s(v, "text")}"`,
  },
  "ITA-P004": {
    severity: "error",
    th: (v) => `ขาด "{" ท้ายบรรทัดของ${s(v, "contextTh")} (พบ ${s(v, "found")} ที่บรรทัดถัดไป)`,
    en: (v) => `missing "{" at the end of this line (${s(v, "contextEn")}; found ${s(v, "found")} on the next line)`,
  },
  "ITA-C001": {
    severity: "error",
    th: (v) => `น้ำหนักของแบบวัดรวมกันได้ ${s(v, "sum")} ต้องเท่ากับ 100`,
    en: (v) => `tool weights add up to ${s(v, "sum")}, they must add up to 100`,
  },
  "ITA-C002": {
    severity: "error",
    th: (v) => `${s(v, "kindTh")} "${s(v, "id")}" ซ้ำ (ประกาศไว้แล้วที่บรรทัด ${s(v, "line")})`,
    en: (v) => `duplicate ${s(v, "kindEn")} "${s(v, "id")}" (already declared on line ${s(v, "line")})`,
  },
  "ITA-C003": {
    severity: "error",
    th: (v) => `ไม่รู้จัก${s(v, "kindTh")} "${s(v, "id")}"`,
    en: (v) => `unknown ${s(v, "kindEn")} "${s(v, "id")}"`,
  },
  "ITA-C004": {
    severity: "error",
    th: (v) => `ข้อคำถาม ${s(v, "id")} อยู่ในแบบวัด ${s(v, "tool")} ซ้ำ (ตัวชี้วัด ${s(v, "first")} และ ${s(v, "second")})`,
    en: (v) =>
      `question ${s(v, "id")} appears twice in tool ${s(v, "tool")} (indicators ${s(v, "first")} and ${s(v, "second")})`,
  },
  "ITA-C005": {
    severity: "error",
    th: (v) => `แบบวัด ${s(v, "id")} ไม่มีตัวชี้วัดใดเลย`,
    en: (v) => `tool ${s(v, "id")} has no indicator`,
  },
  "ITA-C006": {
    severity: "error",
    th: (v) => `${s(v, "kindTh")} ${s(v, "id")} ไม่มีข้อคำถามใดเลย`,
    en: (v) => `${s(v, "kindEn")} ${s(v, "id")} has no question`,
  },
  "ITA-C007": {
    severity: "error",
    th: (v) => `ไม่มีระดับผลการประเมินใดครอบคลุมคะแนนรวม ${s(v, "from")}–${s(v, "to")}${s(v, "whenTh")}`,
    en: (v) => `no rating row covers a total of ${s(v, "from")}–${s(v, "to")}${s(v, "whenEn")}`,
  },
  "ITA-C008": {
    severity: "error",
    th: (v) => `ช่วงคะแนนของ "${s(v, "label")}" ซ้อนกับ "${s(v, "other")}" ที่ ${s(v, "from")}–${s(v, "to")}`,
    en: (v) => `the range of "${s(v, "label")}" overlaps "${s(v, "other")}" at ${s(v, "from")}–${s(v, "to")}`,
  },
  "ITA-C009": {
    severity: "error",
    th: (v) => `ระดับ "${s(v, "label")}" ไม่มีทางได้รับ เพราะแถวก่อนหน้าครอบคลุมทุกกรณีแล้ว`,
    en: (v) => `rating "${s(v, "label")}" can never be reached: earlier rows already cover every case`,
  },
  "ITA-C010": {
    severity: "error",
    th: (v) => `ค่า ${s(v, "value")} อยู่นอกช่วง ${s(v, "min")}–${s(v, "max")}`,
    en: (v) => `value ${s(v, "value")} is outside ${s(v, "min")}–${s(v, "max")}`,
  },
  "ITA-C011": {
    severity: "error",
    th: (v) => `ต้องระบุ ${s(v, "what")} เพียงครั้งเดียว`,
    en: (v) => `${s(v, "what")} must be stated exactly once`,
  },
  "ITA-C012": {
    severity: "error",
    th: (v) => `วิธีคำนวณ "${s(v, "method")}" ใช้กับ${s(v, "kindTh")}นี้ไม่ได้: ${s(v, "whyTh")}`,
    en: (v) => `method "${s(v, "method")}" does not fit this ${s(v, "kindEn")}: ${s(v, "whyEn")}`,
  },
  "ITA-C013": {
    severity: "error",
    th: (v) => `ตัวชี้วัดย่อยและข้อคำถามปนกันในตัวชี้วัด ${s(v, "id")} ให้ใส่ข้อคำถามไว้ในตัวชี้วัดย่อยทั้งหมด`,
    en: (v) => `indicator ${s(v, "id")} mixes sub-indicators and questions; put every question in a sub-indicator`,
  },
  "ITA-C014": {
    severity: "error",
    th: (v) => `ขาดน้ำหนักของ ${s(v, "id")} ซึ่งจำเป็นสำหรับค่าเฉลี่ยถ่วงน้ำหนัก`,
    en: (v) => `${s(v, "id")} needs a weight for a weighted mean`,
  },
  "ITA-C015": {
    severity: "error",
    th: (v) => `มาตรวัด ${s(v, "id")} มีรหัสหรือคำตอบ "${s(v, "answer")}" ซ้ำ`,
    en: (v) => `scale ${s(v, "id")} lists answer or code "${s(v, "answer")}" twice`,
  },
  "ITA-C016": {
    severity: "error",
    th: (v) => `มาตรวัด ${s(v, "id")} ต้องมีคำตอบที่ให้คะแนนอย่างน้อยหนึ่งคำตอบ`,
    en: (v) => `scale ${s(v, "id")} needs at least one scored answer`,
  },
  "ITA-C017": {
    severity: "error",
    th: (v) => `ตัวชี้วัด ${s(v, "id")} วัดด้วยหลายแบบวัดแต่ไม่ได้บอกวิธีรวม (combined mean of tools)`,
    en: (v) => `indicator ${s(v, "id")} is measured by several tools but does not say how to combine them`,
  },
  "ITA-C018": {
    severity: "warning",
    th: (v) => `ข้อคำถาม ${s(v, "id")} ไม่มีแนวทาง${s(v, "whichTh")}`,
    en: (v) => `question ${s(v, "id")} has no "${s(v, "whichEn")}" guidance`,
  },
  /** Retired: a missing rating table is now ITA-C023, pointed at where the table belongs. */
  "ITA-C019": {
    severity: "error",
    th: () => `ไม่มีการกำหนดระดับผลการประเมิน (rating)`,
    en: () => `no rating table is declared`,
  },
  "ITA-C020": {
    severity: "warning",
    th: (v) => `การตรวจช่วงคะแนนของระดับผลการประเมินข้ามไป: เงื่อนไขมีกรณีมากเกินไป (${s(v, "n")})`,
    en: (v) => `rating coverage was not checked: the conditions make too many cases (${s(v, "n")})`,
  },
  "ITA-C021": {
    severity: "warning",
    th: (v) =>
      `เกณฑ์ผ่าน (pass at ${s(v, "pass")}, บรรทัด ${s(v, "passLine")}) ไม่ตรงกับระดับ "${s(v, "band")}" ที่เริ่มที่ ${s(v, "start")} (บรรทัด ${s(v, "bandLine")}): ให้แก้ตัวใดตัวหนึ่งให้ตรงกัน`,
    en: (v) =>
      `the pass mark (pass at ${s(v, "pass")}, line ${s(v, "passLine")}) disagrees with rating row "${s(v, "band")}", which starts at ${s(v, "start")} (line ${s(v, "bandLine")}): change one to match the other`,
  },
  "ITA-C022": {
    severity: "error",
    th: (v) =>
      `${s(v, "childTh")}มีน้ำหนัก (${s(v, "weights")}) แต่${s(v, "parentTh")}ใช้ค่าเฉลี่ยธรรมดา (mean of ${s(v, "of")}) น้ำหนักจึงไม่ถูกใช้: เขียน "weighted mean of ${s(v, "of")}" หรือลบน้ำหนักออก`,
    en: (v) =>
      `the ${s(v, "childEn")} have weights (${s(v, "weights")}) but ${s(v, "parentEn")} is a plain mean (mean of ${s(v, "of")}), so the weights would be ignored: write "weighted mean of ${s(v, "of")}" or remove the weights`,
  },
  "ITA-C023": {
    severity: "error",
    th: (v) => `ขาด ${s(v, "what")} (${s(v, "whatTh")}) ซึ่งควรอยู่${s(v, "whereTh")} เช่น ${s(v, "example")}`,
    en: (v) => `missing ${s(v, "what")} (${s(v, "whatEn")}); it belongs ${s(v, "whereEn")}, e.g. ${s(v, "example")}`,
  },
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export function makeDiagnostic(code: DiagnosticCode, at: SourceSpan, values: Values = {}): Diagnostic {
  const entry: Entry = CATALOGUE[code] as Entry;
  return {
    code,
    severity: entry.severity,
    offset: at.offset,
    length: Math.max(1, at.length),
    line: at.line,
    column: at.column,
    th: entry.th(values),
    en: entry.en(values),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `file:line:col: error CODE: ไทย / English`, the one-line form used by the command line. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.th} / ${d.en}`;
}
