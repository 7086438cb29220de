/**
 * Earlier years for `ita report --history <file|folder>` and for workbooks that hold
 * several years: reading the year tables (workbooks: a sheet per year or a year column;
 * CSV files: one year each, named in the file name) and pairing each year with its
 * own bundled rules. A year without rules is said, in Thai and English, and left out.
 */
import { basename } from "node:path";
import { bundledRules, type CompiledRules, type YearScores, bundledYears } from "../engine/index.js";
import { sameAgencyName } from "../report/agency.js";
import { isOwnSheet } from "../workbook/own-sheets.js";
import { findYearTables, yearOf, type YearTable } from "../workbook/year-tables.js";
import { InputError } from "./errors.js";
import { readXlsx } from "./read-xlsx.js";
import { rowsFromCsv } from "./score-csv.js";
import { readTextFile } from "./text-file.js";

/** A year's rows as read for history, named by where they came from. */
export interface HistoryTable {
  readonly year: number;
  readonly source: string;
  readonly rows: YearTable["rows"];
}

/** Every year table in these files (a folder's, see report.ts inputFiles); a file that names no year is an error naming it. */
export async function readHistory(files: readonly string[]): Promise<HistoryTable[]> {
  const out: HistoryTable[] = [];
  for (const file of files) {
    const name = basename(file);
    if (/\.csv$/i.test(file)) {
      const year = yearOf(name);
      if (year === undefined) {
        throw new InputError(
          `${file}: ไม่ทราบว่าเป็นคะแนนปีใด ใส่ปีในชื่อไฟล์ เช่น scores-2566.csv / which year is this? Put the year in the file name, e.g. scores-2566.csv`,
        );
      }
      out.push({ year, source: name, rows: rowsFromCsv(readTextFile(file), file) });
      continue;
    }
    const { sheets } = await readXlsx(file);
    const found = findYearTables(sheets.filter((s) => !isOwnSheet(s.sheet)));
    const fileYear = yearOf(name);
    if (found.years.length === 0 && found.unnamed.length === 1 && fileYear !== undefined) {
      out.push({ year: fileYear, source: name, rows: found.unnamed[0]!.rows });
      continue;
    }
    if (found.years.length === 0) {
      throw new InputError(
        `${file}: ไม่พบตารางคะแนนรายปี (ตั้งชื่อชีตตามปี เช่น 2566 หรือเพิ่มคอลัมน์ ปี) / no year tables found (name each sheet by its year, e.g. 2566, or add a year column)`,
      );
    }
    for (const t of found.years) out.push({ year: t.year, source: `${name}!${t.sheet}`, rows: t.rows });
  }
  return out;
}

/** The rules a year is scored by: the report's own rules for its own year, else the bundled year. */
function rulesFor(year: number, current: CompiledRules): CompiledRules | undefined {
  return year === current.model.year ? current : bundledRules(year);
}

export function noRulesText(year: number): string {
  const years = bundledYears();
  return `ไม่มีเกณฑ์ของปี ${year} ในโปรแกรม (มีปี ${years.join(", ")}) จึงไม่นำปีนี้มาเทียบ / no bundled rules for ${year} (bundled: ${years.join(", ")}), so that year is left out of the comparison`;
}

/**
 * The years to compare for one agency: this year's scores with its rules, and each
 * earlier year (rows of this agency only, when the table names agencies) with its own.
 * A year given twice keeps the first and says so; a year without rules is left out and said.
 */
export function historyYears(
  agency: string,
  current: { readonly rules: CompiledRules; readonly rows: YearScores["rows"] },
  earlier: readonly HistoryTable[],
): { years: YearScores[]; notes: string[] } {
  const years: YearScores[] = [{ rules: current.rules, rows: current.rows }];
  const seen = new Set([current.rules.model.year]);
  const notes: string[] = [];
  for (const t of earlier) {
    const rows = t.rows.some((r) => r.agency !== undefined)
      ? t.rows.filter((r) => r.agency !== undefined && sameAgencyName(r.agency, agency))
      : t.rows;
    if (rows.length === 0) continue;
    // This year's own scores come from the report's input; a history file that repeats it is not a conflict.
    if (t.year === current.rules.model.year) continue;
    if (seen.has(t.year)) {
      notes.push(`${t.source}: ปี ${t.year} มีอยู่แล้ว ใช้ชุดแรก / year ${t.year} was already given: the first is used`);
      continue;
    }
    const rules = rulesFor(t.year, current.rules);
    if (!rules) {
      notes.push(`${t.source}: ${noRulesText(t.year)}`);
      continue;
    }
    seen.add(t.year);
    years.push({ rules, rows, source: t.source });
  }
  return { years, notes };
}
