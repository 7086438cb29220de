/**
 * Audit of published figures: recompute an agency's result from its scores under
 * the rules and list every published figure the rules do not reproduce within the
 * rounding of the inputs, and every wrong label (pass/fail, rating).
 */
import { roundHalfUp } from "../dsl/precision.js";
import type { Evaluation, PartialEvaluation } from "./evaluate.js";
import { passes } from "./publish.js";

/** What an agency published: the keys of `ita score --json`. */
export interface PublishedFigures {
  readonly total?: number;
  readonly rating?: string;
  readonly tools?: Readonly<Record<string, number>>;
  readonly indicators?: Readonly<Record<string, { readonly score?: number; readonly pass?: boolean | string }>>;
}

export interface AuditFinding {
  /** e.g. "total", "rating", "tool EIT1", "indicator 3", "indicator 10 result". */
  readonly figure: string;
  readonly published: string;
  readonly recomputed: string;
  readonly th: string;
  readonly en: string;
}

/** Published question scores are rounded to 0.01, so recomputations agree to about that. */
export const AUDIT_TOLERANCE = 0.01;

function close(a: number, b: number): boolean {
  return Math.abs(roundHalfUp(a - b, 6)) <= AUDIT_TOLERANCE;
}

/** Whatever is published is checked against whatever the scores give (a partial result checks what it has). */
export function audit(e: Evaluation | PartialEvaluation, pub: PublishedFigures): AuditFinding[] {
  const out: AuditFinding[] = [];
  const d = e.rules.decimals;
  const f = (x: number): string => x.toFixed(d);
  const number = (figure: string, th: string, en: string, published: number, recomputed: number): void => {
    if (close(published, recomputed)) return;
    out.push({
      figure,
      published: f(published),
      recomputed: f(recomputed),
      th: `${th}: ประกาศ ${f(published)} แต่คำนวณตามเกณฑ์ได้ ${f(recomputed)}`,
      en: `${en}: published ${f(published)} but the rules give ${f(recomputed)}`,
    });
  };
  if (pub.total !== undefined && e.total) number("total", "คะแนนรวม", "total", pub.total, e.total.published);
  if (
    pub.rating !== undefined &&
    e.rating &&
    pub.rating.trim() !== e.rating.label.th &&
    pub.rating.trim() !== e.rating.label.en
  ) {
    out.push({
      figure: "rating",
      published: pub.rating,
      recomputed: e.rating.label.th,
      th: `ระดับผลการประเมิน: ประกาศ "${pub.rating}" แต่ตามเกณฑ์คือ "${e.rating.label.th}"`,
      en: `rating: published "${pub.rating}" but the rules give "${e.rating.label.en || e.rating.label.th}"`,
    });
  }
  for (const [id, v] of Object.entries(pub.tools ?? {})) {
    const t = e.tools.find((x) => x.id.toUpperCase() === id.toUpperCase());
    if (t) number(`tool ${t.id}`, `แบบวัด ${t.id}`, `tool ${t.id}`, v, t.value.published);
  }
  for (const [id, v] of Object.entries(pub.indicators ?? {})) {
    const ind = e.indicators.find((x) => x.id === id.trim());
    if (!ind) continue;
    if (v.score !== undefined) {
      number(`indicator ${ind.id}`, `ตัวชี้วัดที่ ${ind.id}`, `indicator ${ind.id}`, v.score, ind.value.published);
    }
    if (v.pass !== undefined && v.score !== undefined && e.rules.pass) {
      // The label must follow the published score itself, whatever the recomputation says.
      const { passLabel, failLabel } = e.rules.pass;
      const claimedText = typeof v.pass === "string" ? v.pass.trim() : v.pass ? passLabel.th : failLabel.th;
      const claimed =
        typeof v.pass === "boolean" ? v.pass : claimedText === passLabel.th || claimedText === passLabel.en;
      const expected = passes(e.rules, v.score);
      if (claimed !== expected) {
        const right = expected ? passLabel : failLabel;
        out.push({
          figure: `indicator ${ind.id} result`,
          published: claimedText,
          recomputed: right.th,
          th: `ตัวชี้วัดที่ ${ind.id}: คะแนน ${f(v.score)} ต้องเป็น "${right.th}" แต่ประกาศว่า "${claimedText}"`,
          en: `indicator ${ind.id}: a score of ${f(v.score)} means "${right.en || right.th}" but it is labelled "${claimedText}"`,
        });
      }
    }
  }
  return out;
}
