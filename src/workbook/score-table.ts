/**
 * Finding an agency's score table in a sheet by its headers: tool/เครื่องมือ,
 * question/ข้อ/รหัสข้อ, score/คะแนน and optionally agency/หน่วยงาน, wherever they sit
 * (title rows above, extra columns between, blank rows inside, Thai digits, loose
 * spacing and case). Rows come out as engine ScoreRows whose `where` is the score
 * cell ("Sheet!C7"), so the engine's problems name the cell the user must fix.
 * Nothing here scores: the Check step hands the rows to the engine (evaluateRows, whose problems are the checks).
 */
import { type ScoreRow, arabicDigits, excelTrim, isBlank, type CellValue } from "../engine/index.js";
import { cellA1, columnLetters, formulaRef, intersects, parseCell, parseRange, place, rangeA1 } from "./a1.js";
import type { RangeData } from "./port.js";

export type ColumnRole = "tool" | "question" | "score" | "agency";

export interface ScoreTable {
  readonly sheet: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** 1-based sheet columns. */
  readonly columns: {
    readonly tool: number;
    readonly question: number;
    readonly score: number;
    readonly agency?: number;
  };
  /** A1 range of the table on its sheet, header included ("A3:D62"). */
  readonly range: string;
  /** Data rows with something in them; `where` is the score cell, "Sheet!C7". */
  readonly rows: readonly (ScoreRow & { readonly agency?: string })[];
  /** Set when the table holds several agencies and only this one's rows are kept (`forAgency`). */
  readonly agency?: string;
  /** Merged cells in the agency column under the header ("Sheet!D4:D38"): filled down here, not by Excel. */
  readonly mergedAgencyCells?: readonly string[];
}

export type TableProblemCode =
  "empty" | "no-header" | "merged-header" | "ambiguous-header" | "no-rows" | "merged-agency";

export interface TableProblem {
  readonly code: TableProblemCode;
  readonly th: string;
  readonly en: string;
  /** "Sheet!A3:B3", or the sheet name when no cell can be named. */
  readonly where: string;
}

export type FindResult =
  { readonly ok: true; readonly table: ScoreTable } | { readonly ok: false; readonly problems: TableProblem[] };

/** Header words per role, compared without spaces, case or punctuation. */
const HEADER_WORDS: Record<ColumnRole, readonly string[]> = {
  tool: ["tool", "tools", "เครื่องมือ", "แบบวัด", "เครื่องมือการประเมิน", "เครื่องมือประเมิน"],
  question: ["question", "questionid", "item", "ข้อ", "ข้อที่", "รหัสข้อ", "รหัส", "ข้อคำถาม", "รหัสข้อคำถาม", "ประเด็นข้อคำถาม"],
  score: ["score", "scores", "คะแนน", "ค่าคะแนน", "คะแนนที่ได้"],
  agency: ["agency", "หน่วยงาน", "ชื่อหน่วยงาน"],
};

/** How far down a header is looked for (title rows, notes) before giving up. */
const HEADER_SEARCH_ROWS = 50;

function clean(text: string): string {
  return arabicDigits(text)
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00A0\u200B:：*()[\]（）.#]/g, "");
}

/** The role a header cell names, if any: "เครื่องมือ / Tool", " คะแนน ", "Question ID" all count. */
function headerRole(v: CellValue): ColumnRole | undefined {
  if (typeof v !== "string" || !v.trim()) return undefined;
  const parts = [v, ...v.split(/[/|\n()（）]/)].map(clean).filter(Boolean);
  for (const role of ["tool", "question", "score", "agency"] as const) {
    if (parts.some((p) => HEADER_WORDS[role].includes(p))) return role;
  }
  return undefined;
}

function problem(code: TableProblemCode, th: string, en: string, where: string): TableProblem {
  return { code, th, en, where };
}

/** Merged areas as rectangles on the sheet (RangeData gives them as A1 strings). */
function mergedAreas(data: RangeData): { a1: string; r: ReturnType<typeof parseRange> }[] {
  return (data.merged ?? []).map((a1) => ({ a1, r: parseRange(a1) }));
}

export function findScoreTable(data: RangeData): FindResult {
  const origin = parseCell(data.topLeft);
  const rowAt = (i: number): number => origin.row + i;
  const colAt = (j: number): number => origin.column + j;
  const sheetWhere = data.sheet;
  const values = data.values;
  if (values.length === 0 || values.every((r) => r.every((v) => isBlank(v)))) {
    return { ok: false, problems: [problem("empty", "ชีตนี้ว่าง", "the sheet is empty", sheetWhere)] };
  }
  const merged = mergedAreas(data);

  // The header: the first row naming tool, question and score.
  let header = -1;
  let roles = new Map<ColumnRole, number[]>();
  let best: { i: number; count: number } = { i: -1, count: 0 };
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
    const found = new Map<ColumnRole, number[]>();
    values[i]!.forEach((v, j) => {
      const role = headerRole(v);
      if (role) found.set(role, [...(found.get(role) ?? []), j]);
    });
    const count = (["tool", "question", "score"] as const).filter((r) => found.has(r)).length;
    if (count === 3) {
      header = i;
      roles = found;
      break;
    }
    if (count > best.count) best = { i, count };
  }

  if (header < 0) {
    // Say why, naming cells: a merged header is the usual reason a near-header fails.
    const near = best.i >= 0 ? rowAt(best.i) : -1;
    const mergedNear = merged.filter((m) => near > 0 && m.r.top <= near && m.r.bottom >= near);
    if (mergedNear.length) {
      const list = mergedNear.map((m) => place(data.sheet, m.a1)).join(", ");
      return {
        ok: false,
        problems: [
          problem(
            "merged-header",
            `หัวตารางมีเซลล์ที่ผสานไว้ (${list}) ยกเลิกการผสานเซลล์ แล้วให้มีหัวคอลัมน์ เครื่องมือ ข้อ คะแนน แยกกัน`,
            `the header has merged cells (${list}); unmerge them so tool, question and score each have a header`,
            place(data.sheet, mergedNear[0]!.a1),
          ),
        ],
      };
    }
    return {
      ok: false,
      problems: [
        problem(
          "no-header",
          `ไม่พบหัวตารางที่มีคอลัมน์ เครื่องมือ ข้อ และ คะแนน ใน ${HEADER_SEARCH_ROWS} แถวแรกของชีต ${data.sheet}`,
          `no header row with tool, question and score columns in the first ${HEADER_SEARCH_ROWS} rows of ${data.sheet}`,
          sheetWhere,
        ),
      ],
    };
  }

  const headerRow = rowAt(header);
  const problems: TableProblem[] = [];
  for (const role of ["tool", "question", "score", "agency"] as const) {
    const cols = roles.get(role) ?? [];
    if (cols.length > 1) {
      const cells = cols.map((j) => place(data.sheet, cellA1(headerRow, colAt(j)))).join(", ");
      problems.push(
        problem(
          "ambiguous-header",
          `มีหัวคอลัมน์ "${String(values[header]![cols[0]!])}" มากกว่าหนึ่งคอลัมน์ (${cells}) ไม่ทราบว่าใช้คอลัมน์ใด`,
          `more than one "${role}" column (${cells}); cannot tell which to use`,
          place(data.sheet, cellA1(headerRow, colAt(cols[1]!))),
        ),
      );
    }
  }
  const col = (role: ColumnRole): number | undefined => roles.get(role)?.[0];
  const j = { tool: col("tool")!, question: col("question")!, score: col("score")!, agency: col("agency") };
  const keyCols = [j.tool, j.question, j.score, ...(j.agency === undefined ? [] : [j.agency])];
  const headerRect = {
    top: headerRow,
    bottom: headerRow,
    left: colAt(Math.min(...keyCols)),
    right: colAt(Math.max(...keyCols)),
  };
  // A merged area that joins two of the table's columns (or runs from the header into the data) makes columns ambiguous.
  for (const m of merged) {
    if (!intersects(m.r, headerRect)) continue;
    const joinsKeys = keyCols.filter((k) => colAt(k) >= m.r.left && colAt(k) <= m.r.right).length > 1;
    if (joinsKeys || m.r.bottom > headerRow) {
      problems.push(
        problem(
          "merged-header",
          `หัวตารางมีเซลล์ที่ผสานไว้ ${place(data.sheet, m.a1)} ยกเลิกการผสานเซลล์ก่อน`,
          `the header has merged cells at ${place(data.sheet, m.a1)}; unmerge them first`,
          place(data.sheet, m.a1),
        ),
      );
    }
  }
  if (problems.length) return { ok: false, problems };

  // Tool and agency names merged down several rows (common in Thai sheets) are filled down.
  const filled = (i: number, jj: number): CellValue => {
    const v = values[i]?.[jj] ?? "";
    if (!isBlank(v)) return v;
    const r = rowAt(i);
    const c = colAt(jj);
    const m = merged.find(
      (x) => x.r.left <= c && x.r.right >= c && x.r.top < r && x.r.bottom >= r && x.r.top > headerRow,
    );
    if (!m) return v;
    return values[m.r.top - origin.row]?.[m.r.left - origin.column] ?? "";
  };

  const rows: (ScoreRow & { agency?: string })[] = [];
  let lastRow = headerRow;
  for (let i = header + 1; i < values.length; i++) {
    const tool = filled(i, j.tool);
    // A row may stop before the table's last column (RangeData): a missing cell is empty.
    const question = values[i]![j.question] ?? "";
    const score = values[i]![j.score] ?? "";
    if (isBlank(question) && isBlank(score) && (isBlank(values[i]![j.tool]) || isBlank(tool))) continue;
    const r = rowAt(i);
    lastRow = r;
    const agency = j.agency === undefined ? undefined : filled(i, j.agency);
    rows.push({
      tool,
      question,
      score,
      where: place(data.sheet, cellA1(r, colAt(j.score))),
      // As Excel's TRIM leaves it (spaces only), so the pane groups rows as the functions will.
      ...(agency === undefined || isBlank(agency) ? {} : { agency: excelTrim(String(agency)) }),
    });
  }
  const range = rangeA1({ top: headerRow, bottom: lastRow, left: headerRect.left, right: headerRect.right });
  const agencyColumn = j.agency === undefined ? undefined : colAt(j.agency);
  const mergedAgency =
    agencyColumn === undefined
      ? []
      : merged
          .filter((m) => m.r.left <= agencyColumn && m.r.right >= agencyColumn && m.r.top > headerRow)
          .map((m) => place(data.sheet, m.a1));
  if (rows.length === 0) {
    return {
      ok: false,
      problems: [
        problem(
          "no-rows",
          `พบหัวตารางที่ ${place(data.sheet, range)} แต่ไม่มีแถวคะแนนใต้หัวตาราง`,
          `found the header at ${place(data.sheet, range)} but no score rows under it`,
          place(data.sheet, cellA1(headerRow, colAt(j.score))),
        ),
      ],
    };
  }
  return {
    ok: true,
    table: {
      sheet: data.sheet,
      headerRow,
      columns: {
        tool: colAt(j.tool),
        question: colAt(j.question),
        score: colAt(j.score),
        ...(j.agency === undefined ? {} : { agency: colAt(j.agency) }),
      },
      range,
      rows,
      ...(mergedAgency.length ? { mergedAgencyCells: mergedAgency } : {}),
    },
  };
}

/**
 * The score table in formulas, in a form every supported Excel computes (no HSTACK,
 * no FILTER, no dynamic array): `ITA.X(${scores}, …, rules${tail})`.
 * - `scores`: the table's range when its first three columns are tool, question and
 *   score, else the tool column, with the question and score columns in `tail`
 *   (the functions' question_column and score_column arguments);
 * - for one agency of many, `tail` also gives the agency column and the agency's name
 *   (agency_column, agency): the functions keep the rows whose agency cell, as
 *   Excel's TRIM leaves it, is exactly that name — as the pane groups them. Not FILTER:
 *   Excel 2016/2019 lack it, and its result turns blank score cells into 0 everywhere.
 * - `blankScores`: a native COUNTIFS of the score cells left blank on rows that name
 *   a tool (that agency's rows only), so a blank a desktop Excel passes to the
 *   functions as 0 still shows. COUNTIFS compares the agency ignoring case and extra
 *   spaces are not trimmed, so a name typed with extra spaces is not counted there.
 * The header row is included; the functions skip it.
 */
export interface TableFormula {
  readonly scores: string;
  readonly tail: string;
  readonly blankScores: string;
}

export function tableFormula(table: ScoreTable): TableFormula {
  const r = parseRange(table.range);
  const { tool, question, score, agency } = table.columns;
  const column = (c: number): string =>
    formulaRef(table.sheet, `${columnLetters(c)}${r.top}:${columnLetters(c)}${r.bottom}`);
  const inOrder = tool === r.left && question === r.left + 1 && score === r.left + 2;
  const scores = inOrder ? formulaRef(table.sheet, rangeA1({ ...r, right: r.left + 2 })) : column(tool);
  let tail = inOrder ? "" : `,${column(question)},${column(score)}`;
  let blankScores = `COUNTIFS(${column(score)},"",${column(tool)},"<>"`;
  if (table.agency !== undefined && agency !== undefined) {
    tail += `${inOrder ? ",," : ""},${column(agency)},${formulaText(table.agency)}`;
    // "=" first: the name is compared as it is, never read as a comparison; * ? ~ are literal.
    blankScores += `,${column(agency)},${formulaText(`=${table.agency.replace(/[~*?]/g, "~$&")}`)}`;
  }
  return { scores, tail, blankScores: `${blankScores})` };
}

/** A text constant in a formula. */
function formulaText(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The agencies of a table with an agency column, in the order they first appear (spaces tidied). */
export function agenciesIn(table: ScoreTable): string[] {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const name = tidyAgency(row.agency);
    if (name) seen.add(name);
  }
  return [...seen];
}

function tidyAgency(name: string | undefined): string {
  return excelTrim(name ?? "");
}

/**
 * The rows to score: when the table holds several agencies, the named one's (or the
 * first's when the name is missing or no longer there); otherwise the whole table.
 */
export function narrowToAgency(table: ScoreTable, agency?: string): ScoreTable {
  const agencies = agenciesIn(table);
  if (agencies.length < 2) return table;
  const name = agency === undefined ? undefined : tidyAgency(agency);
  return forAgency(table, name !== undefined && agencies.includes(name) ? name : agencies[0]!);
}

/**
 * Why one agency of several cannot be scored live: Excel passes a merged agency
 * cell's name to the functions in its top row only, so the formulas would drop the rest.
 */
export function agencyProblem(table: ScoreTable): TableProblem | undefined {
  const cells = table.mergedAgencyCells ?? [];
  if (cells.length === 0 || agenciesIn(table).length < 2) return undefined;
  const list = cells.slice(0, 3).join(", ") + (cells.length > 3 ? ", …" : "");
  return problem(
    "merged-agency",
    `คอลัมน์หน่วยงานมีเซลล์ที่ผสานไว้ (${list}) ยกเลิกการผสานเซลล์และใส่ชื่อหน่วยงานทุกแถว เพื่อให้สูตรเลือกแถวของแต่ละหน่วยงานได้`,
    `the agency column has merged cells (${list}); unmerge them and give every row its agency's name, so the formulas can pick each agency's rows`,
    cells[0]!,
  );
}

/** The table narrowed to one agency's rows: what the wizard scores when a table holds several. */
function forAgency(table: ScoreTable, agency: string): ScoreTable {
  const name = tidyAgency(agency);
  return { ...table, agency: name, rows: table.rows.filter((row) => tidyAgency(row.agency) === name) };
}
