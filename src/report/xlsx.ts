/**
 * The report as an .xlsx file (exceljs), written from the same sheet specs the
 * task pane writes (sheets.ts): ผลการประเมิน / รายงาน / แผนพัฒนา, A4, Thai font,
 * repeated header rows, wrapped text, column widths, the pass-mark highlight, and
 * the plan's cells unlocked so they stay editable if the user protects the sheet.
 * exceljs cannot write charts; the HTML page carries the chart.
 */
import ExcelJS from "exceljs";
import type { CellWrite, FormatSpec } from "../workbook/port.js";
import type { ReportModel } from "./model.js";
import { reportSheets, summarySheet, type ReportSheet } from "./sheets.js";

export interface XlsxOptions {
  /** Workbook properties' created/modified date; fixed for reproducible files. */
  readonly date?: Date;
}

/** Points to Excel's column width unit (one character of the default font, about 5.25 pt plus padding). */
const widthFromPoints = (pt: number): number => Math.round((pt / 5.25) * 100) / 100;

interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  border?: boolean;
  numFmt?: string;
  /** Left unlocked: stays editable when the user protects the sheet. */
  unlocked?: boolean;
}

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`bad cell address ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function cells(range: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b] = range.split(":");
  const p = decode(a!);
  const q = decode(b ?? a!);
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function styleOf(f: FormatSpec): CellStyle {
  const s: CellStyle = {};
  if (f.bold !== undefined) s.bold = f.bold;
  if (f.italic !== undefined) s.italic = f.italic;
  if (f.fontSize !== undefined) s.size = f.fontSize;
  if (f.fontColor) s.color = f.fontColor;
  if (f.fill) s.fill = f.fill;
  if (f.wrap !== undefined) s.wrap = f.wrap;
  if (f.horizontal) s.horizontal = f.horizontal;
  if (f.vertical) s.vertical = f.vertical === "center" ? "middle" : f.vertical;
  if (f.border !== undefined) s.border = f.border;
  if (f.numberFormat) s.numFmt = f.numberFormat;
  return s;
}

function cellValue(v: CellWrite): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object")
    return { formula: v.formula.replace(/^=/, ""), result: v.value } as ExcelJS.CellFormulaValue;
  return v;
}

const THIN = { style: "thin" as const, color: { argb: "FF9AA4B2" } };

/** Write one sheet spec into a workbook. */
function addSheet(wb: ExcelJS.Workbook, spec: ReportSheet): ExcelJS.Worksheet {
  const print = spec.print;
  const ws = wb.addWorksheet(spec.name, {
    pageSetup: print
      ? {
          paperSize: 9, // A4
          orientation: print.orientation,
          fitToPage: print.fitToWidth ?? false,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: print.repeatRows?.replace(/\$/g, ""),
          margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        }
      : undefined,
    views: spec.freezeRows ? [{ state: "frozen", ySplit: spec.freezeRows }] : undefined,
  });
  spec.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = widthFromPoints(w);
  });
  const styles = new Map<string, CellStyle>();
  const key = (r: number, c: number): string => `${r}:${c}`;
  const touch = (r: number, c: number, s: CellStyle): void => {
    const k = key(r, c);
    styles.set(k, { ...styles.get(k), ...s });
  };
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      ws.getCell(r + 1, c + 1).value = cellValue(v);
      touch(r + 1, c + 1, {});
    }),
  );
  for (const f of spec.formats ?? []) {
    const { r1, c1, r2, c2 } = cells(f.range);
    const s = styleOf(f);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) touch(r, c, s);
  }
  for (const range of spec.editable ?? []) {
    const { r1, c1, r2, c2 } = cells(range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) touch(r, c, { unlocked: true });
  }
  // Cells with the same look share one style object: exceljs then resolves it once
  // (its writer caches style ids per object) instead of serialising every cell's font and border.
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (s: CellStyle): Partial<ExcelJS.Style> => {
    const k = JSON.stringify(s);
    let style = shared.get(k);
    if (!style) {
      style = {
        font: {
          name: spec.font ?? "Calibri",
          size: s.size ?? 14,
          bold: s.bold,
          italic: s.italic,
          color: s.color ? { argb: argb(s.color) } : undefined,
        },
        ...(s.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } } : {}),
        ...(s.wrap || s.horizontal || s.vertical
          ? { alignment: { wrapText: s.wrap, horizontal: s.horizontal, vertical: s.vertical } }
          : {}),
        ...(s.border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
        ...(s.numFmt ? { numFmt: s.numFmt } : {}),
        ...(s.unlocked ? { protection: { locked: false } } : {}),
      };
      shared.set(k, style);
    }
    return style;
  };
  for (const [k, s] of styles) {
    const [r, c] = k.split(":").map(Number) as [number, number];
    ws.getCell(r, c).style = styleFor(s);
  }
  for (const b of spec.below ?? []) {
    ws.addConditionalFormatting({
      ref: b.range,
      rules: [
        {
          type: "cellIs",
          operator: "lessThan",
          formulae: [String(b.below)],
          priority: 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(b.fill) } },
            font: b.fontColor ? { color: { argb: argb(b.fontColor) } } : undefined,
          },
        },
      ],
    });
  }
  for (const v of spec.validation ?? []) {
    const { r1, c1, r2, c2 } = cells(v.range);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        ws.getCell(r, c).dataValidation = {
          type: "decimal",
          operator: "between",
          formulae: [v.min, v.max],
          showErrorMessage: true,
          error: `${v.message.th} / ${v.message.en}`,
        };
      }
  }
  return ws;
}

function workbook(date: Date | undefined): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ITA Workbench";
  wb.lastModifiedBy = "ITA Workbench";
  const when = date ?? new Date();
  wb.created = when;
  wb.modified = when;
  return wb;
}

/** The report workbook of one agency. */
function reportWorkbook(report: ReportModel, options: XlsxOptions = {}): ExcelJS.Workbook {
  const wb = workbook(options.date);
  wb.title = `${report.title.heading} ${report.title.fiscalYear} ${report.agency.name}`;
  for (const s of reportSheets(report)) addSheet(wb, s);
  return wb;
}

/**
 * Deflate level 1: JSZip's default level 6 took a third of the time of writing a
 * report; level 1 keeps most of the saving (files about 40% larger than level 6,
 * a quarter of the uncompressed size) at two thirds of the time. Measured per report
 * of the seed agency: level 6 5.7 ms / 19.6 KB, level 1 4.4 ms / 27.3 KB,
 * uncompressed 2.3 ms / 111 KB. A native re-deflate saved a further 0.8 ms but was
 * our own zip code; exceljs's own option wins.
 */
const DEFLATE_FAST = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as const;

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer(DEFLATE_FAST));
}

export async function renderXlsx(report: ReportModel, options: XlsxOptions = {}): Promise<Buffer> {
  return bytes(reportWorkbook(report, options));
}

export async function renderSummaryXlsx(
  reports: readonly ReportModel[],
  failed: readonly { readonly file: string; readonly message: string }[] = [],
  options: XlsxOptions = {},
): Promise<Buffer> {
  const wb = workbook(options.date);
  addSheet(wb, summarySheet(reports, failed));
  return bytes(wb);
}
