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

export interface Question {
  readonly id: string;
  readonly text: Label;
  readonly indicator: string;
  readonly subindicator?: string;
  readonly scale?: string;
  readonly reversed: boolean;
  readonly weight: number;
  readonly maintain?: string;
  readonly raise?: string;
}

export interface Subindicator {
  readonly id: string;
  readonly label: Label;
  readonly weight: number;
  readonly weighted: boolean;
  readonly questions: readonly Question[];
}

export interface PlanTemplate {
  readonly issue: string;
  readonly measure: string;
  readonly owner: string;
  readonly steps: string;
  readonly period: string;
}

export interface Indicator {
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
  readonly subindicators: readonly Subindicator[];
  readonly questions: readonly Question[];
  readonly plans: readonly PlanTemplate[];
}

export interface Tool {
  readonly id: string;
  readonly label: Label;
  /** Percent of the total. */
  readonly weight: number;
  readonly weighted: boolean;
  /** Ids of the indicators it measures, in file order. */
  readonly indicators: readonly string[];
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

export interface RulesModel {
  readonly name: Label;
  /** The assessment's principles (`about`), for reports; paragraphs separated by "\n". */
  readonly about?: string;
  readonly year: number;
  readonly decimals: number;
  /** Levels whose published values are rounded; computation always carries unrounded values. */
  readonly publish: readonly Level[];
  readonly pass: { readonly threshold: number; readonly passLabel: Label; readonly failLabel: Label };
  readonly scales: readonly Scale[];
  readonly tools: readonly Tool[];
  readonly indicators: readonly Indicator[];
  readonly total: { readonly weighted: boolean };
  readonly rating: { readonly label: Label; readonly rows: readonly RatingRow[] };
  /** `source` and `note` statements in file order; absent when the file has none. */
  readonly notes?: readonly Note[];
  /** Parts marked `provisional`, in file order; absent when none is. */
  readonly provisional?: readonly ProvisionalPart[];
}

/** Every question of an indicator, through its sub-indicators if it has them. */
export function questionsOf(ind: Indicator): readonly Question[] {
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
  const inside = (v: number): boolean => v >= c.lo && v <= c.hi;
  switch (c.subject) {
    case "total":
      return inside(total);
    case "every":
      return tools.every(inside);
    case "any":
      return tools.some(inside);
    case "tool":
      return inside(tools[toolIds.indexOf(c.tool ?? "")] ?? Number.NaN);
  }
}
