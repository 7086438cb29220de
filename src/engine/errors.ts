/**
 * Problems with an agency's scores (not with the rules): each names the tool and
 * question, and where the caller knows it, the place (sheet cell or CSV line), in
 * Thai and English. The evaluator returns them; it never guesses a number instead.
 */

export type ScoreProblemCode =
  | "missing"
  | "blank"
  | "not-a-number"
  | "thai-digits"
  | "decimal-comma"
  | "level-conflict"
  | "out-of-range"
  | "duplicate"
  | "unknown-tool"
  | "unknown-question"
  | "unknown-answer"
  | "no-answers"
  | "not-given"
  | "tool-given"
  | "fractions";

export interface ScoreProblem {
  readonly code: ScoreProblemCode;
  readonly severity: "error" | "warning";
  readonly tool: string;
  readonly question: string;
  /** Where the value came from, e.g. "Scores!C7" or "scores.csv:12"; empty when not known. */
  readonly where: string;
  readonly th: string;
  readonly en: string;
}

interface Args {
  tool: string;
  question: string;
  where?: string | undefined;
  text?: string;
  other?: string;
}

const TEMPLATES: Record<
  ScoreProblemCode,
  { severity: "error" | "warning"; th: (a: Args) => string; en: (a: Args) => string }
> = {
  missing: {
    severity: "error",
    th: () => "ไม่มีคะแนน",
    en: () => "score missing",
  },
  blank: {
    severity: "error",
    th: () => "ช่องคะแนนว่าง",
    en: () => "score is blank",
  },
  "not-a-number": {
    severity: "error",
    th: (a) => `"${a.text ?? ""}" ไม่ใช่ตัวเลข`,
    en: (a) => `"${a.text ?? ""}" is not a number`,
  },
  "thai-digits": {
    severity: "error",
    th: (a) => `"${a.text ?? ""}" มีเลขไทยแต่อ่านเป็นตัวเลขไม่ได้`,
    en: (a) => `"${a.text ?? ""}" has Thai digits but cannot be read as a number`,
  },
  "decimal-comma": {
    severity: "error",
    th: (a) => `"${a.text ?? ""}" ใช้จุลภาคเป็นจุดทศนิยม ให้เขียน ${(a.text ?? "").replace(",", ".")}`,
    en: (a) => `"${a.text ?? ""}" has a decimal comma: write ${(a.text ?? "").replace(",", ".")}`,
  },
  "level-conflict": {
    severity: "error",
    th: (a) => `มีคะแนนทั้งระดับนี้และส่วนย่อย ${a.text ?? ""} (ที่ ${a.other ?? "?"}) ให้ใส่อย่างใดอย่างหนึ่ง`,
    en: (a) => `given as a whole and by its part ${a.text ?? ""} too (at ${a.other ?? "?"}): give one or the other`,
  },
  "out-of-range": {
    severity: "error",
    th: (a) => `คะแนน ${a.text ?? ""} อยู่นอกช่วง 0–100`,
    en: (a) => `score ${a.text ?? ""} is outside 0–100`,
  },
  duplicate: {
    severity: "error",
    th: (a) => `มีคะแนนซ้ำ (อีกแห่งที่ ${a.other ?? "?"})`,
    en: (a) => `score given twice (also at ${a.other ?? "?"})`,
  },
  "unknown-tool": {
    severity: "warning",
    th: () => "ไม่มีแบบวัดนี้ในเกณฑ์ จึงไม่นำมาคิด",
    en: () => "no such tool in the rules; ignored",
  },
  "unknown-question": {
    severity: "warning",
    th: () => "ไม่มีข้อคำถามนี้ในแบบวัดตามเกณฑ์ จึงไม่นำมาคิด",
    en: () => "no such question in this tool's rules; ignored",
  },
  "unknown-answer": {
    severity: "error",
    th: (a) => `คำตอบ "${a.text ?? ""}" ไม่อยู่ในมาตรวัดของข้อนี้`,
    en: (a) => `answer "${a.text ?? ""}" is not on this question's scale`,
  },
  // Nothing at all for a tool, or for one of its indicators: what can be computed still is
  // (the evaluation outcome's `partial`); the total and rating wait for the rest.
  "not-given": {
    severity: "error",
    th: (a) =>
      a.question
        ? `ไม่มีคะแนนตัวชี้วัดนี้ คะแนนแบบวัด ${a.tool} คะแนนรวมและระดับผลการประเมินต้องมีคะแนนนี้ด้วย`
        : "ไม่มีคะแนนของแบบวัดนี้ คะแนนรวมและระดับผลการประเมินต้องมีคะแนนแบบวัดนี้ด้วย",
    en: (a) =>
      a.question
        ? `indicator not given; the ${a.tool} score, the total and the rating need it`
        : "nothing given for this tool; the total and the rating need it",
  },
  "tool-given": {
    severity: "warning",
    th: () => "ให้คะแนนรวมของแบบวัดมาทั้งก้อน จึงไม่มีคะแนนรายตัวชี้วัดของแบบวัดนี้",
    en: () => "given as the whole tool's score, so its indicators have no scores",
  },
  // Cells formatted as percentages hold 0.95 for 95 %: every score between 0 and 1 is that, not a result.
  fractions: {
    severity: "error",
    th: () => "ทุกคะแนนอยู่ระหว่าง 0 ถึง 1: ช่องจัดรูปแบบเป็นเปอร์เซ็นต์หรือไม่ (95% คือ 0.95) ใส่คะแนน 0–100",
    en: () => "every score is between 0 and 1: cells formatted as percent (95% is 0.95)? enter scores 0–100",
  },
  "no-answers": {
    severity: "error",
    th: () => "ไม่มีคำตอบที่นับคะแนนได้",
    en: () => "no scored answer",
  },
};

export function scoreProblem(code: ScoreProblemCode, args: Args): ScoreProblem {
  const t = TEMPLATES[code];
  const prefix = `${args.tool}${args.question ? ` ${args.question}` : ""}`;
  return {
    code,
    severity: t.severity,
    tool: args.tool,
    question: args.question,
    where: args.where ?? "",
    th: `${prefix}: ${t.th(args)}`,
    en: `${prefix}: ${t.en(args)}`,
  };
}

/** `Sheet!C7: EIT1 e4: "abc" ไม่ใช่ตัวเลข / "abc" is not a number` */
export function describeProblem(p: ScoreProblem): string {
  return `${p.where ? `${p.where}: ` : ""}${p.th} / ${p.en.replace(/^[^:]*: /, "")}`;
}
