/**
 * The seed agency (เทศบาลตำบลคลองพน, 2568), as its published report lists the
 * scores: examples/khlong-phon-2568/*.csv are honest copies of those figures.
 */
import { readFileSync } from "node:fs";
import { rowsFromCsv } from "../../src/cli/score-csv.js";
import type { ScoreRow } from "../../src/engine/index.js";

export function seedRows(file = "scores.csv"): ScoreRow[] {
  const path = `examples/khlong-phon-2568/${file}`;
  return rowsFromCsv(readFileSync(path, "utf8"), path);
}
