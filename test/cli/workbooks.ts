/**
 * Score workbooks for the command-line tests, built with exceljs from the seed's
 * real scores (examples/khlong-phon-2568/scores.csv): a score sheet "คะแนน" with a
 * title row and the header on row 3, and an agency sheet "หน่วยงาน", with switches
 * for the faults users make (merged header, text in a score cell, no agency sheet).
 */
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { arabicDigits } from "../../src/engine/values.js";
import { seedRows } from "../support/seed.js";

export interface WorkbookOptions {
  readonly agency?: { name: string; district?: string; province?: string } | null;
  /** Merge the header cells A3:B3 (tool and question). */
  readonly mergedHeader?: boolean;
  /** Replace the score of the row at this 0-based index with this text. */
  readonly textScore?: { readonly index: number; readonly text: string };
  /** Add a fixed amount to every score, to make agencies differ. */
  readonly shift?: number;
  /** Several agencies in one table with an agency column (their names). */
  readonly agencies?: readonly string[];
  /** With `agencies`: how many points each agency scores below the one before it (3 unless given). */
  readonly step?: number;
  /** With `agencies`: leave the agency cell of the row at this 0-based index blank. */
  readonly blankAgencyAt?: number;
  /** More sheets after the score sheet, e.g. a copy of it or a report written earlier. */
  readonly extraSheets?: readonly { readonly name: string; readonly rows: readonly (readonly ExcelJS.CellValue[])[] }[];
}

export async function writeSeedWorkbook(path: string, options: WorkbookOptions = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("คะแนน");
  ws.getCell("A1").value = "ผลการประเมิน ITA ๒๕๖๘";
  const names = options.agencies ?? [undefined];
  ws.getRow(3).values = options.agencies ? ["เครื่องมือ", "ข้อ", "คะแนน", "หน่วยงาน"] : ["เครื่องมือ", "ข้อ", "คะแนน"];
  if (options.mergedHeader) ws.mergeCells("A3:B3");
  let r = 4;
  let index = 0;
  names.forEach((name, k) => {
    seedRows().forEach((row, i) => {
      const score = Number(arabicDigits(String(row.score)));
      const shifted = Math.min(100, score + (options.shift ?? 0) - k * (options.step ?? 3));
      const value = options.textScore?.index === i ? options.textScore.text : shifted;
      const agencyCell = name === undefined ? [] : [options.blankAgencyAt === index ? "" : name];
      index++;
      ws.getRow(r++).values = [String(row.tool), arabicDigits(String(row.question)), value, ...agencyCell];
    });
  });
  for (const extra of options.extraSheets ?? []) wb.addWorksheet(extra.name).addRows(extra.rows.map((r) => [...r]));
  const agency =
    options.agency === undefined ? { name: "เทศบาลตำบลคลองพน", district: "คลองท่อม", province: "กระบี่" } : options.agency;
  if (agency) {
    const a = wb.addWorksheet("หน่วยงาน");
    a.addRows([
      ["ชื่อหน่วยงาน", agency.name],
      ["อำเภอ", agency.district ?? ""],
      ["จังหวัด", agency.province ?? ""],
    ]);
  }
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}
