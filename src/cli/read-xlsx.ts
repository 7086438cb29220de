/**
 * Reading .xlsx files for the command line: every worksheet as RangeData (the
 * workbook port's shape: values, kinds, merged areas), so the CLI finds score
 * tables with the same code the task pane uses (src/workbook/score-table.ts).
 * Files are only read, never written.
 *
 * The parts are read straight from the zip (unzip.ts), one sheet at a time, keeping
 * only each cell's value: a province's workbook of 300,000 score rows loaded whole
 * by exceljs took seconds and gigabytes. Cells are read as Excel shows them: a formula
 * by its cached result, shared and inline strings and rich text as their text, a
 * number formatted as a date as the date (YYYY-MM-DD), an error by its code.
 */
import { readFile } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import type { CellValue } from "../engine/index.js";
import type { CellKind, RangeData } from "../workbook/port.js";
import { ZipError, ZipReader } from "./unzip.js";

export interface XlsxContents {
  readonly sheets: readonly RangeData[];
}

export class UnreadableWorkbook extends Error {}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities and character references replaced. */
function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

const attrPatterns = new Map<string, RegExp>();

/** An element's attribute by its name. */
function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** The text of a string item (<si>, <is>): its <t> runs joined, phonetic guides (<rPh>) left out. */
function itemText(xml: string): string {
  const runs = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  for (const m of runs.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return Array.from(xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g), (m) =>
    itemText(m[1] ?? ""),
  );
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell formats (by index) show numbers as dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1]!, "numFmtId"));
    // A date format has d, m, y, h or s outside quoted text, [colours] and escapes.
    const code = (attr(m[1]!, "formatCode") ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    custom.set(id, /[dmyhs]/i.test(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  return Array.from(xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g), (m) => {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    return custom.get(id) ?? DATE_FORMAT_IDS.has(id);
  });
}

/** An Excel date serial (1900 system, with its 1900-02-29) as YYYY-MM-DD. */
function serialDate(serial: number): string {
  const days = serial < 61 ? serial : serial - 1;
  return new Date(Date.UTC(1899, 11, 31) + Math.floor(days) * 86400000).toISOString().slice(0, 10);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Shared by every row that holds no value, so a long run of empty rows costs one pointer each. */
const NO_CELLS: readonly never[] = Object.freeze([]);

interface Lookups {
  readonly strings: readonly string[];
  readonly dates: readonly boolean[];
}

/** One cell's value and kind from its type, style and inner XML (<v>, <is>, <f>). */
function cellValue(
  t: string | undefined,
  style: number,
  inner: string,
  look: Lookups,
): { value: CellValue; kind: CellKind } {
  const EMPTY = { value: "", kind: "empty" as CellKind };
  if (t === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    const text = is ? itemText(is[1]!) : "";
    return text === "" ? EMPTY : { value: text, kind: "string" };
  }
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  if (!v) return EMPTY;
  const raw = unescapeXml(v[1]!);
  switch (t) {
    case "s": {
      const text = look.strings[Number(raw)] ?? "";
      return text === "" ? EMPTY : { value: text, kind: "string" };
    }
    case "str":
      return raw === "" ? EMPTY : { value: raw, kind: "string" };
    case "b":
      return { value: raw === "1" || raw === "true", kind: "boolean" };
    case "e":
      return { value: raw, kind: "error" };
    case "d":
      return { value: raw.slice(0, 10), kind: "string" };
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return raw === "" ? EMPTY : { value: raw, kind: "string" };
      if (look.dates[style]) return { value: serialDate(n), kind: "string" };
      return { value: n, kind: "number" };
    }
  }
}

/**
 * A worksheet part's values from A1, fed a piece of its XML at a time (each piece ends
 * between elements), built from the cells that exist only: a row stops at its last
 * non-empty cell and an empty row is the shared empty row, so a stray value or a
 * formatted cell at XFD1048576 costs one row, not the 17 billion cells of the used range.
 */
class SheetScanner {
  private readonly values: (readonly CellValue[])[] = [];
  private readonly kinds: (readonly CellKind[])[] = [];
  private readonly merged: string[] = [];
  private vr: CellValue[] = [];
  private kr: CellKind[] = [];
  private rowNumber = 0;
  private col = 0;

  constructor(
    private readonly name: string,
    private readonly look: Lookups,
  ) {}

  private endRow(): void {
    if (this.vr.length === 0) return;
    while (this.values.length < this.rowNumber - 1) {
      this.values.push(NO_CELLS);
      this.kinds.push(NO_CELLS);
    }
    // Kept as exact-length copies: an array grown by push holds room for 17 cells, and a
    // province's sheet has 300,000 rows of four.
    this.values.push(this.vr.slice());
    this.kinds.push(this.kr.slice());
    this.vr.length = 0;
    this.kr.length = 0;
  }

  feed(xml: string): void {
    const tags = /<(\w+:)?(row|c|mergeCell)\b([^>]*?)(\/?)>/g;
    for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
      const [, prefix = "", tag, attrs = "", selfClosing] = m;
      if (tag === "row") {
        this.endRow();
        const r = Number(attr(attrs, "r"));
        this.rowNumber = Number.isInteger(r) && r > this.rowNumber ? r : this.rowNumber + 1;
        this.col = 0;
        continue;
      }
      if (tag === "mergeCell") {
        const ref = attr(attrs, "ref");
        if (ref) this.merged.push(ref);
        continue;
      }
      let inner = "";
      if (!selfClosing) {
        const close = `</${prefix}c>`;
        const end = xml.indexOf(close, tags.lastIndex);
        if (end < 0) break;
        inner = xml.slice(tags.lastIndex, end);
        tags.lastIndex = end + close.length;
      }
      const ref = /^([A-Z]{1,3})(\d+)$/.exec(attr(attrs, "r") ?? "");
      this.col = ref ? columnIndex(ref[1]!) : this.col + 1;
      if (ref && Number(ref[2]) !== this.rowNumber) {
        this.endRow();
        this.rowNumber = Number(ref[2]);
      }
      if (!inner) continue;
      const { value, kind } = cellValue(attr(attrs, "t"), Number(attr(attrs, "s") ?? 0), inner, this.look);
      if (kind === "empty") continue;
      while (this.vr.length < this.col - 1) {
        this.vr.push("");
        this.kr.push("empty");
      }
      this.vr.push(value);
      this.kr.push(kind);
    }
  }

  finish(): RangeData {
    this.endRow();
    return { sheet: this.name, topLeft: "A1", values: this.values, kinds: this.kinds, merged: this.merged };
  }
}

/** Where the last complete row of `text` ends (after its "</row>" or "</x:row>"), or -1. */
function lastRowEnd(text: string): number {
  for (let i = text.lastIndexOf("row>"); i > 0; i = text.lastIndexOf("row>", i - 1)) {
    const lt = text.lastIndexOf("<", i);
    if (lt >= 0 && /^<\/(?:[\w.-]+:)?$/.test(text.slice(lt, i))) return i + 4;
  }
  return -1;
}

/** One worksheet part read a piece at a time: only its values are kept, never its whole text. */
async function readSheet(zip: ZipReader, name: string, path: string, look: Lookups): Promise<RangeData> {
  const scanner = new SheetScanner(name, look);
  const decoder = new StringDecoder("utf8");
  let carry = "";
  for await (const piece of zip.pieces(path)) {
    const text = carry + decoder.write(piece);
    const cut = lastRowEnd(text);
    if (cut < 0) {
      carry = text;
      continue;
    }
    scanner.feed(text.slice(0, cut));
    carry = text.slice(cut);
  }
  scanner.feed(carry + decoder.end());
  return scanner.finish();
}

/** The workbook's sheets in order, each with the path of its part. */
function sheetParts(zip: ZipReader): { name: string; path: string }[] {
  const workbook = zip.text("xl/workbook.xml");
  if (workbook === undefined) throw new ZipError("no xl/workbook.xml: not a workbook");
  const targets = new Map<string, string>();
  for (const m of (zip.text("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1]!, "name") ?? "";
    const rid = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    // Chart sheets and dialog sheets hold no cells: only worksheets are read.
    if (path && /worksheets\//i.test(path)) sheets.push({ name, path });
  }
  return sheets;
}

/** All worksheets of an .xlsx file, in workbook order. */
export async function readXlsx(path: string): Promise<XlsxContents> {
  const data = await readFile(path);
  try {
    const zip = new ZipReader(data);
    const look: Lookups = {
      strings: sharedStrings(zip.text("xl/sharedStrings.xml")),
      dates: dateStyles(zip.text("xl/styles.xml")),
    };
    const sheets: RangeData[] = [];
    for (const s of sheetParts(zip)) sheets.push(await readSheet(zip, s.name, s.path, look));
    return { sheets };
  } catch (e) {
    if (!(e instanceof ZipError) && !(e instanceof RangeError)) throw e;
    throw new UnreadableWorkbook(
      `${path}: เปิดไฟล์ .xlsx ไม่ได้ (${e.message}) / cannot read this .xlsx file (${e.message})`,
    );
  }
}
