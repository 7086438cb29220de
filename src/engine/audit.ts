/**
 * Audit of published figures: recompute an agency's result from its scores under
 * the rules and list every published figure the rules do not reproduce within the
 * rounding of the inputs, and every wrong label (pass/fail, rating).
 */
import { roundHalfUp, type ScoringModel } from "../dsl/runtime.js";
import type { Evaluation, PartialEvaluation } from "./evaluate.js";
import { passes } from "./publish.js";

/**
 * What an agency published: the keys of `ita score --json`, as
 * schemas/published.schema.json describes them. `null` (or no key) is "not published".
 */
export interface PublishedFigures {
  readonly rules?: string | null;
  readonly year?: number | null;
  readonly total?: number | null;
  readonly rating?: string | null;
  readonly tools?: Readonly<Record<string, number | null>> | null;
  readonly indicators?: Readonly<
    Record<
      string,
      {
        readonly score?: number | null;
        readonly pass?: boolean | string | null;
        /** The label as `ita score --json` writes it beside `pass`. */
        readonly result?: boolean | string | null;
      } | null
    >
  > | null;
}

/** A published figure that names something the rules do not have; `path` is its JSON path. */
export interface PublishedProblem {
  readonly path: string;
  readonly th: string;
  readonly en: string;
}

/** `$.indicators["11"]`: object keys that are not plain identifiers are quoted, as JSONPath does. */
export function jsonPath(segments: readonly (string | number)[]): string {
  return (
    "$" +
    segments
      .map((s) =>
        typeof s === "number" ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`,
      )
      .join("")
  );
}

const listed = (xs: readonly string[]): string => xs.join(", ");

/**
 * Ids and labels in well-formed published figures checked against the rules: every
 * tool and indicator must exist, every label must be one the rules use, the year must
 * be the rules' own, and at least one figure must be given. Auditing on regardless
 * would skip the unknown ones and report agreement with figures it never compared.
 */
export function publishedProblems(rules: ScoringModel, pub: PublishedFigures): PublishedProblem[] {
  const out: PublishedProblem[] = [];
  const add = (segments: readonly string[], th: string, en: string): void => {
    out.push({ path: jsonPath(segments), th, en });
  };
  if (pub.year !== undefined && pub.year !== null && pub.year !== rules.year) {
    add(
      ["year"],
      `ตัวเลขเป็นของปี ${pub.year} แต่ตรวจด้วยเกณฑ์ปี ${rules.year} ระบุ --rules ${pub.year}`,
      `the figures are for ${pub.year} but the rules are ${rules.year}'s: give --rules ${pub.year}`,
    );
  }
  const ratings = rules.rating.rows.flatMap((r) => [r.label.th, r.label.en]).filter(Boolean);
  if (typeof pub.rating === "string" && !ratings.includes(pub.rating.trim())) {
    const th = rules.rating.rows.map((r) => r.label.th);
    add(
      ["rating"],
      `ไม่มีระดับ "${pub.rating}" ในเกณฑ์ปี ${rules.year} (มี ${listed(th)})`,
      `no rating "${pub.rating}" in the ${rules.year} rules (they have ${listed(rules.rating.rows.map((r) => r.label.en || r.label.th))})`,
    );
  }
  const toolIds = rules.tools.map((t) => t.id);
  for (const id of Object.keys(pub.tools ?? {})) {
    if (toolIds.some((t) => t.toUpperCase() === id.trim().toUpperCase())) continue;
    add(
      ["tools", id],
      `ไม่มีแบบวัด "${id}" ในเกณฑ์ปี ${rules.year} (มี ${listed(toolIds)})`,
      `no tool "${id}" in the ${rules.year} rules (they have ${listed(toolIds)})`,
    );
  }
  const indicatorIds = rules.indicators.map((i) => i.id);
  const pass = rules.pass;
  const labels = pass
    ? [pass.passLabel.th, pass.passLabel.en, pass.failLabel.th, pass.failLabel.en].filter(Boolean)
    : [];
  for (const [id, v] of Object.entries(pub.indicators ?? {})) {
    if (!indicatorIds.includes(id.trim())) {
      add(
        ["indicators", id],
        `ไม่มีตัวชี้วัด "${id}" ในเกณฑ์ปี ${rules.year} (มี ${listed(indicatorIds)})`,
        `no indicator "${id}" in the ${rules.year} rules (they have ${listed(indicatorIds)})`,
      );
      continue;
    }
    for (const key of ["pass", "result"] as const) {
      const label = v?.[key];
      if (label === undefined || label === null) continue;
      if (!pass) {
        // Years without a pass mark published no per-indicator result: a label there names nothing.
        add(
          ["indicators", id, key],
          `เกณฑ์ปี ${rules.year} ไม่มีเกณฑ์ผ่านรายตัวชี้วัด จึงไม่มีผล "${String(label)}" ให้ตรวจ`,
          `the ${rules.year} rules have no per-indicator pass mark, so there is no result "${String(label)}" to check`,
        );
        continue;
      }
      if (typeof label !== "string" || labels.includes(label.trim())) continue;
      add(
        ["indicators", id, key],
        `"${label}" ไม่ใช่ผลที่เกณฑ์ใช้ (ใช้ "${pass.passLabel.th}" หรือ "${pass.failLabel.th}" หรือ true/false)`,
        `"${label}" is not a result the rules use (use "${pass.passLabel.en || pass.passLabel.th}" or "${pass.failLabel.en || pass.failLabel.th}", or true/false)`,
      );
    }
  }
  const given = (x: unknown): boolean => x !== undefined && x !== null;
  const anyFigure =
    given(pub.total) ||
    given(pub.rating) ||
    Object.values(pub.tools ?? {}).some(given) ||
    Object.values(pub.indicators ?? {}).some((v) => given(v?.score) || given(v?.pass) || given(v?.result));
  if (!anyFigure) {
    add(
      [],
      "ไม่มีตัวเลขที่ประกาศให้ตรวจ (total, rating, tools, indicators ไม่มีหรือเป็น null ทั้งหมด)",
      "no published figure to check (total, rating, tools and indicators are all missing or null)",
    );
  }
  return out;
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
const AUDIT_TOLERANCE = 0.01;

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
  if (typeof pub.total === "number" && e.total) number("total", "คะแนนรวม", "total", pub.total, e.total.published);
  if (
    typeof pub.rating === "string" &&
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
    if (t && typeof v === "number") number(`tool ${t.id}`, `แบบวัด ${t.id}`, `tool ${t.id}`, v, t.value.published);
  }
  for (const [id, v] of Object.entries(pub.indicators ?? {})) {
    const ind = e.indicators.find((x) => x.id === id.trim());
    if (!ind || !v) continue;
    if (typeof v.score === "number") {
      number(`indicator ${ind.id}`, `ตัวชี้วัดที่ ${ind.id}`, `indicator ${ind.id}`, v.score, ind.value.published);
    }
    // `ita score --json` writes both; `result` stands in when `pass` is not published.
    const label = v.pass ?? v.result;
    if (label !== undefined && label !== null && typeof v.score === "number" && e.rules.pass) {
      // The label must follow the published score itself, whatever the recomputation says.
      const { passLabel, failLabel } = e.rules.pass;
      const claimedText = typeof label === "string" ? label.trim() : label ? passLabel.th : failLabel.th;
      const claimed = typeof label === "boolean" ? label : claimedText === passLabel.th || claimedText === passLabel.en;
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
