/**
 * Every problem with a score table for the chosen rules, before anything is shown
 * as a result: what readScores finds per row (blank, not a number, Thai digits that
 * cannot be read, out of range, duplicate, unknown tool or question) and what the
 * roll-up finds missing (a question the rules need that no row gives). The CLI and
 * the task pane's Check step list the same problems because both come from here.
 */
import type { CompiledRules } from "./compile.js";
import type { ScoreProblem } from "./errors.js";
import { evaluate, readScores, type ScoreRow } from "./evaluate.js";

export function checkScores(compiled: CompiledRules, rows: readonly ScoreRow[]): readonly ScoreProblem[] {
  return evaluate(compiled, readScores(compiled, rows)).problems;
}
