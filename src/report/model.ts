/**
 * The analysis report and improvement plan of one agency as plain data: what the
 * HTML page, the .xlsx file and the task pane's report sheets all render. Every
 * figure, pass/fail and rating comes from the engine's evaluation as published;
 * every text that depends on a year's criteria (tool names, weights, the pass mark,
 * rating bands, guidance, plan templates) comes from the rules model. Nothing here
 * scores, rounds or rates anything itself.
 */
import {
  type Condition,
  type Indicator,
  type Label,
  type Question,
  type RulesModel,
  formatFixed,
  toThaiDigits,
  unitsToText,
} from "../dsl/runtime.js";
import {
  audit,
  passes,
  type Evaluation,
  type PublishedFigures,
  type QuestionResult,
  type History,
} from "../engine/index.js";
import { historySection } from "./history.js";

export interface Agency {
  /** ชื่อหน่วยงาน, e.g. "เทศบาลตำบลคลองพน". */
  readonly name: string;
  /** อำเภอ (district), without the word อำเภอ. */
  readonly district?: string;
  /** จังหวัด (province), without the word จังหวัด. */
  readonly province?: string;
}

export interface ReportOptions {
  /** Print numbers with Thai digits (๙๓.๖๐), as agencies' published reports do. */
  readonly thaiDigits?: boolean;
  /** Figures the agency published: when given, the audit's findings are listed in the report. */
  readonly published?: PublishedFigures;
  /** How many indicators the improvement plan covers at least; see `planIndicators`. Default 3. */
  readonly planIndicators?: number;
  /** Earlier years compared with this one (engine compareYears, this year included): the history section. */
  readonly history?: History;
}

export type GuidanceVariant = "maintain" | "raise";

export interface ReportQuestion {
  readonly id: string;
  /** The id as printed (Thai digits when asked). */
  readonly idText: string;
  readonly text: string;
  /** The published question score, printed; undefined when the agency's scores give only a higher level. */
  readonly score?: string;
  /**
   * Which published figure chose the guidance: the question's own, or (when only a
   * sub-indicator's or the indicator's score was supplied) that level's.
   */
  readonly basis: "question" | "subindicator" | "indicator";
  readonly variant: GuidanceVariant;
  /** The rules' `maintain` or `raise` text; "" when the rules give none. */
  readonly guidance: string;
}

export interface ReportPart {
  readonly tool: string;
  readonly toolLabel: Label;
  /** The indicator's score in this tool, printed. */
  readonly score: string;
  readonly questions: readonly ReportQuestion[];
}

export interface ReportIndicator {
  readonly id: string;
  readonly idText: string;
  /** Tools that measure it, e.g. "EIT1, EIT2". */
  readonly tools: string;
  readonly label: Label;
  /** The published figure (for charts) and its printed form. */
  readonly value: number;
  readonly score: string;
  /** `null` (and no result) when the rules have no pass mark. */
  readonly pass: boolean | null;
  readonly result: Label | null;
  /** Questions per tool part (EIT indicators have one part per EIT tool). */
  readonly parts: readonly ReportPart[];
}

export interface PlanRow {
  readonly indicator: string;
  readonly indicatorText: string;
  readonly indicatorLabel: string;
  /** ประเด็นที่ต้องยกระดับ */
  readonly issue: string;
  /** มาตรการ */
  readonly measure: string;
  /** ผู้รับผิดชอบ */
  readonly owner: string;
  /** ขั้นตอนหรือวิธีการปฏิบัติ (lines separated by "\n") */
  readonly steps: string;
  /** ระยะเวลาดำเนินการ */
  readonly period: string;
  /** Why this indicator is in the plan: its score, result and questions under the pass mark. */
  readonly reason: string;
}

export interface RatingBand {
  readonly label: Label;
  /** The band's conditions in words, at the published precision. */
  readonly conditions: Label;
  /** True for the band this agency is in. */
  readonly current: boolean;
}

/** One year of the history section. */
export interface HistoryYearColumn {
  readonly year: number;
  /** "2566" (Thai digits when asked). */
  readonly yearText: string;
  /** The rules the year was scored by, e.g. "ITA, fiscal year 2566". */
  readonly rules: Label;
  readonly status: "complete" | "partial" | "failed";
  /** For a partial year what its total still needs; for a failed one its first problems. */
  readonly remark?: Label;
  readonly source?: string;
}

/** A row of the history table: one indicator, one tool, or the total. */
export interface HistoryLine {
  readonly kind: "indicator" | "tool" | "total";
  readonly id: string;
  readonly idText: string;
  readonly label: Label;
  /** Per year (oldest first): the published figure, or null where the year has none. */
  readonly values: readonly (number | null)[];
  /** Printed values; "—" where the year has none. */
  readonly texts: readonly string[];
  /** Per year: the published change from the year before; null for the first year or when either lacks it. */
  readonly changes: readonly (number | null)[];
  /** Printed changes with their sign ("+5.80", "-1.25", "0.00"); "" where there is none. */
  readonly changeTexts: readonly string[];
  /** Criteria changes that bear on this row, "2567→2568: …". */
  readonly notes: readonly Label[];
}

export interface ReportHistory {
  readonly years: readonly HistoryYearColumn[];
  /** The total first, then tools, then indicators. */
  readonly lines: readonly HistoryLine[];
  readonly rating: {
    readonly labels: readonly string[];
    /** Per year: "ดีขึ้น / up", "เกณฑ์เปลี่ยน / bands changed"…; "" for the first year. */
    readonly moves: readonly Label[];
  };
  /** Every criteria change between consecutive years, "2567→2568: …". */
  readonly criteria: readonly Label[];
}

export interface ReportModel {
  readonly agency: Agency;
  readonly thaiDigits: boolean;
  readonly title: {
    readonly heading: string;
    readonly subheading: string;
    /** "ประจำปีงบประมาณ พ.ศ. 2568" (Thai digits when asked). */
    readonly fiscalYear: string;
    readonly agencyLine: string;
    /** "อำเภอคลองท่อม จังหวัดกระบี่", or "" when neither is known. */
    readonly placeLine: string;
  };
  readonly rules: { readonly name: Label; readonly year: number; readonly decimals: number };
  readonly principles: {
    /** The rules' `about` text of the assessment, as paragraphs; empty when the rules give none. */
    readonly about: readonly string[];
    readonly tools: readonly {
      readonly id: string;
      readonly label: Label;
      readonly weight: string;
      /** The rules' `about` text of the tool ("" when none). */
      readonly about: string;
    }[];
    /** The per-indicator pass mark; `null` for years without one (renderers leave the pass column out). */
    readonly pass: {
      readonly mark: number;
      readonly markText: string;
      readonly passLabel: Label;
      readonly failLabel: Label;
    } | null;
    readonly ratingLabel: Label;
    readonly bands: readonly RatingBand[];
  };
  readonly summary: {
    readonly total: number;
    readonly totalText: string;
    readonly rating: Label;
    readonly tools: readonly {
      readonly id: string;
      readonly label: Label;
      readonly value: number;
      readonly score: string;
    }[];
    readonly nextUp?: { readonly label: Label; readonly shortfalls: readonly Label[] };
  };
  readonly indicators: readonly ReportIndicator[];
  /** The year the plan is for: the fiscal year after the assessment's. */
  readonly planYear: string;
  readonly plan: readonly PlanRow[];
  /** Published figures the rules do not reproduce; undefined when no published figures were given. */
  readonly audit?: readonly Label[];
  /** This year beside earlier ones; undefined when no earlier year was given. */
  readonly history?: ReportHistory;
}

/**
 * Column headings shared by every renderer, Thai first with English beside it. The
 * indicator table's are the engine's (`indicatorColumns`), one definition with
 * ITA.INDICATORS, the results sheet and `ita score`.
 */
export const HEADINGS = {
  questionTable: [
    { th: "ประเด็นข้อคำถาม", en: "Question" },
    { th: "คะแนน", en: "Score" },
    { th: "แนวทางการยกระดับผลการประเมินฯ", en: "Guidance" },
  ],
  planTable: [
    { th: "ตัวชี้วัด", en: "Indicator" },
    { th: "ประเด็นที่ต้องยกระดับผลการประเมินฯ", en: "Issue to raise" },
    { th: "มาตรการ (วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ)", en: "Measure" },
    { th: "ผู้รับผิดชอบ", en: "Responsible" },
    { th: "ขั้นตอนหรือวิธีการปฏิบัติ", en: "Steps" },
    { th: "ระยะเวลาดำเนินการ", en: "Timeframe" },
  ],
  toolTable: [
    { th: "แบบวัด", en: "Tool" },
    { th: "น้ำหนัก (ร้อยละ)", en: "Weight (%)" },
    { th: "คะแนน", en: "Score" },
  ],
} as const;

/**
 * The plan covers every failing indicator, then the lowest-scoring passing ones,
 * until it holds at least `planIndicators` (default 3) indicators. Why three: o27
 * asks for measures that answer the analysis' weak points, and an agency cannot
 * staff a plan for all ten indicators in one fiscal year; the failing ones must be
 * there whatever their number, and the next weakest show where the score will drop
 * next. Ties are broken by indicator order. Users add or remove rows in the outputs.
 */
function planIndicators(e: Evaluation, atLeast: number): readonly string[] {
  const ordered = e.indicators
    .map((ind, i) => ({ ind, i }))
    .sort(
      (a, b) =>
        Number(a.ind.pass !== false) - Number(b.ind.pass !== false) ||
        a.ind.value.published - b.ind.value.published ||
        a.i - b.i,
    );
  // Without a pass mark nothing fails: the plan is the lowest indicators.
  const failing = ordered.filter((x) => x.ind.pass === false).length;
  return ordered.slice(0, Math.max(failing, Math.min(atLeast, ordered.length))).map((x) => x.ind.id);
}

function conditionText(c: Condition, decimals: number, thai: boolean): Label {
  const n = (units: number): string => {
    const t = unitsToText(units, decimals);
    return thai ? toThaiDigits(t) : t;
  };
  const range = (): Label => {
    if (Number.isFinite(c.lo) && Number.isFinite(c.hi))
      return { th: `${n(c.lo)} – ${n(c.hi)}`, en: `${n(c.lo)}–${n(c.hi)}` };
    if (Number.isFinite(c.lo)) return { th: `${n(c.lo)} ขึ้นไป`, en: `${n(c.lo)} or more` };
    if (Number.isFinite(c.hi)) return { th: `ไม่เกิน ${n(c.hi)}`, en: `at most ${n(c.hi)}` };
    return { th: "ทุกค่า", en: "any value" };
  };
  const r = range();
  switch (c.subject) {
    case "total":
      return { th: `คะแนนรวม ${r.th}`, en: `total ${r.en}` };
    case "every":
      return { th: `ทุกแบบวัด ${r.th}`, en: `every tool ${r.en}` };
    case "any":
      return { th: `แบบวัดใดแบบวัดหนึ่ง ${r.th}`, en: `any tool ${r.en}` };
    case "tool":
      return { th: `แบบวัด ${c.tool ?? ""} ${r.th}`, en: `tool ${c.tool ?? ""} ${r.en}` };
  }
}

export function buildReport(
  evaluation: Evaluation,
  model: RulesModel,
  agency: Agency,
  options: ReportOptions = {},
): ReportModel {
  const thai = options.thaiDigits ?? false;
  const d = evaluation.rules.decimals;
  const num = (x: number): string => formatFixed(x, d, thai);
  const digits = (s: string): string => (thai ? toThaiDigits(s) : s);
  const rulesFor = evaluation.rules;
  const year = String(rulesFor.year);
  const indicatorModels = new Map<string, Indicator>(model.indicators.map((i) => [i.id, i]));
  const toolLabels = new Map<string, Label>(model.tools.map((t) => [t.id, t.label]));

  const guidance = (q: Question, score: number): { variant: GuidanceVariant; guidance: string } => {
    // Without a pass mark there is no line to maintain: every question gets the raising guidance.
    const variant: GuidanceVariant = passes(rulesFor, score) === true ? "maintain" : "raise";
    return { variant, guidance: (variant === "maintain" ? q.maintain : q.raise) ?? "" };
  };

  const indicators: ReportIndicator[] = evaluation.indicators.map((ind) => {
    const im = indicatorModels.get(ind.id);
    const parts: ReportPart[] = ind.parts.map((part) => {
      const byQuestion = new Map<string, QuestionResult>();
      const bySub = new Map<string, { value: number; given: boolean }>();
      for (const q of part.questions) byQuestion.set(q.id, q);
      for (const s of part.subindicators) {
        bySub.set(s.id, { value: s.value.published, given: s.given });
        for (const q of s.questions) byQuestion.set(q.id, q);
      }
      const question = (q: Question): ReportQuestion => {
        const own = byQuestion.get(q.id);
        const sub = q.subindicator ? bySub.get(q.subindicator) : undefined;
        // A score supplied only for a higher level stands for the questions under it.
        const basis = own ? "question" : sub ? "subindicator" : "indicator";
        const value = own ? own.value.published : sub ? sub.value : part.value.published;
        return {
          id: q.id,
          idText: digits(q.id),
          text: q.text.th,
          score: own ? num(own.value.published) : undefined,
          basis,
          ...guidance(q, value),
        };
      };
      const qs = im ? (im.subindicators.length > 0 ? im.subindicators.flatMap((s) => s.questions) : im.questions) : [];
      return {
        tool: part.tool,
        toolLabel: toolLabels.get(part.tool) ?? { th: part.tool, en: part.tool },
        score: num(part.value.published),
        questions: qs.map(question),
      };
    });
    return {
      id: ind.id,
      idText: digits(ind.id),
      tools: ind.tools.join(", "),
      label: ind.label,
      value: ind.value.published,
      score: num(ind.value.published),
      pass: ind.pass,
      result: ind.result,
      parts,
    };
  });

  const chosen = planIndicators(evaluation, options.planIndicators ?? 3);
  const plan: PlanRow[] = chosen.flatMap((id) => {
    const ind = indicators.find((i) => i.id === id)!;
    const templates = indicatorModels.get(id)?.plans ?? [];
    const low = ind.parts.flatMap((p) =>
      p.questions
        .filter((q) => ind.pass !== null && q.variant === "raise" && q.score !== undefined)
        .map((q) => (ind.parts.length > 1 ? `${q.idText} (${p.tool}) ${q.score}` : `${q.idText} ${q.score}`)),
    );
    const reason =
      `ตัวชี้วัดที่ ${ind.idText} ได้ ${ind.score}${ind.result ? ` ${ind.result.th}` : ""}` +
      (low.length > 0 ? `; ข้อที่ต่ำกว่าเกณฑ์: ${low.join(", ")}` : "");
    const base = { indicator: id, indicatorText: ind.idText, indicatorLabel: ind.label.th, reason };
    if (templates.length === 0) {
      // No template in the rules: an empty row for the agency to fill in.
      return [{ ...base, issue: ind.label.th, measure: "", owner: "", steps: "", period: "" }];
    }
    return templates.map((t) => ({ ...base, ...t }));
  });

  const passMark = rulesFor.pass;
  // Engine texts name tools ("EIT1") whose digits are part of the name: they keep Arabic digits.
  const shortfalls = evaluation.rating.nextUp?.shortfalls.map((s) => ({ th: s.th, en: s.en }));
  return {
    agency,
    thaiDigits: thai,
    title: {
      heading: "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
      subheading: rulesFor.name.th,
      fiscalYear: `ประจำปีงบประมาณ พ.ศ. ${digits(year)}`,
      agencyLine: agency.name,
      placeLine: [agency.district ? `อำเภอ${agency.district}` : "", agency.province ? `จังหวัด${agency.province}` : ""]
        .filter(Boolean)
        .join(" "),
    },
    rules: { name: rulesFor.name, year: rulesFor.year, decimals: d },
    principles: {
      about: (model.about ?? "")
        .split("\n")
        .map((p) => p.trim())
        .filter(Boolean),
      tools: model.tools.map((t) => ({
        id: t.id,
        label: t.label,
        weight: digits(String(t.weight)),
        about: t.about ?? "",
      })),
      pass: passMark
        ? {
            mark: passMark.threshold,
            markText: num(passMark.threshold),
            passLabel: passMark.passLabel,
            failLabel: passMark.failLabel,
          }
        : null,
      ratingLabel: model.rating.label,
      bands: model.rating.rows.map((row, i) => ({
        label: row.label,
        conditions: row.conditions
          .map((c) => conditionText(c, d, thai))
          .reduce((a, b) => ({ th: `${a.th} และ ${b.th}`, en: `${a.en} and ${b.en}` })),
        current: i === evaluation.rating.row,
      })),
    },
    summary: {
      total: evaluation.total.published,
      totalText: num(evaluation.total.published),
      rating: evaluation.rating.label,
      tools: evaluation.tools.map((t) => ({
        id: t.id,
        label: t.label,
        value: t.value.published,
        score: num(t.value.published),
      })),
      nextUp: evaluation.rating.nextUp
        ? { label: evaluation.rating.nextUp.label, shortfalls: shortfalls ?? [] }
        : undefined,
    },
    indicators,
    planYear: digits(String(rulesFor.year + 1)),
    plan,
    audit: options.published ? audit(evaluation, options.published).map((f) => ({ th: f.th, en: f.en })) : undefined,
    history: options.history && options.history.years.length > 1 ? historySection(options.history, thai) : undefined,
  };
}

/** The `count` lowest indicators (weakest first, ties in indicator order): for summaries. */
export function weakestIndicators<T extends Pick<ReportIndicator, "value">>(
  report: { readonly indicators: readonly T[] },
  count = 3,
): readonly T[] {
  return report.indicators
    .map((ind, i) => ({ ind, i }))
    .sort((a, b) => a.ind.value - b.ind.value || a.i - b.i)
    .slice(0, count)
    .map((x) => x.ind);
}
