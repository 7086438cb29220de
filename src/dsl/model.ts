/**
 * The checked model of one assessment year: what the evaluator, the custom
 * functions, the task pane and the report consume. It is only ever built from a
 * rules file that has no errors, so every reference in it resolves.
 */
import type { Level } from "./ast.js";

export type { Level };

export interface Label {
  readonly th: string;
  /** English beside the Thai; empty when the file gives none. */
  readonly en: string;
}

export interface ScaleAnswer {
  readonly text: string;
  readonly code?: string;
  /** `null`: the answer is skipped ("don't know"), never counted as zero. */
  readonly points: number | null;
}

export interface Scale {
  readonly id: string;
  readonly label: Label;
  readonly answers: readonly ScaleAnswer[];
}

/**
 * A question as scoring needs it. The precompiled models of the bundled years
 * (src/rules/scoring.ts) hold only the `Scoring*` part of a model, so the custom
 * functions start without question texts, guidance, plans or the parser.
 */
export interface ScoringQuestion {
  readonly id: string;
  readonly indicator: string;
  readonly subindicator?: string;
  readonly scale?: string;
  readonly reversed: boolean;
  readonly weight: number;
}

export interface Question extends ScoringQuestion {
  readonly text: Label;
  readonly maintain?: string;
  readonly raise?: string;
}

export interface ScoringSubindicator {
  readonly id: string;
  readonly label: Label;
  readonly weight: number;
  readonly weighted: boolean;
  readonly questions: readonly ScoringQuestion[];
}

export interface Subindicator extends ScoringSubindicator {
  readonly questions: readonly Question[];
}

export interface PlanTemplate {
  readonly issue: string;
  readonly measure: string;
  readonly owner: string;
  readonly steps: string;
  readonly period: string;
}

export interface ScoringIndicator {
  /** As written, e.g. "6"; indicators are numbered in NACC's documents. */
  readonly id: string;
  readonly label: Label;
  /** Tools that measure it, in declaration order of the tools. */
  readonly tools: readonly string[];
  readonly weight: number;
  readonly weighted: boolean;
  /** How per-tool scores combine into the published one; `null` for a single tool. */
  readonly combined: { readonly weighted: boolean } | null;
  /** Either sub-indicators (each with questions) or questions directly, never both. */
  readonly subindicators: readonly ScoringSubindicator[];
  readonly questions: readonly ScoringQuestion[];
}

export interface Indicator extends ScoringIndicator {
  readonly subindicators: readonly Subindicator[];
  readonly questions: readonly Question[];
  readonly plans: readonly PlanTemplate[];
}

export interface ScoringTool {
  readonly id: string;
  readonly label: Label;
  /** Percent of the total. */
  readonly weight: number;
  readonly weighted: boolean;
  /** Ids of the indicators it measures, in file order. */
  readonly indicators: readonly string[];
}

export interface Tool extends ScoringTool {
  /** What the tool measures and who answers it (`about`), for reports. */
  readonly about?: string;
}

/** A condition on a published value, as an inclusive interval in units of the precision. */
export interface Condition {
  readonly subject: "total" | "every" | "any" | "tool";
  readonly tool?: string;
  readonly lo: number;
  readonly hi: number;
  /** As written, for explanations and the formatter. */
  readonly min?: number;
  readonly minInclusive: boolean;
  readonly max?: number;
  readonly maxInclusive: boolean;
}

export interface RatingRow {
  readonly label: Label;
  readonly conditions: readonly Condition[];
}

/** Provenance from the rules file (`source` / `note`), Thai with English beside it, for staff. */
export interface Note {
  readonly kind: "source" | "note";
  readonly text: Label;
}

export type ProvisionalKind =
  "assessment" | "rounding" | "pass" | "scale" | "tool" | "total" | "indicator" | "subindicator" | "rating";

/** A part of the rules marked `provisional`: its value is inferred, not confirmed by NACC. */
export interface ProvisionalPart {
  readonly part: ProvisionalKind;
  /** The scale, tool, indicator or sub-indicator id, for those parts. */
  readonly id?: string;
  readonly reason: Label;
}

export interface PassMark {
  readonly threshold: number;
  readonly passLabel: Label;
  readonly failLabel: Label;
}

/** What evaluation, rating and the custom functions read of a year's rules. */
export interface ScoringModel {
  readonly name: Label;
  readonly year: number;
  readonly decimals: number;
  /** Levels whose published values are rounded; computation always carries unrounded values. */
  readonly publish: readonly Level[];
  /** The per-indicator pass mark; `null` for years that had none (before 2567). */
  readonly pass: PassMark | null;
  readonly scales: readonly Scale[];
  readonly tools: readonly ScoringTool[];
  readonly indicators: readonly ScoringIndicator[];
  readonly total: { readonly weighted: boolean };
  readonly rating: { readonly label: Label; readonly rows: readonly RatingRow[] };
}

/** The whole model: scoring plus the texts reports, the entry sheet and the pane show. */
export interface RulesModel extends ScoringModel {
  /** The assessment's principles (`about`), for reports; paragraphs separated by "\n". */
  readonly about?: string;
  readonly tools: readonly Tool[];
  readonly indicators: readonly Indicator[];
  /** `source` and `note` statements in file order; absent when the file has none. */
  readonly notes?: readonly Note[];
  /** Parts marked `provisional`, in file order; absent when none is. */
  readonly provisional?: readonly ProvisionalPart[];
}

/**
 * A model without its texts (question texts, guidance, plans, `about`, notes and
 * provisional marks, which are for staff reading the rules): what
 * scripts/bundle-rules.ts precompiles for the bundled years. Every other field is
 * kept as it is, so a field added to the model for scoring travels without a change here.
 */
export function scoringPart(model: RulesModel): ScoringModel {
  const { about: _about, notes: _notes, provisional: _provisional, tools, indicators, ...rest } = model;
  const question = ({ text: _t, maintain: _m, raise: _r, ...q }: Question): ScoringQuestion => q;
  return {
    ...rest,
    tools: tools.map(({ about: _a, ...t }) => t),
    indicators: indicators.map(({ plans: _p, subindicators, questions, ...ind }) => ({
      ...ind,
      subindicators: subindicators.map((s) => ({ ...s, questions: s.questions.map(question) })),
      questions: questions.map(question),
    })),
  };
}

/** Every question of an indicator, through its sub-indicators if it has them. */
export function questionsOf<Q extends ScoringQuestion>(ind: {
  readonly subindicators: readonly { readonly questions: readonly Q[] }[];
  readonly questions: readonly Q[];
}): readonly Q[] {
  return ind.subindicators.length > 0 ? ind.subindicators.flatMap((s) => s.questions) : ind.questions;
}

/**
 * Whether a rating condition holds for a total and tool scores, all in units of the
 * published precision (`tools[i]` belongs to `toolIds[i]`). The one meaning of a
 * condition, shared by the checker's coverage analysis and the evaluator.
 */
export function conditionHolds(
  c: Condition,
  total: number,
  tools: readonly number[],
  toolIds: readonly string[],
): boolean {
  // Plain loops, no closure: the evaluator asks this for every agency.
  const { lo, hi } = c;
  switch (c.subject) {
    case "total":
      return total >= lo && total <= hi;
    case "every":
      for (let i = 0; i < tools.length; i++) if (!(tools[i]! >= lo && tools[i]! <= hi)) return false;
      return true;
    case "any":
      for (let i = 0; i < tools.length; i++) if (tools[i]! >= lo && tools[i]! <= hi) return true;
      return false;
    case "tool": {
      const v = tools[toolIds.indexOf(c.tool ?? "")] ?? Number.NaN;
      return v >= lo && v <= hi;
    }
  }
}
