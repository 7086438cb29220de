/**
 * The sample workbook of `npm run preview` and the browser tests: the seed agency's
 * scores (examples/khlong-phon-2568/scores.csv) laid out as staff type them, with a
 * merged title row above a Thai header. The CSV text is passed in (bundled as a
 * source asset in the browser, read from disk in tests) so the numbers are the
 * example's, never copied here. The agency's details sheet (หน่วยงาน) comes from the
 * example's agency.csv the same way.
 */
import type { CellValue } from "../../engine/index.js";
import { AGENCY_SHEET } from "../../report/agency.js";

export const SEED_SHEET = "คะแนน";
export const SEED_TITLE = "ผลคะแนน ITA ปีงบประมาณ พ.ศ. ๒๕๖๘ เทศบาลตำบลคลองพน";

export interface SeedSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly merged: string[];
}

/** The seed CSV (plain: no quoted fields) → title, blank row, header, data; cells stay text as typed. */
export function seedSheet(csv: string): SeedSheet {
  const lines = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const table = lines.map((l) => l.split(",").map((c) => c.trim()));
  return { name: SEED_SHEET, rows: [[SEED_TITLE, "", ""], ["", "", ""], ...table], merged: ["A1:C1"] };
}

/** The agency details sheet beside the scores (examples/khlong-phon-2568/agency.csv): label, value. */
export function agencySheet(csv: string): SeedSheet {
  const rows = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(",").map((c) => c.trim()));
  return { name: AGENCY_SHEET, rows, merged: [] };
}
