/**
 * The agency details beside a score CSV (agency.csv), read with the same layouts as
 * the "หน่วยงาน" sheet. Kept out of src/report so the task pane's bundle does not
 * take the CSV parser.
 */
import { parse } from "csv-parse/sync";
import { agenciesFromGrid, type AgencyResult } from "../report/agency.js";
import { explain, InputError } from "./errors.js";

/** Agencies from a CSV file's text (same layouts as the sheet). */
export function agenciesFromCsv(text: string, file: string): AgencyResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw new InputError(explain(e, file));
  }
  return agenciesFromGrid(records, file);
}
