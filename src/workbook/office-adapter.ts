/**
 * The workbook port on Office.js (Excel). Every method is one Excel.run with at
 * most one context.sync to read and one to write, so a whole results sheet —
 * values, formulas, formats, conditional formats, validation, chart, print setup —
 * goes to Excel in one batch (test/workbook/office-adapter.test.ts counts the
 * syncs). Plain text that starts with "=" is written with a leading apostrophe, so
 * a cell the user typed never turns into a formula in a sheet we write.
 * listSheets is the one read that needs two: the sheet names, then their used ranges.
 * Calls above the ExcelApi version the manifest declares go through `canCall`
 * (requirements.ts lists them, with what happens without them).
 */
import type { CellValue } from "../engine/index.js";
import { cellA1, columnLetters, parseRange, splitPlace } from "./a1.js";
import {
  SheetExistsError,
  type CellKind,
  type CellWrite,
  type FormatSpec,
  type RangeData,
  type SheetInfo,
  type SheetSpec,
  type WorkbookPort,
} from "./port.js";
import { canCall, isSupported } from "./requirements.js";
import { textToXml, xmlToText } from "./xml-text.js";

const KINDS: Record<string, CellKind> = {
  Empty: "empty",
  String: "string",
  Integer: "number",
  Double: "number",
  Boolean: "boolean",
  Error: "error",
};

/**
 * Text Excel would turn into something else when written through Range.formulas: a
 * formula (=, +, -, @), a number, date, time or percentage ("9.1", "1/10", "10:30",
 * "(5)", "85%", "฿100"), an error value ("#N/A"), a truth value, or text that itself
 * starts with an apostrophe. The apostrophe keeps it text and is not shown.
 */
const EXCEL_WOULD_PARSE = /^\s*[=+\-@\d.(#'$฿€£]|^\s*(true|false)\s*$/i;

/** What a cell write becomes in Range.formulas. */
function formulaCell(w: CellWrite): string | number | boolean {
  if (w === null) return "";
  if (typeof w === "object") return w.formula;
  if (typeof w === "string" && EXCEL_WOULD_PARSE.test(w)) return `'${w}`;
  return w;
}

function matrix<T>(a1: string, value: T): T[][] {
  const r = parseRange(a1);
  return Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => value));
}

/** "Sheet1!A1:C1, Sheet1!D4:D6" → ["A1:C1", "D4:D6"] */
function mergedList(address: string | undefined): string[] {
  if (!address) return [];
  return address
    .split(",")
    .map((a) => splitPlace(a.trim())?.address ?? a.trim())
    .filter(Boolean);
}

interface LoadedRange {
  values: CellValue[][];
  valueTypes: string[];
  address: string;
}

function toRangeData(sheet: string, range: LoadedRange, merged: string[]): RangeData {
  const where = splitPlace(range.address);
  const topLeft = (where?.address ?? range.address).split(":")[0]!;
  const values = range.values.map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
  const kinds = (range.valueTypes as unknown as string[][]).map((r) => r.map((t) => KINDS[t] ?? "string"));
  return { sheet, topLeft, values, kinds, merged };
}

function applyFormat(ws: Excel.Worksheet, f: FormatSpec): void {
  const r = ws.getRange(f.range);
  if (f.numberFormat !== undefined) r.numberFormat = matrix(f.range, f.numberFormat);
  if (f.bold !== undefined) r.format.font.bold = f.bold;
  if (f.italic !== undefined) r.format.font.italic = f.italic;
  if (f.fontSize !== undefined) r.format.font.size = f.fontSize;
  if (f.fontColor !== undefined) r.format.font.color = f.fontColor;
  if (f.fill !== undefined) r.format.fill.color = f.fill;
  if (f.wrap !== undefined) r.format.wrapText = f.wrap;
  if (f.horizontal)
    r.format.horizontalAlignment = f.horizontal === "left" ? "Left" : f.horizontal === "center" ? "Center" : "Right";
  if (f.vertical)
    r.format.verticalAlignment = f.vertical === "top" ? "Top" : f.vertical === "center" ? "Center" : "Bottom";
  if (f.border) {
    const p = parseRange(f.range);
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (p.right > p.left) edges.push("InsideVertical");
    if (p.bottom > p.top) edges.push("InsideHorizontal");
    for (const e of edges) {
      const b = r.format.borders.getItem(e);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
}

/** A range's merged areas, queued for the next sync; undefined where Excel cannot tell (before ExcelApi 1.13). */
function mergedAreas(range: Excel.Range): Excel.RangeAreas | undefined {
  return canCall("getMergedAreasOrNullObject") ? range.getMergedAreasOrNullObject().load("address") : undefined;
}

function mergedOf(areas: Excel.RangeAreas | undefined): string[] {
  return areas === undefined || areas.isNullObject ? [] : mergedList(areas.address);
}

export class OfficeWorkbook implements WorkbookPort {
  async listSheets(): Promise<readonly SheetInfo[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("address"));
      await context.sync();
      return sheets.items.map((s, i) => {
        const u = used[i]!;
        return u.isNullObject ? { name: s.name } : { name: s.name, used: splitPlace(u.address)?.address ?? u.address };
      });
    });
  }

  async readRange(sheet: string, address?: string): Promise<RangeData> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const range = address ? ws.getRange(address) : ws.getUsedRangeOrNullObject(true);
      range.load("values, valueTypes, address");
      const merged = mergedAreas(range);
      await context.sync();
      if (range.isNullObject) return { sheet, topLeft: "A1", values: [[""]], kinds: [["empty"]], merged: [] };
      return toRangeData(sheet, range as unknown as LoadedRange, mergedOf(merged));
    });
  }

  async readSelection(): Promise<RangeData> {
    return Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      // Staff select whole columns (A:C): read only the cells in use inside the selection,
      // never a million empty rows.
      const range = selected.getUsedRangeOrNullObject(true);
      range.load("values, valueTypes, address");
      selected.load("address");
      selected.worksheet.load("name");
      const merged = mergedAreas(range);
      await context.sync();
      const sheet = selected.worksheet.name;
      if (range.isNullObject) {
        // Nothing in use under the selection; whole columns ("A:C") or rows ("3:5") start at a cell too.
        const first = selected.address.slice(selected.address.lastIndexOf("!") + 1).split(":")[0]!;
        const topLeft = /^[A-Z]+$/i.test(first) ? `${first}1` : /^\d+$/.test(first) ? `A${first}` : first;
        return { sheet, topLeft, values: [[""]], kinds: [["empty"]], merged: [] };
      }
      return toRangeData(sheet, range as unknown as LoadedRange, mergedOf(merged));
    });
  }

  async writeSheet(
    spec: SheetSpec,
    options: { readonly replace: boolean; readonly activate?: boolean },
  ): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(spec.name);
      await context.sync(); // isNullObject is known after a sync, without a load
      if (!existing.isNullObject && !options.replace) throw new SheetExistsError(spec.name);

      context.application.suspendApiCalculationUntilNextSync();
      if (!existing.isNullObject) existing.delete();
      const ws = sheets.add(spec.name);
      const width = Math.max(1, ...spec.rows.map((r) => r.length));
      if (spec.rows.length > 0) {
        const cells = spec.rows.map((r) => Array.from({ length: width }, (_, j) => formulaCell(r[j] ?? null)));
        ws.getRange(`A1:${cellA1(spec.rows.length, width)}`).formulas = cells;
      }
      if (spec.font) ws.getRange().format.font.name = spec.font;
      spec.columnWidths?.forEach((w, j) => {
        const c = columnLetters(j + 1);
        ws.getRange(`${c}:${c}`).format.columnWidth = w;
      });
      for (const f of spec.formats ?? []) applyFormat(ws, f);
      for (const b of spec.below ?? []) {
        const cf = ws.getRange(b.range).conditionalFormats.add("CellValue");
        cf.cellValue.format.fill.color = b.fill;
        if (b.fontColor) cf.cellValue.format.font.color = b.fontColor;
        cf.cellValue.rule = { formula1: String(b.below), operator: "LessThan" };
      }
      for (const a of spec.above ?? []) {
        const cf = ws.getRange(a.range).conditionalFormats.add("CellValue");
        cf.cellValue.format.fill.color = a.fill;
        if (a.fontColor) cf.cellValue.format.font.color = a.fontColor;
        cf.cellValue.rule = { formula1: String(a.above), operator: "GreaterThan" };
      }
      for (const v of spec.validation ?? []) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
        dv.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: "ค่าไม่ถูกต้อง / invalid value",
          message: `${v.message.th} / ${v.message.en}`,
        };
        dv.prompt = { showPrompt: true, title: "คะแนน / score", message: `${v.message.th} / ${v.message.en}` };
      }
      for (const c of spec.charts ?? []) {
        // A trend across years is a line chart whose empty cells (a year without that tool) are gaps.
        const line = c.kind === "line";
        const chart = ws.charts.add(line ? "LineMarkers" : "ColumnClustered", ws.getRange(c.values.range), "Columns");
        chart.title.text = c.title;
        const first = chart.series.getItemAt(0);
        first.name = c.values.name;
        first.setXAxisValues(ws.getRange(c.categories));
        for (const l of c.lines ?? []) {
          const s = chart.series.add(l.name);
          s.setValues(ws.getRange(l.range));
          s.setXAxisValues(ws.getRange(c.categories));
          s.chartType = line ? "LineMarkers" : "Line";
        }
        chart.legend.position = "Bottom";
        chart.setPosition(c.at);
        if (c.width) chart.width = c.width;
        if (c.height) chart.height = c.height;
      }
      if (spec.print) {
        const p = ws.pageLayout;
        p.paperSize = "A4";
        p.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
        // One page wide; the height is left to Excel (no vertical count given), as "fit all columns".
        if (spec.print.fitToWidth) p.zoom = { horizontalFitToPages: 1 };
        if (spec.print.repeatRows) p.setPrintTitleRows(spec.print.repeatRows);
      }
      if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
      if (options.activate) {
        ws.activate();
        ws.getRange("A1").select();
      }
      await context.sync();
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSetting(key: string): Promise<string | undefined> {
    return Excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      if (item.isNullObject) return undefined;
      return typeof item.value === "string" ? item.value : JSON.stringify(item.value);
    });
  }

  async setSetting(key: string, value: string | undefined): Promise<void> {
    await Excel.run(async (context) => {
      if (value !== undefined) {
        context.workbook.settings.add(key, value);
        await context.sync();
        return;
      }
      const item = context.workbook.settings.getItemOrNullObject(key);
      await context.sync();
      if (item.isNullObject) return;
      item.delete();
      await context.sync();
    });
  }

  async setSettings(entries: Readonly<Record<string, string | undefined>>): Promise<void> {
    await Excel.run(async (context) => {
      const settings = context.workbook.settings;
      const removed = Object.entries(entries)
        .filter(([, v]) => v === undefined)
        .map(([k]) => settings.getItemOrNullObject(k));
      if (removed.length > 0) await context.sync();
      for (const item of removed) if (!item.isNullObject) item.delete();
      for (const [k, v] of Object.entries(entries)) if (v !== undefined) settings.add(k, v);
      await context.sync();
    });
  }

  /** Custom XML parts are ExcelApi 1.5, below the ExcelApi 1.10 the manifest declares (requirements.ts). */
  supportsTexts(): boolean {
    return isSupported("ExcelApi", "1.5");
  }

  async readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]> {
    if (ids.length === 0) return [];
    return Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const found = ids.map((id) => parts.getItemOrNullObject(id));
      // A null object's getXml is never queued: one sync finds the parts, their XML comes with the next only if needed.
      for (const p of found) p.load("id");
      await context.sync();
      const xml = found.map((p) => (p.isNullObject ? undefined : p.getXml()));
      if (xml.some((x) => x !== undefined)) await context.sync();
      return xml.map((x) => (x === undefined ? undefined : xmlToText(x.value)));
    });
  }

  async writeText(text: string, replaces: readonly string[] = []): Promise<string> {
    return Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const part = parts.add(textToXml(text));
      part.load("id");
      const old = replaces.map((id) => parts.getItemOrNullObject(id));
      for (const o of old) o.load("id");
      await context.sync();
      const gone = old.filter((o) => !o.isNullObject);
      for (const o of gone) o.delete();
      if (gone.length > 0) await context.sync();
      return part.id;
    });
  }

  async deleteTexts(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const found = ids.map((id) => parts.getItemOrNullObject(id));
      for (const p of found) p.load("id");
      await context.sync();
      const gone = found.filter((p) => !p.isNullObject);
      for (const p of gone) p.delete();
      if (gone.length > 0) await context.sync();
    });
  }

  async readSettings(prefix: string): Promise<Readonly<Record<string, string>>> {
    return Excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.load("items");
      await context.sync();
      const out: Record<string, string> = {};
      for (const s of settings.items) {
        if (!s.key.startsWith(prefix)) continue;
        out[s.key] = typeof s.value === "string" ? s.value : JSON.stringify(s.value);
      }
      return out;
    });
  }

  async settingKeys(prefix: string): Promise<readonly string[]> {
    return Excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.load("items/key");
      await context.sync();
      return settings.items.map((s) => s.key).filter((k) => k.startsWith(prefix));
    });
  }

  async recalculate(): Promise<void> {
    await Excel.run(async (context) => {
      context.application.calculate("Full");
      await context.sync();
    });
  }
}
