/** Test helpers for the workbook layer: RangeData built from rows as a sheet holds them, and the seed sheet. */
import { readFileSync } from "node:fs";
import type { CellValue } from "../../src/engine/index.js";
import type { CellKind, RangeData } from "../../src/workbook/port.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";

export function kindOf(v: CellValue): CellKind {
  if (v === "" || v === null || v === undefined) return "empty";
  return typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string";
}

export function rangeData(sheet: string, rows: CellValue[][], topLeft = "A1", merged: string[] = []): RangeData {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
  return { sheet, topLeft, values, kinds: values.map((r) => r.map(kindOf)), merged };
}

export const SEED_CSV = readFileSync("examples/khlong-phon-2568/scores.csv", "utf8");

/** The seed agency's sheet as the preview shows it: title (merged A1:C1), blank row, Thai header on row 3. */
export function seedRange(): RangeData {
  const s = seedSheet(SEED_CSV);
  return rangeData(s.name, s.rows, "A1", s.merged);
}
