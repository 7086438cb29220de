/**
 * Reading .xlsx files for the command line: every worksheet as RangeData (the
 * workbook port's shape: values, kinds, merged areas), so the CLI finds score
 * tables with the same code the task pane uses (src/workbook/score-table.ts).
 * Files are only read, never written.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../engine/index.js";
import type { CellKind, RangeData } from "../workbook/port.js";

function richText(v: ExcelJS.CellRichTextValue): string {
  return v.richText.map((r) => r.text).join("");
}

/** One cell as Excel shows it: a formula by its result, a merged area's other cells empty. */
function readCell(cell: ExcelJS.Cell): { value: CellValue; kind: CellKind } {
  const T = ExcelJS.ValueType;
  const plain = (v: unknown): { value: CellValue; kind: CellKind } => {
    if (v === null || v === undefined || v === "") return { value: "", kind: "empty" };
    if (typeof v === "number") return { value: v, kind: "number" };
    if (typeof v === "boolean") return { value: v, kind: "boolean" };
    if (typeof v === "string") return { value: v, kind: "string" };
    if (v instanceof Date) return { value: v.toISOString().slice(0, 10), kind: "string" };
    if (typeof v === "object" && "richText" in v)
      return { value: richText(v as ExcelJS.CellRichTextValue), kind: "string" };
    if (typeof v === "object" && "error" in v)
      return { value: String((v as ExcelJS.CellErrorValue).error), kind: "error" };
    if (typeof v === "object" && "text" in v) return { value: String((v as { text: unknown }).text), kind: "string" };
    return { value: String(v), kind: "string" };
  };
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return { value: "", kind: "empty" };
    case T.Formula:
      return plain(cell.result);
    default:
      return plain(cell.value);
  }
}

/** Shared by every row that holds no value, so a long run of empty rows costs one pointer each. */
const NO_CELLS: readonly never[] = Object.freeze([]);

/**
 * The sheet's values from A1, built from the cells that exist only: a row stops at its
 * last non-empty cell and an empty row is the shared empty row, so a stray value or a
 * formatted cell at XFD1048576 costs one row, not the 17 billion cells of the used range.
 */
function worksheetRange(ws: ExcelJS.Worksheet): RangeData {
  const values: (readonly CellValue[])[] = [];
  const kinds: (readonly CellKind[])[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    const kr: CellKind[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { value, kind } = readCell(cell);
      if (kind === "empty") return;
      while (vr.length < c - 1) {
        vr.push("");
        kr.push("empty");
      }
      vr.push(value);
      kr.push(kind);
    });
    if (vr.length === 0) return;
    while (values.length < r - 1) {
      values.push(NO_CELLS);
      kinds.push(NO_CELLS);
    }
    values.push(vr);
    kinds.push(kr);
  });
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return { sheet: ws.name, topLeft: "A1", values, kinds, merged: merges };
}

export interface XlsxContents {
  readonly sheets: readonly RangeData[];
}

export class UnreadableWorkbook extends Error {}

/** All worksheets of an .xlsx file, in workbook order. */
export async function readXlsx(path: string): Promise<XlsxContents> {
  const data = await readFile(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableWorkbook(
      `${path}: เปิดไฟล์ .xlsx ไม่ได้ (${(e as Error).message}) / cannot read this .xlsx file (${(e as Error).message})`,
    );
  }
  return { sheets: wb.worksheets.map(worksheetRange) };
}
