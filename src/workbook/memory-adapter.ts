/**
 * The workbook port in memory: the same pane runs outside Excel (`npm run preview`,
 * the browser tests) on sheets held here. Cells whose formula starts with `=ITA.`
 * are computed by calling the real custom-function code (src/functions) with the
 * referenced cells' values, so a results sheet written by the wizard is live in
 * the preview: change a score and `recalculate()` (or `setCell`) updates it. The few
 * native functions the add-in writes (COUNTIFS, and FILTER, EXACT, TRIM, HSTACK that
 * sheets written by earlier versions hold) are computed too; any other name shows #NAME?.
 * Everything the port writes (formats, conditional formats, validation, charts) is
 * kept so the preview grid and tests can show and check it.
 *
 * Compatibility modes (`MemoryOptions`) stand in for the Excel builds the add-in
 * supports (see requirements.ts): a function the chosen build lacks shows
 * #NAME?, a build without dynamic arrays shows an array's top-left value instead of
 * spilling it, and `blanksAsZero` passes empty cells to the custom functions as 0, as
 * several Excel desktop builds do (office-js #4702, #5262, #1951).
 */
import "./cf-stub.js";
import { excelTrim, type CellValue } from "../engine/scoring.js";
import * as F from "../functions/functions.js";
import { cellA1, intersects, parseCell, parseRange, rangeA1, type RangeRef } from "./a1.js";
import { FormulaError, parseFormula, type FormulaNode } from "./formula.js";
import {
  SheetExistsError,
  type CellKind,
  type CellWrite,
  type RangeData,
  type SheetInfo,
  type SheetSpec,
  type WorkbookPort,
} from "./port.js";

/** An Excel error shown in a cell (#VALUE!, #N/A …) with the function's message. */
export interface ErrorValue {
  readonly error: string;
  readonly message: string;
}

export type Shown = CellValue | ErrorValue;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

interface Cell {
  input: CellValue;
  formula?: string;
}

export interface MemorySheet {
  readonly name: string;
  readonly cells: Map<string, Cell>;
  merged: string[];
  /** What writeSheet asked for beyond values: formats, conditional formats, validation, charts… */
  spec?: Omit<SheetSpec, "rows" | "name">;
}

export type ChangeKind = "cells" | "sheets" | "selection" | "settings";

/**
 * Excel builds the add-in supports, by what their formulas can do:
 * - "365": Microsoft 365 on Windows, Mac and the web — dynamic arrays, FILTER, HSTACK;
 * - "2021": Excel 2021 and 2024 (perpetual) — dynamic arrays and FILTER, no HSTACK;
 * - "2019": Excel 2016 and 2019 (retail perpetual, Version 2311 or later, where custom
 *   functions run) — no dynamic arrays: no FILTER, no HSTACK, an array formula shows its top-left value.
 */
export type ExcelBuild = "365" | "2021" | "2019";

/** Native functions the memory workbook computes, and the builds that have them. */
const NATIVE: Record<string, readonly ExcelBuild[]> = {
  COUNTIFS: ["365", "2021", "2019"],
  TRIM: ["365", "2021", "2019"],
  EXACT: ["365", "2021", "2019"],
  FILTER: ["365", "2021"],
  HSTACK: ["365"],
};

export interface MemoryOptions {
  /** The Excel build to behave as; default "365". */
  readonly build?: ExcelBuild;
  /** Pass empty cells to the custom functions as 0, as several Excel desktop builds do. */
  readonly blanksAsZero?: boolean;
}

/** A COUNTIFS criterion as Excel reads it: "" blank, "<>" not blank, else equal (case ignored, * ? ~ wildcards). */
function criterionMatches(criterion: Shown, v: Shown): boolean {
  const blank = v === "" || v === null || v === undefined;
  if (criterion === "" || criterion === "=") return blank;
  if (criterion === "<>") return !blank;
  const text = String(criterion).replace(/^=/, "");
  if (isErrorValue(v) || blank) return false;
  if (typeof v === "number" && text.trim() !== "" && Number(text) === v) return true;
  const pattern = text.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_, lit: string, wild: string, re: string) =>
    lit ? `\\${lit}` : wild ? (wild === "*" ? ".*" : ".") : `\\${re}`,
  );
  return new RegExp(`^${pattern}$`, "isu").test(String(v));
}

/** The ITA.* functions by the name Excel knows them (JSDoc @customfunction ids). */
const FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  "ITA.TOTAL": F.total,
  "ITA.RATING": F.rating,
  "ITA.BAND": F.band,
  "ITA.TOOL": F.tool,
  "ITA.INDICATOR": F.indicator,
  "ITA.PASS": F.pass,
  "ITA.INDICATORS": F.indicators,
  "ITA.RESULT": F.result,
  "ITA.GAP": F.gap,
  "ITA.QUESTION": F.question,
};

const key = (row: number, column: number): string => `${row},${column}`;

function kindOf(v: Shown): CellKind {
  if (isErrorValue(v)) return "error";
  if (v === null || v === undefined || v === "") return "empty";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  return "string";
}

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[] = [];
  private readonly settings = new Map<string, string>();
  private readonly listeners = new Set<(kind: ChangeKind) => void>();
  /** Computed values of formula cells and of the cells their arrays spill into, per sheet. */
  private computed = new Map<string, Map<string, Shown>>();
  private spillOwner = new Map<string, Map<string, string>>();
  private evaluating = new Set<string>();
  selection: { sheet: string; address: string };
  active: string;
  /** Round trips asked of this workbook (one per port call), for tests that count them. */
  calls = 0;
  readonly build: ExcelBuild;
  readonly blanksAsZero: boolean;

  constructor(
    sheets: readonly { name: string; rows: readonly (readonly CellValue[])[]; merged?: string[] }[] = [],
    options: MemoryOptions = {},
  ) {
    this.build = options.build ?? "365";
    this.blanksAsZero = options.blanksAsZero ?? false;
    for (const s of sheets) this.addSheet(s.name, s.rows, s.merged);
    if (this.sheets.length === 0) this.addSheet("Sheet1", []);
    this.active = this.sheets[0]!.name;
    this.selection = { sheet: this.active, address: "A1" };
    this.recalc();
  }

  // ---- for the preview grid and tests ----

  onChange(listener: (kind: ChangeKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(kind: ChangeKind): void {
    for (const l of this.listeners) l(kind);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, rows: readonly (readonly CellValue[])[], merged: string[] = []): void {
    const sheet: MemorySheet = { name, cells: new Map(), merged: [...merged] };
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== "" && v !== null && v !== undefined) sheet.cells.set(key(i + 1, j + 1), { input: v });
      }),
    );
    this.sheets.push(sheet);
  }

  /** What a cell shows: its value, a formula's result, a spilled value, or an error. */
  shown(sheet: string, row: number, column: number): Shown {
    const k = key(row, column);
    const c = this.computed.get(sheet)?.get(k);
    if (c !== undefined) return c;
    const cell = this.sheet(sheet)?.cells.get(k);
    return cell ? cell.input : "";
  }

  formula(sheet: string, row: number, column: number): string | undefined {
    return this.sheet(sheet)?.cells.get(key(row, column))?.formula;
  }

  /** The extent of a sheet's content (values, formulas, spills), or undefined when empty. */
  extent(name: string): RangeRef | undefined {
    const s = this.sheet(name);
    if (!s) return undefined;
    let r: RangeRef | undefined;
    const add = (k: string): void => {
      const [row, column] = k.split(",").map(Number) as [number, number];
      r = r
        ? {
            top: Math.min(r.top, row),
            left: Math.min(r.left, column),
            bottom: Math.max(r.bottom, row),
            right: Math.max(r.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    };
    for (const k of s.cells.keys()) add(k);
    for (const [k, v] of this.computed.get(name) ?? []) if (v !== "") add(k);
    return r;
  }

  /** A user typing into a cell (the preview grid, tests): the workbook recalculates, as Excel does. */
  setCell(sheet: string, a1: string, value: CellValue): void {
    const s = this.requireSheet(sheet);
    const { row, column } = parseCell(a1);
    if (typeof value === "string" && value.startsWith("="))
      s.cells.set(key(row, column), { input: "", formula: value });
    else if (value === "" || value === null || value === undefined) s.cells.delete(key(row, column));
    else s.cells.set(key(row, column), { input: value });
    this.recalc();
    this.emit("cells");
  }

  private requireSheet(name: string): MemorySheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`ไม่พบชีต "${name}" / sheet not found: "${name}"`);
    return s;
  }

  // ---- evaluation ----

  private recalc(): void {
    this.computed = new Map(this.sheets.map((s) => [s.name, new Map()]));
    this.spillOwner = new Map(this.sheets.map((s) => [s.name, new Map()]));
    for (const s of this.sheets) {
      for (const [k, cell] of s.cells) {
        if (cell.formula && !this.computed.get(s.name)!.has(k)) this.evaluateCell(s, k);
      }
    }
  }

  private evaluateCell(s: MemorySheet, k: string): Shown {
    const done = this.computed.get(s.name)!.get(k);
    if (done !== undefined) return done;
    const cell = s.cells.get(k)!;
    const id = `${s.name}!${k}`;
    if (this.evaluating.has(id)) return { error: "#REF!", message: "การอ้างอิงวนกลับ / circular reference" };
    this.evaluating.add(id);
    let result: Shown | Shown[][];
    try {
      result = this.evaluateNode(parseFormula(cell.formula!), s.name);
    } catch (e) {
      result = this.errorOf(e);
    } finally {
      this.evaluating.delete(id);
    }
    const [row, column] = k.split(",").map(Number) as [number, number];
    const mine = this.computed.get(s.name)!;
    // Without dynamic arrays a formula in one cell shows the array's top-left value.
    if (Array.isArray(result) && this.build === "2019") result = result[0]?.[0] ?? "";
    if (!Array.isArray(result)) {
      mine.set(k, result ?? "");
      return result ?? "";
    }
    const m = result;
    // Spill like Excel: into empty cells only, else #SPILL!.
    const blocked = m.some((r, i) =>
      r.some((_, j) => (i || j) && (s.cells.has(key(row + i, column + j)) || mine.has(key(row + i, column + j)))),
    );
    if (blocked) {
      const err = { error: "#SPILL!", message: "ผลลัพธ์ล้นไปทับเซลล์ที่มีข้อมูล / the result would spill over cells in use" };
      mine.set(k, err);
      return err;
    }
    m.forEach((r, i) =>
      r.forEach((v, j) => {
        mine.set(key(row + i, column + j), v ?? "");
        if (i || j) this.spillOwner.get(s.name)!.set(key(row + i, column + j), k);
      }),
    );
    return m[0]?.[0] ?? "";
  }

  private errorOf(e: unknown): ErrorValue {
    if (e instanceof FormulaError) return { error: "#NAME?", message: e.message };
    const o = e as { code?: unknown; message?: unknown };
    if (typeof o?.code === "string" && o.code.startsWith("#"))
      return { error: o.code, message: String(o.message ?? "") };
    return { error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }

  private evaluateNode(node: FormulaNode, sheet: string): Shown | Shown[][] {
    switch (node.kind) {
      case "text":
      case "number":
      case "boolean":
        return node.value;
      case "ref":
        return this.refValues(node.sheet ?? sheet, node.address);
      case "omitted":
        return null;
      case "call": {
        const native = NATIVE[node.name];
        if (native && !native.includes(this.build)) {
          throw new FormulaError(
            `Excel รุ่นนี้ (${this.build}) ไม่มีฟังก์ชัน ${node.name} / this Excel (${this.build}) has no ${node.name}`,
          );
        }
        if (node.name === "COUNTIFS") {
          const args = node.args.map((a) => this.evaluateNode(a, sheet));
          if (args.length < 2 || args.length % 2 !== 0)
            throw new FormulaError("COUNTIFS: จำนวนอาร์กิวเมนต์ไม่ถูกต้อง / wrong number of arguments");
          const ranges = args.filter((_, i) => i % 2 === 0).map((a) => this.asMatrix(a));
          const criteria = args.filter((_, i) => i % 2 === 1).map((a) => (Array.isArray(a) ? a[0]![0]! : a));
          const first = ranges[0]!;
          if (ranges.some((r) => r.length !== first.length || r[0]?.length !== first[0]?.length))
            throw { code: "#VALUE!", message: "COUNTIFS: ช่วงไม่เท่ากัน / ranges of different sizes" };
          let count = 0;
          first.forEach((row, i) =>
            row.forEach((_, j) => {
              if (ranges.every((r, k) => criterionMatches(criteria[k]!, r[i]![j]!))) count++;
            }),
          );
          return count;
        }
        if (node.name === "FILTER") {
          const [array, include] = node.args.map((a) => this.asMatrix(this.evaluateNode(a, sheet)));
          if (!array || !include)
            throw new FormulaError("FILTER ต้องมีช่วงและเงื่อนไข / FILTER needs an array and a condition");
          // Excel's FILTER, like every array result, gives a blank cell as 0.
          const kept = array
            .filter((_, i) => include[i]?.[0] === true)
            .map((r) => r.map((v) => (v === "" || v === null ? 0 : v)));
          if (kept.length === 0) throw { code: "#CALC!", message: "FILTER: ไม่มีแถวที่ตรงเงื่อนไข / no row matches" };
          return kept;
        }
        if (node.name === "TRIM" || node.name === "EXACT") {
          // Excel's TRIM and EXACT work on text: a number is its text ("102"), a blank is "".
          const text = (v: Shown): Shown =>
            typeof v === "number" || typeof v === "boolean" ? String(v).toUpperCase() : v === null ? "" : v;
          const args = node.args.map((a) => this.asMatrix(this.evaluateNode(a, sheet)).map((r) => r.map(text)));
          const out =
            node.name === "TRIM"
              ? args[0]?.map((r) => r.map((v) => (typeof v === "string" ? excelTrim(v) : v)))
              : args[0]?.map((r) => r.map((v) => v === args[1]?.[0]?.[0])); // EXACT(range, "text"): case counts
          if (!out || (node.name === "EXACT" && args.length !== 2)) {
            throw new FormulaError(`${node.name}: จำนวนอาร์กิวเมนต์ไม่ถูกต้อง / wrong number of arguments`);
          }
          return out.length === 1 && out[0]!.length === 1 ? out[0]![0]! : out;
        }
        if (node.name === "HSTACK") {
          const parts = node.args.map((a) => this.asMatrix(this.evaluateNode(a, sheet)));
          const height = Math.max(...parts.map((p) => p.length));
          return Array.from({ length: height }, (_, i) =>
            parts.flatMap((p) => p[i] ?? p[0]!.map((): Shown => ({ error: "#N/A", message: "" }))),
          );
        }
        const fn = FUNCTIONS[node.name];
        if (!fn) throw new FormulaError(`ไม่รู้จักฟังก์ชัน ${node.name} / unknown function ${node.name}`);
        const args = node.args.map((a) => {
          const v = this.evaluateNode(a, sheet);
          // An error cell as a scalar argument makes the call an error before the function runs, as in Excel.
          if (!Array.isArray(v) && isErrorValue(v)) throw { code: v.error, message: v.message };
          return a.kind === "ref" && this.blanksAsZero ? this.zeroBlanks(v) : v;
        });
        const out = (fn as (...a: unknown[]) => unknown)(...args);
        if (Array.isArray(out)) {
          const m = out as Shown[][];
          return m.length === 1 && m[0]!.length === 1 ? m[0]![0]! : m;
        }
        return out as Shown;
      }
    }
  }

  /** What builds that pass blanks as 0 give a custom function for a reference. */
  private zeroBlanks(v: Shown | Shown[][]): Shown | Shown[][] {
    const zero = (c: Shown): Shown => (c === "" || c === null || c === undefined ? 0 : c);
    return Array.isArray(v) ? v.map((r) => r.map(zero)) : zero(v);
  }

  private asMatrix(v: Shown | Shown[][]): Shown[][] {
    return Array.isArray(v) ? v : [[v]];
  }

  /** A referenced range's values (computing formula cells it covers). */
  private refValues(sheet: string, address: string): Shown[][] {
    const s = this.sheet(sheet);
    if (!s) throw { code: "#REF!", message: `ไม่พบชีต ${sheet} / no sheet ${sheet}` };
    const r = parseRange(address);
    const out: Shown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Shown[] = [];
      for (let column = r.left; column <= r.right; column++) {
        const k = key(row, column);
        const cell = s.cells.get(k);
        line.push(cell?.formula ? this.evaluateCell(s, k) : this.shown(sheet, row, column));
      }
      out.push(line);
    }
    return out;
  }

  // ---- the port ----

  async listSheets(): Promise<readonly SheetInfo[]> {
    this.calls++;
    return this.sheets.map((s) => {
      const e = this.extent(s.name);
      return e ? { name: s.name, used: rangeA1({ ...e, top: 1, left: 1 }) } : { name: s.name };
    });
  }

  async readRange(sheet: string, address?: string): Promise<RangeData> {
    this.calls++;
    return this.read(sheet, address);
  }

  private read(sheet: string, address?: string): RangeData {
    const s = this.requireSheet(sheet);
    const e = this.extent(sheet);
    const r: RangeRef = address
      ? parseRange(address)
      : e
        ? { top: 1, left: 1, bottom: e.bottom, right: e.right }
        : { top: 1, left: 1, bottom: 1, right: 1 };
    const values: CellValue[][] = [];
    const kinds: CellKind[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const vs: CellValue[] = [];
      const ks: CellKind[] = [];
      for (let column = r.left; column <= r.right; column++) {
        const v = this.shown(sheet, row, column);
        ks.push(kindOf(v));
        vs.push(isErrorValue(v) ? v.error : v === null || v === undefined ? "" : v);
      }
      values.push(vs);
      kinds.push(ks);
    }
    const merged = s.merged.filter((m) => intersects(parseRange(m), r));
    return { sheet, topLeft: cellA1(r.top, r.left), values, kinds, merged };
  }

  async readSelection(): Promise<RangeData> {
    this.calls++;
    return this.read(this.selection.sheet, this.selection.address);
  }

  async writeSheet(
    spec: SheetSpec,
    options: { readonly replace: boolean; readonly activate?: boolean },
  ): Promise<void> {
    this.calls++;
    const existing = this.sheets.findIndex((s) => s.name === spec.name);
    if (existing >= 0 && !options.replace) throw new SheetExistsError(spec.name);
    const { rows, name, ...rest } = spec;
    const sheet: MemorySheet = { name, cells: new Map(), merged: [], spec: rest };
    rows.forEach((r, i) =>
      r.forEach((w: CellWrite, j) => {
        if (w === null || w === "") return;
        if (typeof w === "object") sheet.cells.set(key(i + 1, j + 1), { input: w.value ?? "", formula: w.formula });
        else sheet.cells.set(key(i + 1, j + 1), { input: w });
      }),
    );
    if (existing >= 0) this.sheets[existing] = sheet;
    else this.sheets.push(sheet);
    this.recalc();
    if (options.activate) {
      this.active = name;
      this.selection = { sheet: name, address: "A1" };
    }
    this.emit("sheets");
    if (options.activate) this.emit("selection");
  }

  async select(sheet: string, address: string): Promise<void> {
    this.calls++;
    this.requireSheet(sheet);
    parseRange(address);
    this.active = sheet;
    this.selection = { sheet, address };
    this.emit("selection");
  }

  async getSetting(k: string): Promise<string | undefined> {
    this.calls++;
    return this.settings.get(k);
  }

  async setSetting(k: string, value: string | undefined): Promise<void> {
    this.calls++;
    if (value === undefined) this.settings.delete(k);
    else this.settings.set(k, value);
    this.emit("settings");
  }

  async setSettings(entries: Readonly<Record<string, string | undefined>>): Promise<void> {
    this.calls++;
    for (const [k, value] of Object.entries(entries)) {
      if (value === undefined) this.settings.delete(k);
      else this.settings.set(k, value);
    }
    this.emit("settings");
  }

  /** Texts kept outside the settings (Excel: custom XML parts), by id. */
  private readonly texts = new Map<string, string>();
  private nextText = 1;
  /** False stands for an Excel without ExcelApi 1.5 (no custom XML parts). */
  textsSupported = true;

  supportsTexts(): boolean {
    return this.textsSupported;
  }

  async readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]> {
    this.calls++;
    return ids.map((id) => this.texts.get(id));
  }

  async writeText(text: string, replaces: readonly string[] = []): Promise<string> {
    this.calls++;
    if (!this.textsSupported) throw new Error("custom XML parts are not supported (ExcelApi 1.5)");
    const id = `{text-${this.nextText++}}`;
    this.texts.set(id, text);
    for (const r of replaces) this.texts.delete(r);
    return id;
  }

  async deleteTexts(ids: readonly string[]): Promise<void> {
    this.calls++;
    for (const id of ids) this.texts.delete(id);
  }

  /** Ids of the texts held, for tests. */
  textIds(): string[] {
    return [...this.texts.keys()];
  }

  async readSettings(prefix: string): Promise<Readonly<Record<string, string>>> {
    this.calls++;
    return Object.fromEntries([...this.settings].filter(([k]) => k.startsWith(prefix)));
  }

  async settingKeys(prefix: string): Promise<readonly string[]> {
    this.calls++;
    return [...this.settings.keys()].filter((k) => k.startsWith(prefix));
  }

  async recalculate(): Promise<void> {
    this.calls++;
    this.recalc();
    this.emit("cells");
  }
}
