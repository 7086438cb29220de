/**
 * Score rows in, outcome out: the doors the command line, the pane and the custom
 * functions score through. `evaluateRows` gives the full result tree (or what is
 * wrong, or the partial result); `totalsOfRows` gives only what ITA.TOTAL, ITA.RATING
 * and ITA.TOOL read, through the lean totals path (totals.ts) when the input is
 * complete and clean, and through the full evaluation otherwise, so its problems,
 * partial results and figures are the full path's (tested).
 */
import type { Label, ScoringModel } from "../dsl/runtime.js";
import type { CompiledRules } from "./compile.js";
import type { ScoreProblem } from "./errors.js";
import { evaluate, readScores, type EvaluationOutcome, type ScoreRow } from "./evaluate.js";
import { ratingLabel } from "./rating.js";
import { isComplete, scoreTotals, totalsProgram } from "./totals.js";

/** Rows in, evaluation out: the common path for the command line, the pane and most functions. */
export function evaluateRows(compiled: CompiledRules<ScoringModel>, rows: readonly ScoreRow[]): EvaluationOutcome {
  return evaluate(compiled, readScores(compiled, rows));
}

/**
 * The published total, tool scores and rating: the part of an `Evaluation` the
 * totals-only functions read (an `Evaluation` is one, and the full path returns it).
 */
export interface Totals {
  readonly total: { readonly published: number };
  readonly tools: readonly { readonly id: string; readonly value: { readonly published: number } }[];
  readonly rating: { readonly row: number; readonly label: Label };
}

/** As `EvaluationOutcome`, with only the totals when it succeeds; a failure is the full path's. */
export type TotalsOutcome =
  | { readonly ok: true; readonly totals: Totals; readonly problems: readonly ScoreProblem[] }
  | Extract<EvaluationOutcome, { readonly ok: false }>;

/** Rows in, total, tool scores and rating out; the same figures and problems as `evaluateRows`. */
export function totalsOfRows(compiled: CompiledRules<ScoringModel>, rows: readonly ScoreRow[]): TotalsOutcome {
  const input = readScores(compiled, rows);
  const program = totalsProgram(compiled);
  if (!input.problems.some((p) => p.severity === "error") && isComplete(program, input.values)) {
    const published = new Float64Array(compiled.tools.length);
    const row = new Int32Array(1);
    const total = scoreTotals(program, input.values, published, row, input.levels);
    const tools = compiled.tools.map((t, k) => ({ id: t.id, value: { published: published[k]! } }));
    const totals: Totals = {
      total: { published: total },
      tools,
      rating: { row: row[0]!, label: ratingLabel(compiled.model, row[0]!) },
    };
    return { ok: true, totals, problems: input.problems };
  }
  const outcome = evaluate(compiled, input);
  if (!outcome.ok) return outcome;
  return { ok: true, totals: outcome.evaluation, problems: outcome.problems };
}
