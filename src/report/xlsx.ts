/**
 * The report as an .xlsx file, written from the same sheet specs the task pane
 * writes (sheets.ts): ผลการประเมิน / รายงาน / แผนพัฒนา, A4, Thai font, repeated
 * header rows, wrapped text, column widths, the pass-mark highlight, and the plan's
 * cells unlocked so they stay editable if the user protects the sheet.
 *
 * The SpreadsheetML parts are written here as text and zipped by zip.ts with Node's
 * zlib: a province's reports are thousands of files, and exceljs's general model and
 * pure-JS deflate took most of a run (9 of 11 ms per agency). What a sheet spec can
 * say is small (values, formulas, a few cell looks, highlights, validation, print
 * setup), so the parts are too. Charts are not written; the HTML page carries the chart.
 */
import type { CellWrite, FormatSpec } from "../workbook/port.js";
import type { ReportModel } from "./model.js";
import { reportSheets, summarySheet, type ReportSheet } from "./sheets.js";
import type { SummaryEntry } from "./summary.js";
import { TextChunks } from "./utf8.js";
import { zip, type ZipPart } from "./zip.js";

export interface XlsxOptions {
  /** Workbook properties' created/modified date; fixed for reproducible files. */
  readonly date?: Date;
}

/** Points to Excel's column width unit (one character of the default font, about 5.25 pt plus padding). */
const widthFromPoints = (pt: number): number => Math.round((pt / 5.25) * 100) / 100;

/** One cell's look, merged from every format that covers it (later formats win, as in Excel). */
interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
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

function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

const XML_SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** XML text: markup escaped, and the control characters XML 1.0 cannot hold dropped (as exceljs does). */
function esc(text: string): string {
  // Most texts (Thai labels, guidance) have nothing to escape: test before replacing.
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      default:
        return "";
    }
  });
}

function styleOf(f: FormatSpec): CellStyle {
  const s: CellStyle = {};
  if (f.bold !== undefined) s.bold = f.bold;
  if (f.italic !== undefined) s.italic = f.italic;
  if (f.fontSize !== undefined) s.size = f.fontSize;
  if (f.fontColor) s.color = f.fontColor;
  if (f.fill) s.fill = f.fill;
  if (f.wrap !== undefined) s.wrap = f.wrap;
  if (f.horizontal) s.horizontal = f.horizontal;
  if (f.vertical) s.vertical = f.vertical;
  if (f.border !== undefined) s.border = f.border;
  if (f.numberFormat) s.numFmt = f.numberFormat;
  return s;
}

/** Excel's built-in number formats (no numFmt element needed); others get ids from 164. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const BORDER_COLOR = "FF9AA4B2";
const THIN_BORDER = ["left", "right", "top", "bottom"]
  .map((side) => `<${side} style="thin"><color rgb="${BORDER_COLOR}"/></${side}>`)
  .join("");

/** The workbook's styles part: fonts, fills, borders, number formats and cell formats, each listed once. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The index of `xml` in `list` (the kind of list named by `kind`), added the first time. */
  private id(kind: string, list: string[], xml: string): number {
    const key = `${kind}|${xml}`;
    let i = this.ids.get(key);
    if (i === undefined) {
      i = list.push(xml) - 1;
      this.ids.set(key, i);
    }
    return i;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const key = `numFmt|${code}`;
    let i = this.ids.get(key);
    if (i === undefined) {
      i = 164 + this.numFmts.length;
      this.numFmts.push(`<numFmt numFmtId="${i}" formatCode="${esc(code)}"/>`);
      this.ids.set(key, i);
    }
    return i;
  }

  /** The cell format index of a look, in a sheet whose font is `font`. */
  xf(s: CellStyle, font: string): number {
    const fontXml =
      "<font>" +
      (s.bold ? "<b/>" : "") +
      (s.italic ? "<i/>" : "") +
      `<sz val="${s.size ?? 14}"/>` +
      (s.color ? `<color rgb="${argb(s.color)}"/>` : "") +
      `<name val="${esc(font)}"/></font>`;
    const fontId = this.id("font", this.fonts, fontXml);
    const fillId = s.fill
      ? this.id(
          "fill",
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const borderId = s.border ? this.id("border", this.borders, `<border>${THIN_BORDER}<diagonal/></border>`) : 0;
    const numFmtId = s.numFmt ? this.numFmtId(s.numFmt) : 0;
    const aligned = s.wrap || s.horizontal || s.vertical;
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (aligned ? ' applyAlignment="1"' : "") +
      (s.unlocked ? ' applyProtection="1"' : "") +
      ">" +
      (aligned
        ? "<alignment" +
          (s.horizontal ? ` horizontal="${s.horizontal}"` : "") +
          (s.vertical ? ` vertical="${s.vertical}"` : "") +
          (s.wrap ? ' wrapText="1"' : "") +
          "/>"
        : "") +
      (s.unlocked ? '<protection locked="0"/>' : "") +
      "</xf>";
    return this.id("xf", this.xfs, xml);
  }

  /** A differential format (conditional formatting's look): fill, and font colour. */
  dxf(fill: string, fontColor: string | undefined): number {
    return this.id(
      "dxf",
      this.dxfs,
      "<dxf>" +
        (fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "") +
        `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`,
    );
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]): string =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.length ? list("numFmts", this.numFmts) : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      "</styleSheet>"
    );
  }
}

/**
 * A shared string's element by its text. Most texts (labels, questions, guidance) are the
 * same in every report of a run, so each is escaped once; the cache is emptied when full
 * because the texts that differ (agency names, figures) would otherwise pile up.
 */
const siCache = new Map<string, string>();
const SI_CACHE_LIMIT = 20_000;

function siXml(t: string): string {
  let si = siCache.get(t);
  if (si === undefined) {
    // Leading or trailing spaces and line breaks are kept only under xml:space="preserve".
    si = /^\s|\s$/.test(t) ? `<si><t xml:space="preserve">${esc(t)}</t></si>` : `<si><t>${esc(t)}</t></si>`;
    if (siCache.size >= SI_CACHE_LIMIT) siCache.clear();
    siCache.set(t, si);
  }
  return si;
}

/** Every text cell's string, listed once (Excel's shared strings). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string[] {
    const out = new TextChunks();
    out.add(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.items.length}" uniqueCount="${this.items.length}">`);
    for (const t of this.items) out.add(siXml(t));
    out.add("</sst>");
    return out.chunks();
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** One cell's element; `s` is its format index (0: none). */
function cellXml(ref: string, v: CellWrite | undefined, s: number, strings: SharedStrings): string {
  const st = s ? ` s="${s}"` : "";
  if (v === null || v === undefined) return `<c r="${ref}"${st}/>`;
  if (typeof v === "string") return `<c r="${ref}"${st} t="s"><v>${strings.of(v)}</v></c>`;
  if (typeof v === "number") {
    return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : `<c r="${ref}"${st} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  const f = `<f>${esc(v.formula.replace(/^=/, ""))}</f>`;
  const r = v.value;
  if (r === undefined) return `<c r="${ref}"${st}>${f}</c>`;
  if (typeof r === "string") return `<c r="${ref}"${st} t="str">${f}<v>${esc(r)}</v></c>`;
  if (typeof r === "boolean") return `<c r="${ref}"${st} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${st}>${f}<v>${r}</v></c>`;
}

/** One worksheet part from a sheet spec, in pieces (utf8.ts). */
function sheetXml(spec: ReportSheet, styles: Styles, strings: SharedStrings): string[] {
  // Each cell's look is written as the list of what covers it, in order: "v" for a value
  // (the sheet's font), then each format's index, then "e" for editable. Cells covered
  // alike share one list, so each distinct look is merged and registered once.
  const covers: (string | undefined)[][] = [];
  const cover = (r: number, c: number, what: string): void => {
    const row = (covers[r] ??= []);
    row[c] = row[c] === undefined ? what : `${row[c]},${what}`;
  };
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) cover(r + 1, c + 1, "v");
    }),
  );
  const formats = spec.formats ?? [];
  formats.forEach((f, k) => {
    const { r1, c1, r2, c2 } = cells(f.range);
    const what = String(k);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cover(r, c, what);
  });
  for (const range of spec.editable ?? []) {
    const { r1, c1, r2, c2 } = cells(range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cover(r, c, "e");
  }
  const font = spec.font ?? "Calibri";
  const xfOf = new Map<string, number>();
  const xf = (list: string): number => {
    let id = xfOf.get(list);
    if (id === undefined) {
      // Later formats win, property by property, as when Excel applies them one after another.
      const look: CellStyle = {};
      for (const what of list.split(",")) {
        if (what === "e") look.unlocked = true;
        else if (what !== "v") Object.assign(look, styleOf(formats[Number(what)]!));
      }
      id = styles.xf(look, font);
      xfOf.set(list, id);
    }
    return id;
  };
  const data = new TextChunks();
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 1; r < covers.length; r++) {
    const covered = covers[r];
    if (!covered) continue;
    const values = spec.rows[r - 1];
    let row = "";
    for (let c = 1; c < covered.length; c++) {
      const list = covered[c];
      if (list === undefined) continue;
      row += cellXml(`${columnName(c)}${r}`, values?.[c - 1], xf(list), strings);
      lastCol = Math.max(lastCol, c);
    }
    if (row) {
      data.add(`<row r="${r}">${row}</row>`);
      lastRow = r;
    }
  }
  const print = spec.print;
  const frozen = spec.freezeRows ?? 0;
  let cf = "";
  let priority = 1;
  for (const b of spec.below ?? []) {
    cf +=
      `<conditionalFormatting sqref="${esc(b.range)}"><cfRule type="cellIs" dxfId="${styles.dxf(b.fill, b.fontColor)}"` +
      ` priority="${priority++}" operator="lessThan"><formula>${b.below}</formula></cfRule></conditionalFormatting>`;
  }
  for (const a of spec.above ?? []) {
    cf +=
      `<conditionalFormatting sqref="${esc(a.range)}"><cfRule type="cellIs" dxfId="${styles.dxf(a.fill, a.fontColor)}"` +
      ` priority="${priority++}" operator="greaterThan"><formula>${a.above}</formula></cfRule></conditionalFormatting>`;
  }
  const validation = (spec.validation ?? []).map(
    (v) =>
      `<dataValidation type="decimal" operator="between" allowBlank="1" showErrorMessage="1"` +
      ` error="${esc(`${v.message.th} / ${v.message.en}`)}" sqref="${esc(v.range)}">` +
      `<formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`,
  );
  const widths = spec.columnWidths ?? [];
  const head =
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${lastRow ? `A1:${columnName(lastCol)}${lastRow}` : "A1"}"/>` +
    (frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}"` +
        ' activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>') +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (widths.length
      ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthFromPoints(w)}" customWidth="1"/>`).join("")}</cols>`
      : "") +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    cf +
    (validation.length
      ? `<dataValidations count="${validation.length}">${validation.join("")}</dataValidations>`
      : "") +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    (print ? `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>` : "") +
    "</worksheet>";
  // The dimension (first) depends on the rows: the head is put before them once they are written.
  return [head, ...data.chunks(), tail];
}

/** A sheet name as a formula writes it: quoted, quotes doubled. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function workbookXml(specs: readonly ReportSheet[]): string {
  const titles = specs
    .map((s, i) =>
      s.print?.repeatRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(quotedSheet(s.name))}!${esc(s.print.repeatRows)}</definedName>`
        : "",
    )
    .join("");
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>' +
    `<sheets>${specs.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
    (titles ? `<definedNames>${titles}</definedNames>` : "") +
    '<calcPr calcId="171027"/></workbook>'
  );
}

const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

function workbookRels(sheets: number): string {
  let out = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`;
  for (let i = 1; i <= sheets; i++) out += rel(`rId${i}`, `${NS_REL}/worksheet`, `worksheets/sheet${i}.xml`);
  out += rel(`rId${sheets + 1}`, `${NS_REL}/styles`, "styles.xml");
  out += rel(`rId${sheets + 2}`, `${NS_REL}/sharedStrings`, "sharedStrings.xml");
  return `${out}</Relationships>`;
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  rel("rId1", `${NS_REL}/officeDocument`, "xl/workbook.xml") +
  rel("rId2", `${NS_PKG_REL}/metadata/core-properties`, "docProps/core.xml") +
  rel("rId3", `${NS_REL}/extended-properties`, "docProps/app.xml") +
  "</Relationships>";

function contentTypes(sheets: number): string {
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const over = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  let out =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    over("/xl/workbook.xml", `${ct}.sheet.main+xml`);
  for (let i = 1; i <= sheets; i++) out += over(`/xl/worksheets/sheet${i}.xml`, `${ct}.worksheet+xml`);
  return (
    out +
    over("/xl/styles.xml", `${ct}.styles+xml`) +
    over("/xl/sharedStrings.xml", `${ct}.sharedStrings+xml`) +
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    "</Types>"
  );
}

function coreXml(title: string | undefined, when: Date): string {
  const at = `${when.toISOString().slice(0, 19)}Z`;
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    "<dc:creator>ITA Workbench</dc:creator>" +
    (title ? `<dc:title>${esc(title)}</dc:title>` : "") +
    "<cp:lastModifiedBy>ITA Workbench</cp:lastModifiedBy>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

const APP_XML =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  "<Application>ITA Workbench</Application></Properties>";

/** An .xlsx file's parts and date before they are zipped (zip.ts): what `ita report` hands its writer thread. */
export interface XlsxParts {
  readonly parts: readonly ZipPart[];
  readonly when: Date;
}

function workbookParts(specs: readonly ReportSheet[], title: string | undefined, options: XlsxOptions): XlsxParts {
  const when = options.date ?? new Date();
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheets = specs.map((s) => sheetXml(s, styles, strings));
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: contentTypes(specs.length), repeated: true },
    { name: "_rels/.rels", data: ROOT_RELS, repeated: true },
    { name: "docProps/app.xml", data: APP_XML, repeated: true },
    { name: "docProps/core.xml", data: coreXml(title, when) },
    { name: "xl/workbook.xml", data: workbookXml(specs), repeated: true },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels(specs.length), repeated: true },
    { name: "xl/styles.xml", data: styles.xml(), repeated: true },
    { name: "xl/sharedStrings.xml", data: strings.xml() },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ];
  return { parts, when };
}

/** An .xlsx file of these sheets, in order. */
export function workbookBytes(
  specs: readonly ReportSheet[],
  title: string | undefined,
  options: XlsxOptions = {},
): Buffer {
  const { parts, when } = workbookParts(specs, title, options);
  return zip(parts, when);
}

/** The parts of one agency's report workbook (results, report and plan sheets), zipped by `zip`. */
export function reportXlsxParts(report: ReportModel, options: XlsxOptions = {}): XlsxParts {
  const title = `${report.title.heading} ${report.title.fiscalYear} ${report.agency.name}`;
  return workbookParts(reportSheets(report), title, options);
}

/** The many-agencies summary: one sheet, best total first, then the files not reported. */
export async function renderSummaryXlsx(
  reports: readonly SummaryEntry[],
  failed: readonly { readonly file: string; readonly message: string }[] = [],
  options: XlsxOptions = {},
): Promise<Buffer> {
  return workbookBytes([summarySheet(reports, failed)], undefined, options);
}
