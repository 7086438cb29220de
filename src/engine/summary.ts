/**
 * The published figures of an evaluation as a plain object: the shape of
 * `ita score --json` and of the `--published` file `ita audit` reads back.
 */
import type { Evaluation, PartialEvaluation } from "./evaluate.js";

export interface Summary {
  readonly rules: string;
  readonly year: number;
  readonly total: number;
  readonly rating: string;
  readonly tools: Record<string, number>;
  /** `pass` and `result` only where the rules have a pass mark. */
  readonly indicators: Record<string, { score: number; pass?: boolean; result?: string }>;
  readonly nextUp: { readonly rating: string; readonly shortfalls: readonly string[] } | null;
}

/** A partial result: what is known, `null` for the total and rating until every tool is, and what is missing. */
export interface PartialSummary extends Omit<Summary, "total" | "rating"> {
  readonly total: number | null;
  readonly rating: string | null;
  readonly missing: { readonly tools: readonly string[]; readonly indicators: readonly string[] };
  readonly needs: { readonly th: string; readonly en: string };
}

export function summarise(e: Evaluation): Summary;
export function summarise(e: PartialEvaluation): PartialSummary;
export function summarise(e: Evaluation | PartialEvaluation): Summary | PartialSummary {
  const common = {
    rules: e.rules.name.th,
    year: e.rules.year,
    tools: Object.fromEntries(e.tools.map((t) => [t.id, t.value.published])),
    indicators: Object.fromEntries(
      e.indicators.map((i) => [
        i.id,
        i.pass === null || !i.result
          ? { score: i.value.published }
          : { score: i.value.published, pass: i.pass, result: i.result.th },
      ]),
    ),
    nextUp: e.rating?.nextUp
      ? { rating: e.rating.nextUp.label.th, shortfalls: e.rating.nextUp.shortfalls.map((s) => `${s.th} / ${s.en}`) }
      : null,
  };
  if ("needs" in e) {
    return {
      ...common,
      total: e.total?.published ?? null,
      rating: e.rating?.label.th ?? null,
      missing: e.missing,
      needs: { th: e.needs.th, en: e.needs.en },
    };
  }
  return { ...common, total: e.total.published, rating: e.rating.label.th };
}
