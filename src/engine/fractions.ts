/**
 * Scores typed into cells formatted as percentages: Excel holds 95 % as 0.95, so a
 * table whose every score lies between 0 and 1 (and is not all 0) would be rated as
 * if the agency scored under 1 point everywhere. The one place that decides it, for
 * the pane's Check, the command line and the custom functions alike.
 */
import type { ScoreRow } from "./evaluate.js";
import { scoreProblem, type ScoreProblem } from "./errors.js";
import { readNumber } from "./values.js";

/** The "fractions" problem, placed at the first score, or null when the scores look like 0–100 scores. */
export function fractionsProblem(rows: readonly ScoreRow[]): ScoreProblem | null {
  let first: ScoreRow | undefined;
  let positive = false;
  for (const row of rows) {
    const n = readNumber(row.score);
    if (n.kind === "blank") continue;
    if (n.kind !== "number" || n.value < 0 || n.value > 1) return null;
    first ??= row;
    if (n.value > 0) positive = true;
  }
  if (!first || !positive) return null;
  return scoreProblem("fractions", {
    tool: String(first.tool ?? "").trim(),
    question: String(first.question ?? "").trim(),
    where: first.where,
  });
}
