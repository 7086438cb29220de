/**
 * The published figures of an evaluation as a plain object: the shape of
 * `ita score --json` and of the `--published` file `ita audit` reads back.
 */
import type { Evaluation } from "./evaluate.js";

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

export function summarise(e: Evaluation): Summary {
  return {
    rules: e.rules.name.th,
    year: e.rules.year,
    total: e.total.published,
    rating: e.rating.label.th,
    tools: Object.fromEntries(e.tools.map((t) => [t.id, t.value.published])),
    indicators: Object.fromEntries(
      e.indicators.map((i) => [
        i.id,
        i.pass === null || !i.result
          ? { score: i.value.published }
          : { score: i.value.published, pass: i.pass, result: i.result.th },
      ]),
    ),
    nextUp: e.rating.nextUp
      ? { rating: e.rating.nextUp.label.th, shortfalls: e.rating.nextUp.shortfalls.map((s) => `${s.th} / ${s.en}`) }
      : null,
  };
}
