/**
 * The results sheet the wizard writes (one SheetSpec, so one port.writeSheet):
 * the indicator table as the seed report lays it out (ตัวชี้วัด, เครื่องมือ, ประเด็น,
 * คะแนน, ผลการประเมิน), tool scores with weights, the weighted total, the rating and
 * what stands between it and the next band, a column chart of the indicators with
 * the pass-mark line, and scores under the pass mark highlighted; with earlier years
 * (sheets named by year), the years side by side to the right and a line chart of the trend. Figures are
 * `=ITA.*` formulas over the user's score table, so the sheet stays live; the
 * engine's value is cached with each formula for adapters that cannot compute.
 * Nothing here scores: the cached values come from the engine's Evaluation.
 */
import { cutGraphemes } from "../dsl/runtime.js";
import { gapRows, INDICATOR_HEADINGS, indicatorColumns, type Evaluation, type History } from "../engine/index.js";
import { cellA1, columnLetters, numberFormatFor } from "./a1.js";
import type { CellWrite, ChartSpec, FormatSpec, SheetSpec } from "./port.js";
import { tableFormula, type ScoreTable } from "./score-table.js";

export interface ResultsInput {
  readonly evaluation: Evaluation;
  /** The rules as the functions take them: a bundled year ("2568") or the name of rules saved in the workbook. */
  readonly rulesName: string;
  readonly table: ScoreTable;
  /** Whose result this is, shown in the title row. */
  readonly agencyName?: string;
  /** This result beside earlier years (engine compareYears): a block below, and a line chart of the trend. */
  readonly history?: History;
}

export interface ResultsLayout {
  readonly spec: SheetSpec;
  /** 1-based rows of the indicator table's data. */
  readonly indicatorRows: { readonly first: number; readonly last: number };
  readonly toolRows: { readonly first: number; readonly last: number };
  /** A1 cells on the results sheet. */
  readonly totalCell: string;
  /** A live count of blank score cells, beside the total, highlighted when not 0. */
  readonly blankCountCell: string;
  readonly ratingCell: string;
  readonly gapCell: string;
}

/**
 * Excel sheet names: at most 31 characters (UTF-16 units), none of []:*?/\ . A long
 * name is cut between visible characters, never between a Thai consonant and its
 * vowel or tone mark.
 */
export function safeSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "");
  return cutGraphemes(clean, 31).trim();
}

/** One sheet per rules and, in a table of several agencies, per agency, so one agency's results never replace another's. */
function resultsSheetName(rulesName: string, agency?: string): string {
  return safeSheetName(agency ? `ผลการประเมิน ${rulesName} ${agency}` : `ผลการประเมิน ITA ${rulesName}`);
}

/** A text argument for a formula. */
function textArg(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

const HEADER_FILL = "#DCE6F2";
const BELOW_FILL = "#FDE7E9";
const BELOW_FONT = "#A4262C";

export function buildResultsSheet(input: ResultsInput): ResultsLayout {
  const { evaluation: e, rulesName, table } = input;
  const { scores, tail, blankScores } = tableFormula(table);
  const rules = textArg(rulesName) + tail;
  const decimals = e.rules.decimals;
  const numberFormat = numberFormatFor(decimals);
  // Rules without a pass mark (years before 2567) leave the result and pass-mark columns out.
  const threshold = e.rules.pass?.threshold;
  const last = threshold === undefined ? "D" : "F";
  const rows: CellWrite[][] = [];
  const push = (...cells: CellWrite[]): number => {
    rows.push(cells);
    return rows.length;
  };

  push(`ผลการประเมิน ${e.rules.name.th}${input.agencyName ? ` · ${input.agencyName}` : ""}`);
  push(
    `${e.rules.name.en || "ITA results"} · ข้อมูลจาก / data: ${table.sheet}!${table.range} · เกณฑ์ / rules: ${rulesName}`,
  );
  push();
  // The engine's headings (one definition with ITA.INDICATORS, the report and `ita score`), in Thai as the seed prints them.
  const header =
    threshold === undefined
      ? push(...indicatorColumns(false).map((c) => c.th))
      : push(...indicatorColumns(true).map((c) => c.th), `${INDICATOR_HEADINGS.passMark.th} (${threshold})`);
  const firstIndicator = rows.length + 1;
  for (const ind of e.indicators) {
    const r = rows.length + 1;
    const id: string | number = /^\d+$/.test(ind.id) ? Number(ind.id) : ind.id;
    const score: CellWrite = {
      formula: `=ITA.INDICATOR(${scores},${typeof id === "number" ? id : textArg(id)},${rules})`,
      value: ind.value.published,
    };
    if (threshold === undefined || !ind.result) push(id, ind.tools.join(", "), ind.label.th, score);
    else
      push(
        id,
        ind.tools.join(", "),
        ind.label.th,
        score,
        { formula: `=ITA.PASS(${cellA1(r, 4)},${textArg(rulesName)})`, value: ind.result.th },
        threshold,
      );
  }
  const lastIndicator = rows.length;
  push();
  const toolHeader = push("เครื่องมือ", "น้ำหนัก (%)", "ชื่อเครื่องมือ", "คะแนน");
  const firstTool = rows.length + 1;
  for (const t of e.tools) {
    push(t.id, t.weight, t.label.th, {
      formula: `=ITA.TOOL(${scores},${textArg(t.id)},${rules})`,
      value: t.value.published,
    });
  }
  const lastTool = rows.length;
  // Beside the total, a native count of blank score cells: some desktop Excel builds pass a
  // blank to the functions as 0, which no function can tell from a typed 0; Excel's own
  // COUNTIFS sees the blank. The pane only writes this sheet when its Check found no blank.
  const totalRow = push(
    "คะแนนรวม",
    "",
    "คะแนนรวมถ่วงน้ำหนัก / weighted total",
    { formula: `=ITA.TOTAL(${scores},${rules})`, value: e.total.published },
    "ช่องคะแนนว่าง / blank scores",
    { formula: `=${blankScores}`, value: 0 },
  );
  const ratingRow = push("ระดับผลการประเมิน", "", "ระดับ / rating", {
    formula: `=ITA.RATING(${scores},${rules})`,
    value: e.rating.label.th,
  });
  push();
  const next = e.rating.nextUp;
  const gapTitle = push(
    next
      ? `สิ่งที่ต้องทำเพื่อให้ได้ระดับถัดไป (${next.label.th}) / what stands between this result and ${next.label.en || next.label.th}`
      : `อยู่ระดับสูงสุดแล้ว / already at the top band`,
  );
  // The formula spills one row per shortfall; an adapter that cannot compute shows the first.
  const gapRow = push({ formula: `=ITA.GAP(${scores},${rules})`, value: gapRows(e.rating)[0]![0] });

  const historyPart = input.history ? historyBlock(input.history, rows, numberFormat) : undefined;

  const ind = `${cellA1(firstIndicator, 4)}:${cellA1(lastIndicator, 4)}`;
  const spec: SheetSpec = {
    name: resultsSheetName(rulesName, table.agency),
    rows,
    columnWidths: [64, 90, 260, 70, 110, 80],
    font: "Leelawadee UI",
    formats: [
      { range: "A1", bold: true, fontSize: 14 },
      { range: "A2", italic: true, fontColor: "#605E5C" },
      {
        range: `A${header}:${last}${header}`,
        bold: true,
        fill: HEADER_FILL,
        border: true,
        horizontal: "center",
        wrap: true,
      },
      { range: `A${firstIndicator}:${last}${lastIndicator}`, border: true, vertical: "top" },
      { range: `C${firstIndicator}:C${lastIndicator}`, wrap: true },
      { range: `A${firstIndicator}:A${lastIndicator}`, horizontal: "center" },
      { range: ind, numberFormat },
      ...(threshold === undefined ? [] : [{ range: `F${firstIndicator}:F${lastIndicator}`, numberFormat }]),
      { range: `A${toolHeader}:D${toolHeader}`, bold: true, fill: HEADER_FILL, border: true, horizontal: "center" },
      { range: `A${firstTool}:D${ratingRow}`, border: true },
      { range: `D${firstTool}:D${totalRow}`, numberFormat },
      { range: `A${totalRow}:D${ratingRow}`, bold: true },
      { range: `E${totalRow}:F${totalRow}`, border: true, italic: true },
      { range: `A${gapTitle}`, bold: true },
      ...(historyPart?.formats ?? []),
    ],
    below: threshold === undefined ? [] : [{ range: ind, below: threshold, fill: BELOW_FILL, fontColor: BELOW_FONT }],
    above: [{ range: cellA1(totalRow, 6), above: 0, fill: BELOW_FILL, fontColor: BELOW_FONT }],
    charts: [
      {
        title: "คะแนนรายตัวชี้วัด / indicator scores",
        categories: `A${firstIndicator}:A${lastIndicator}`,
        values: { name: "คะแนน", range: ind },
        lines:
          threshold === undefined
            ? []
            : [{ name: `เกณฑ์ผ่าน ${threshold}`, range: `F${firstIndicator}:F${lastIndicator}` }],
        at: "H4",
        width: 480,
        height: 300,
      },
      ...(historyPart ? [historyPart.chart] : []),
    ],
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, repeatRows: `$${header}:$${header}` },
  };
  return {
    spec,
    indicatorRows: { first: firstIndicator, last: lastIndicator },
    toolRows: { first: firstTool, last: lastTool },
    totalCell: cellA1(totalRow, 4),
    blankCountCell: cellA1(totalRow, 6),
    ratingCell: cellA1(ratingRow, 4),
    gapCell: cellA1(gapRow, 1),
  };
}

/** Where the comparison goes: right of the result (ITA.GAP spills down column A and B, so nothing may sit below it). */
const HISTORY_COLUMN = 8; // H, under the indicator chart
const TREND_AT_ROW = 26;
const HISTORY_ROW = 46; // below the trend chart (280 pt)

/**
 * เทียบหลายปี beside the result: a row per year (total, its change, each tool, the
 * rating), which the trend chart reads, then a row per indicator across the years, then
 * the criteria changes. Plain values from the engine's comparison: earlier years are
 * not live formulas, since their rules differ from this sheet's.
 */
function historyBlock(
  h: History,
  rows: CellWrite[][],
  numberFormat: string,
): { formats: FormatSpec[]; chart: ChartSpec } {
  let at = HISTORY_ROW - 1;
  const col = (k: number): string => columnLetters(HISTORY_COLUMN + k - 1);
  const put = (...cells: CellWrite[]): number => {
    at++;
    while (rows.length < at) rows.push([]);
    const row = rows[at - 1]!;
    while (row.length < HISTORY_COLUMN - 1) row.push(null);
    row.splice(HISTORY_COLUMN - 1, cells.length, ...cells);
    return at;
  };
  const formats: FormatSpec[] = [];
  const v = (x: { published: number } | null): CellWrite => (x === null ? null : x.published);
  const title = put("เทียบหลายปี / compared with earlier years (แต่ละปีคำนวณตามเกณฑ์ของปีนั้น / each year by its own rules)");
  formats.push({ range: `${col(1)}${title}`, bold: true, fontSize: 12 });
  const tools = h.tools.filter((t) => t.cells.some((c) => c.value !== null));
  const head = put("ปี / year", "คะแนนรวม / total", "เปลี่ยนแปลง / change", ...tools.map((t) => t.id), "ระดับ / rating");
  const width = tools.length + 4;
  formats.push({
    range: `${col(1)}${head}:${col(width)}${head}`,
    bold: true,
    fill: HEADER_FILL,
    border: true,
    wrap: true,
  });
  const first = at + 1;
  h.years.forEach((y, i) =>
    put(
      String(y.year),
      v(h.total.cells[i]!.value),
      v(h.total.cells[i]!.change),
      ...tools.map((t) => v(t.cells[i]!.value)),
      h.rating.cells[i]!.label?.th ?? (y.status === "partial" ? "ยังไม่ครบ / partial" : "—"),
    ),
  );
  const last = at;
  formats.push({ range: `${col(1)}${first}:${col(width)}${last}`, border: true });
  formats.push({ range: `${col(2)}${first}:${col(width - 1)}${last}`, numberFormat });
  put();
  const indHead = put(
    "ตัวชี้วัด / indicator",
    "ประเด็น",
    ...h.years.map((y) => String(y.year)),
    "เปลี่ยนแปลงล่าสุด / latest change",
  );
  const indWidth = h.years.length + 3;
  formats.push({
    range: `${col(1)}${indHead}:${col(indWidth)}${indHead}`,
    bold: true,
    fill: HEADER_FILL,
    border: true,
    wrap: true,
  });
  for (const r of h.indicators) {
    put(
      /^\d+$/.test(r.id) ? Number(r.id) : r.id,
      r.label.th,
      ...r.cells.map((c) => v(c.value)),
      v(r.cells.at(-1)!.change),
    );
  }
  formats.push({ range: `${col(1)}${indHead + 1}:${col(indWidth)}${at}`, border: true });
  formats.push({ range: `${col(3)}${indHead + 1}:${col(indWidth)}${at}`, numberFormat });
  if (h.criteria.length) {
    put();
    formats.push({ range: `${col(1)}${put("เกณฑ์ที่เปลี่ยนระหว่างปี / criteria changes between years")}`, bold: true });
    for (const c of h.criteria) put(`${c.from}→${c.to}: ${c.th} / ${c.en}`);
  }
  const range = (k: number): string => `${col(k)}${first}:${col(k)}${last}`;
  return {
    formats,
    chart: {
      kind: "line",
      title: "แนวโน้มรายปี / trend by year",
      categories: range(1),
      values: { name: "คะแนนรวม / total", range: range(2) },
      lines: tools.map((t, k) => ({ name: t.id, range: range(k + 4) })),
      at: `${col(1)}${TREND_AT_ROW}`,
      width: 480,
      height: 280,
    },
  };
}
