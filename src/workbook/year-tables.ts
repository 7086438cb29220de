/**
 * Score tables of several fiscal years in one workbook, as staff keep them: a sheet per
 * year whose name holds the year ("2566", "ITA ๒๕๖๖", "ผลปี 2567"), or one table with a
 * year column (ปี / ปีงบประมาณ / year). The command line and the task pane both read
 * years through here, so a workbook means the same in both. Nothing here scores: each
 * year's rows go to the engine with that year's rules (engine/history.ts).
 */
import type { ScoreRow } from "../engine/index.js";
import { arabicDigits, isBlank } from "../engine/scoring.js";
import { parseCell } from "./a1.js";
import type { RangeData } from "./port.js";
import { findScoreTable, type ScoreTable } from "./score-table.js";

/** One year's rows, and where they came from ("2566" or "คะแนน!ปี=2566"). */
export interface YearTable {
  readonly year: number;
  readonly sheet: string;
  readonly rows: readonly (ScoreRow & { readonly agency?: string })[];
  readonly table: ScoreTable;
}

/** Buddhist-era fiscal years ITA could have: 2550–2699, as written in a name or a cell. */
const YEAR = /(?:^|[^0-9])(25[5-9][0-9]|26[0-9]{2})(?![0-9])/;

/** The fiscal year a sheet or file name names, in Arabic or Thai digits; undefined when it names none. */
export function yearOf(name: string): number | undefined {
  const m = YEAR.exec(arabicDigits(name.normalize("NFC")));
  return m ? Number(m[1]) : undefined;
}

const YEAR_HEADERS = ["ปี", "ปีงบประมาณ", "ปีงบ", "พศ", "year", "fiscalyear", "fy"];

function isYearHeader(v: unknown): boolean {
  if (typeof v !== "string") return false;
  return v
    .split(/[/|\n()]/)
    .map((p) => p.normalize("NFC").toLowerCase().replace(/[\s.]/g, ""))
    .some((p) => YEAR_HEADERS.includes(p));
}

/** Rows of a table grouped by its year column, or undefined when the table has none. */
function byYearColumn(data: RangeData, table: ScoreTable): YearTable[] | undefined {
  const origin = parseCell(data.topLeft);
  const header = data.values[table.headerRow - origin.row] ?? [];
  const col = header.findIndex(isYearHeader);
  if (col < 0) return undefined;
  const groups = new Map<number, ScoreRow[]>();
  for (const row of table.rows) {
    const at = /!\$?[A-Z]+\$?(\d+)$/.exec(row.where ?? "");
    const cell = at ? data.values[Number(at[1]) - origin.row]?.[col] : undefined;
    if (cell === undefined || isBlank(cell)) continue;
    const year = yearOf(String(cell));
    if (year === undefined) continue;
    groups.set(year, [...(groups.get(year) ?? []), row]);
  }
  return [...groups].map(([year, rows]) => ({ year, sheet: data.sheet, rows, table }));
}

/**
 * Every year's score table in these sheets: by a year column, else by the sheet's name.
 * Sheets whose table names no year are left out (`unnamed`), as are sheets without a table.
 * `find` lets a caller that has already found the sheets' tables share them (a province's
 * 300,000 rows are then built once, not twice).
 */
export function findYearTables(
  sheets: readonly RangeData[],
  find: (data: RangeData) => ReturnType<typeof findScoreTable> = findScoreTable,
): {
  readonly years: readonly YearTable[];
  readonly unnamed: readonly ScoreTable[];
} {
  const years: YearTable[] = [];
  const unnamed: ScoreTable[] = [];
  for (const data of sheets) {
    const found = find(data);
    if (!found.ok) continue;
    const grouped = byYearColumn(data, found.table);
    if (grouped) {
      years.push(...grouped);
      continue;
    }
    const year = yearOf(data.sheet);
    if (year === undefined) unnamed.push(found.table);
    else years.push({ year, sheet: data.sheet, rows: found.table.rows, table: found.table });
  }
  return { years: years.sort((a, b) => a.year - b.year), unnamed };
}
