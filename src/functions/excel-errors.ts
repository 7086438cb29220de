/**
 * Excel errors with a short Thai/English message. Only #VALUE! and #N/A carry a
 * custom message in Excel, so those are the two codes the functions raise:
 * #VALUE! for a cell or argument that cannot be read, #N/A for something that
 * does not exist (unknown rules, tool, indicator or question; scores missing).
 */
import { describeProblem, type ScoreProblem } from "../engine/scoring.js";

export type ErrorKind = "invalidValue" | "notAvailable";

/** Excel shows the message in the cell's error tooltip; keep it short. */
const MAX_MESSAGE = 255;

function clip(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}

export function excelError(kind: ErrorKind, th: string, en: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind], clip(`${th} / ${en}`));
}

/** "แถว 7 / row 7": a row counted from the top of the range the user selected (header included). */
export function rowPlace(row: number, column?: number): string {
  return column === undefined ? `แถว ${row} / row ${row}` : `แถว ${row} คอลัมน์ ${column} / row ${row} column ${column}`;
}

/**
 * The first error among the engine's problems as an Excel error, with a count of
 * the rest. Missing scores are #N/A (nothing to compute from); everything else is #VALUE!.
 */
export function problemsError(problems: readonly ScoreProblem[]): CustomFunctions.Error | null {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0];
  if (!first) return null;
  const kind: ErrorKind =
    first.code === "missing" || first.code === "no-answers" || first.code === "not-given" || first.code === "fractions"
      ? "notAvailable"
      : "invalidValue";
  const more = errors.length > 1 ? ` (และอีก ${errors.length - 1} รายการ / and ${errors.length - 1} more)` : "";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind], clip(describeProblem(first) + more));
}
