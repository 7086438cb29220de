/**
 * The one narrow door between the task pane (wizard, report step, rules editor)
 * and a workbook. Two adapters implement it: Office.js (office-adapter.ts, in
 * Excel) and in memory (memory-adapter.ts, for `npm run preview` and the browser
 * tests). Nothing outside the adapters touches Office.js or Excel objects.
 *
 * Batching is part of the contract: every method is one round trip to Excel
 * (Office adapter: at most one context.sync to read, one to write), so a whole
 * results sheet with its formats, conditional formats, validation and chart is
 * written by one `writeSheet` call.
 */
import type { CellValue } from "../engine/scoring.js";

/** What a cell holds, as Excel reports it (Range.valueTypes), so "12" typed as text is told from 12. */
export type CellKind = "empty" | "number" | "string" | "boolean" | "error";

export interface RangeData {
  readonly sheet: string;
  /** A1 address of the top-left cell of `values` (e.g. "B3"). */
  readonly topLeft: string;
  /**
   * Row-major values; empty cells are "". A row may stop before the range's last column
   * (the command line's .xlsx reader ends each row at its last value, so a stray cell far
   * away costs nothing): a cell past a row's end is empty. `kinds` has the same shape.
   */
  readonly values: readonly (readonly CellValue[])[];
  readonly kinds: readonly (readonly CellKind[])[];
  /** Merged areas inside the range, as A1 ranges on the sheet ("A1:C1"). */
  readonly merged?: readonly string[];
}

export interface SheetInfo {
  readonly name: string;
  /** The used range ("A1:C62"), or undefined for an empty sheet. */
  readonly used?: string;
}

/** A cell to write: a plain value, or a formula with the value an adapter may show until it recalculates. */
export type CellWrite =
  string | number | boolean | null | { readonly formula: string; readonly value?: string | number | boolean };

export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

export interface FormatSpec {
  /** A1 range on this sheet. */
  readonly range: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** "#RRGGBB" */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center" | "bottom";
  readonly border?: boolean;
}

/** Highlight numbers in `range` below `below` (the rules' pass mark), e.g. red fill under 85. */
export interface BelowFormatSpec {
  readonly range: string;
  readonly below: number;
  readonly fill: string;
  readonly fontColor?: string;
}

/** Highlight numbers in `range` above `above`, e.g. a count of blank score cells over 0. */
export interface AboveFormatSpec {
  readonly range: string;
  readonly above: number;
  readonly fill: string;
  readonly fontColor?: string;
}

/** Whole numbers or decimals between min and max, with the message Excel shows on bad entry. */
export interface ValidationSpec {
  readonly range: string;
  readonly min: number;
  readonly max: number;
  readonly message: Bilingual;
}

/**
 * A native chart written with its sheet (in the same round trip): by default a clustered
 * column chart of `values` by `categories` with optional line series (e.g. the pass mark
 * at 85); `kind: "line"` makes every series a line (a trend across years, where an empty
 * cell is a gap).
 */
export interface ChartSpec {
  readonly kind?: "column" | "line";
  readonly title: string;
  readonly categories: string;
  readonly values: { readonly name: string; readonly range: string };
  readonly lines?: readonly { readonly name: string; readonly range: string }[];
  /** Top-left cell where the chart is placed, and its size in points. */
  readonly at: string;
  readonly width?: number;
  readonly height?: number;
}

export interface PrintSpec {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  readonly fitToWidth?: boolean;
  /** Rows repeated at the top of every printed page, e.g. "$3:$3". */
  readonly repeatRows?: string;
}

export interface SheetSpec {
  readonly name: string;
  /** Rows starting at A1. */
  readonly rows: readonly (readonly CellWrite[])[];
  /** Column widths in points, from column A. */
  readonly columnWidths?: readonly number[];
  readonly formats?: readonly FormatSpec[];
  readonly below?: readonly BelowFormatSpec[];
  readonly above?: readonly AboveFormatSpec[];
  readonly validation?: readonly ValidationSpec[];
  readonly charts?: readonly ChartSpec[];
  readonly print?: PrintSpec;
  /** Rows frozen at the top. */
  readonly freezeRows?: number;
  /** A font for the whole sheet, e.g. "TH Sarabun New" or "Leelawadee UI". */
  readonly font?: string;
}

export interface WorkbookPort {
  listSheets(): Promise<readonly SheetInfo[]>;
  /** A range's values and kinds; without `address`, the sheet's used range. */
  readRange(sheet: string, address?: string): Promise<RangeData>;
  /** What the user has selected. */
  readSelection(): Promise<RangeData>;
  /**
   * Write a sheet of the add-in's own. If a sheet of that name exists the call
   * fails with `SheetExistsError` unless `replace` is true: callers ask the user first.
   */
  writeSheet(spec: SheetSpec, options: { readonly replace: boolean; readonly activate?: boolean }): Promise<void>;
  /** Select a cell or range and bring its sheet to the front. */
  select(sheet: string, address: string): Promise<void>;
  /** Per-workbook settings that travel with the file (Excel: workbook settings). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string | undefined): Promise<void>;
  /** Several settings written (undefined: removed) in one round trip. */
  setSettings(entries: Readonly<Record<string, string | undefined>>): Promise<void>;
  /** Keys of all settings starting with `prefix`. */
  settingKeys(prefix: string): Promise<readonly string[]>;
  /** Every setting whose key starts with `prefix`, with its value, in one round trip. */
  readSettings(prefix: string): Promise<Readonly<Record<string, string>>>;
  /**
   * Whether this workbook can keep large texts outside its settings (Excel: custom XML
   * parts, ExcelApi 1.5). Settings are loaded whole when the add-in starts and Excel on
   * the web caps a request at 5 MB, so rules texts (140 KB a year) go there, and settings
   * keep only their ids; without it the rules store falls back to settings.
   */
  supportsTexts(): boolean;
  /** The texts stored under these ids (undefined where there is none), in one round trip. */
  readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]>;
  /** Store a text and give its id; the texts under `replaces` are deleted in the same call. */
  writeText(text: string, replaces?: readonly string[]): Promise<string>;
  /** Delete stored texts; ids that hold nothing are ignored. */
  deleteTexts(ids: readonly string[]): Promise<void>;
  /** Ask Excel to recalculate (after rules saved in the workbook change). */
  recalculate(): Promise<void>;
}

export class SheetExistsError extends Error {
  constructor(readonly sheet: string) {
    super(`มีชีต "${sheet}" อยู่แล้ว / a sheet named "${sheet}" already exists`);
    this.name = "SheetExistsError";
  }
}
