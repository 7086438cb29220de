/**
 * What Excel passes, made plain — the ONE place blanks and odd cells are decided.
 *
 * - Ranges arrive as 2-D arrays (row-major). A scalar or 1-D array is accepted too.
 * - An omitted optional argument arrives as `null` (in tests sometimes `undefined`).
 * - An empty cell arrives as `null` or `""` — and on several Excel desktop builds as
 *   `0` (office-js issues #4702, #5262, #1951), which cannot be told from a typed 0.
 *   So: `null`, `undefined` and `""`/whitespace are blank. A lone `0` is NOT blank: a
 *   score cell holding 0 is a real 0. But a row whose tool and question cells are
 *   blank or 0 and whose score cell is blank or 0 is a blank row and is skipped, so
 *   an empty row read as [0, 0, 0] or ["", "", 0] never counts.
 * - Zeros that look like blanks (`zerosLikeBlanks`): when every score of the table is
 *   the number 0, or a question whose answer scale has no 0 scores 0, the functions
 *   answer #N/A with a message rather than a silent figure. Text "0" (typed '0) is
 *   never what Excel passes for a blank, so it is the way to say "a real zero" there.
 *   A single blank among real scores cannot be told from 0 on those builds: the
 *   results sheet counts blank score cells with a native formula (see results-sheet.ts).
 * - Percent-formatted scores: a function sees 95% as 0.95 and no number format, so a
 *   table whose scores are all between 0 and 1 (not all 0) is #N/A with a message
 *   (decided by the engine's fractions.ts, as for the pane and the command line).
 * - The score table may come as one range (tool, question, score) or as three columns
 *   of equal height, and may be narrowed to one agency's rows by an agency column and
 *   name (compared as Excel's TRIM leaves them, case counting), so no formula needs
 *   HSTACK or FILTER (see `tableRows`).
 * - Numbers stored as text and Thai digits are read by the engine's readNumber.
 * - An error value inside a range (only passed through on platforms that do so; by
 *   default Excel returns the error itself) is reported with its row; a data-type
 *   value (an entity, a formatted number) is reported with what it holds.
 * - Output blanks are "" (Excel shows null inside an array as 0).
 */
import type { ScoringModel } from "../dsl/runtime.js";
import {
  findQuestion,
  scaleFor,
  type ScoreRow,
  excelTrim,
  isBlank,
  readNumber,
  type CellValue,
} from "../engine/scoring.js";
import { excelError, rowPlace } from "./excel-errors.js";

/** Blank, or the 0 some platforms pass for an empty cell. Only used for deciding whole blank rows. */
export function isBlankish(v: unknown): boolean {
  return isBlank(v) || v === 0;
}

/** An Excel error value or any other object (entity, CustomFunctions.Error) where a plain value was expected. */
function isErrorCell(v: unknown): boolean {
  return typeof v === "object" && v !== null;
}

/**
 * What an object cell holds, in words: an error value ("#N/A"), or a data type
 * (Excel's entity and formatted-number values, passed as objects by builds with data
 * types: { type: "Entity", text: "Krabi" }, { type: "FormattedNumber", basicValue: 95 }).
 */
function objectCell(v: unknown): { th: string; en: string } {
  const o = v as { code?: unknown; type?: unknown; errorType?: unknown; text?: unknown; basicValue?: unknown };
  const code = typeof o.code === "string" ? o.code : undefined;
  if (code !== undefined || o.type === "Error" || o.errorType !== undefined) {
    const name = String(code ?? o.errorType ?? o.basicValue ?? "error");
    return { th: `ช่องมีค่าผิดพลาด ${name}`, en: `cell holds the error ${name}` };
  }
  const kind = typeof o.type === "string" ? o.type : "object";
  const shown = o.text ?? o.basicValue;
  const what = shown === undefined || shown === null ? "" : ` "${String(shown)}"`;
  return {
    th: `ช่องเป็นข้อมูลชนิดพิเศษ (${kind}${what}) ไม่ใช่ค่าธรรมดา: แปลงเป็นข้อความหรือตัวเลขก่อน`,
    en: `the cell holds a data type (${kind}${what}), not a plain value: convert it to text or a number`,
  };
}

/** Any argument as rows of cells. */
export function asMatrix(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  return v.every((r) => Array.isArray(r)) ? (v as unknown[][]) : [v];
}

/** A plain cell value for the engine, or a #VALUE! naming the place. */
export function plainCell(v: unknown, place: string): CellValue {
  if (isErrorCell(v)) {
    const what = objectCell(v);
    throw excelError("invalidValue", `${place}: ${what.th}`, what.en);
  }
  return v as CellValue;
}

/** Non-blank cells of a range in reading order, with their place in the range. */
export function cellsOf(range: unknown): { value: CellValue; row: number; column: number }[] {
  const m = asMatrix(range);
  const out: { value: CellValue; row: number; column: number }[] = [];
  m.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!isBlank(v))
        out.push({
          value: plainCell(v, rowPlace(i + 1, m[0]!.length > 1 ? j + 1 : undefined)),
          row: i + 1,
          column: j + 1,
        });
    }),
  );
  return out;
}

/** Whether an optional argument was left out (Excel passes null; tests may pass undefined). */
function omitted(v: unknown): boolean {
  return v === null || v === undefined;
}

/**
 * Where the score table is: one range with tool, question and score in its first
 * three columns; or, when `questions` and `scoreColumn` are given, `scores` is the
 * tool column and the three are separate columns of equal height (tables whose
 * columns are in another order, without HSTACK). With `agencies` and `agency`,
 * only the rows whose agency cell, as Excel's TRIM leaves it, is exactly `agency`
 * (without FILTER, which also turns blank cells into 0 on every Excel).
 */
export interface TableArgs {
  readonly scores: unknown;
  readonly questions?: unknown;
  readonly scoreColumn?: unknown;
  readonly agencies?: unknown;
  readonly agency?: unknown;
}

function oneColumn(v: unknown, height: number, what: { th: string; en: string }): unknown[] {
  const m = asMatrix(v);
  if (m.length !== height || m.some((r) => r.length !== 1)) {
    throw excelError(
      "invalidValue",
      `${what.th}ต้องเป็นคอลัมน์เดียวสูง ${height} แถวเท่ากับตารางคะแนน`,
      `${what.en} must be one column of ${height} rows, as tall as the score table`,
    );
  }
  return m.map((r) => r[0]);
}

/** An agency cell as Excel's TRIM would give it: a number is its text ("102"), a blank is "". */
function agencyText(v: unknown): string | undefined {
  if (isBlank(v)) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? excelTrim(v) : undefined; // an error or object matches no agency
}

/** The table as rows of (tool, question, score) with their row in the range, narrowed to one agency if asked. */
function tableMatrix(args: TableArgs): { cells: unknown[]; row: number }[] {
  let m = asMatrix(args.scores);
  if (!omitted(args.questions) || !omitted(args.scoreColumn)) {
    if (omitted(args.questions) || omitted(args.scoreColumn)) {
      throw excelError(
        "invalidValue",
        "ให้คอลัมน์ข้อและคอลัมน์คะแนนทั้งสองคอลัมน์ หรือไม่ให้ทั้งคู่",
        "give both the question column and the score column, or neither",
      );
    }
    const tools = oneColumn(args.scores, m.length, { th: "คอลัมน์แบบวัด", en: "the tool column" });
    const questions = oneColumn(args.questions, m.length, { th: "คอลัมน์ข้อ", en: "the question column" });
    const scores = oneColumn(args.scoreColumn, m.length, { th: "คอลัมน์คะแนน", en: "the score column" });
    m = tools.map((t, i) => [t, questions[i], scores[i]]);
  }
  const rows = m.map((cells, i) => ({ cells, row: i + 1 }));
  if (omitted(args.agencies)) return rows;
  const name = scalar(args.agency, { th: "ชื่อหน่วยงาน", en: "agency" });
  if (name === null || excelTrim(String(name)) === "") {
    throw excelError("invalidValue", "ให้คอลัมน์หน่วยงานแล้วแต่ไม่มีชื่อหน่วยงาน", "an agency column needs an agency name");
  }
  const wanted = agencyText(name)!;
  const agencies = oneColumn(args.agencies, m.length, { th: "คอลัมน์หน่วยงาน", en: "the agency column" });
  const kept = rows.filter((r) => agencyText(agencies[r.row - 1]) === wanted);
  if (kept.length === 0) {
    throw excelError("notAvailable", `ไม่พบหน่วยงาน "${wanted}" ในคอลัมน์หน่วยงาน`, `no rows for agency "${wanted}"`);
  }
  return kept;
}

/**
 * The score table as engine rows. Columns after the third are ignored. The first
 * row of the range is a header when its score cell is text that is not a number and
 * its tool cell is not a tool of the rules ("tool/question/score",
 * "เครื่องมือ/ข้อ/คะแนน"); a bad first data row still names a known tool, so it is
 * checked rather than skipped. Rows are named by their row in the range.
 */
export function tableRows(args: TableArgs, isTool: (name: string) => boolean): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const { cells: r, row } of tableMatrix(args)) {
    const place = rowPlace(row);
    if (r.length < 3) {
      throw excelError(
        "invalidValue",
        "ตารางคะแนนต้องมี 3 คอลัมน์: แบบวัด ข้อ คะแนน",
        "the score table needs 3 columns: tool, question, score",
      );
    }
    const [tool, question, score] = [plainCell(r[0], place), plainCell(r[1], place), plainCell(r[2], place)];
    if (isBlankish(tool) && isBlankish(question)) {
      if (isBlankish(score)) continue;
      throw excelError("invalidValue", `${place}: มีคะแนนแต่ไม่มีแบบวัดและข้อ`, "a score with no tool or question");
    }
    if (row === 1 && typeof score === "string" && readNumber(score).kind === "invalid" && !isTool(String(tool ?? ""))) {
      continue; // header row
    }
    rows.push({ tool, question, score, where: place });
  }
  return rows;
}

const TYPE_ZERO = { th: "ถ้าคะแนนเป็น 0 จริง พิมพ์ '0", en: "type '0 for a real zero" };

/**
 * Scores that are more likely blanks passed as 0 than real scores — the #N/A to
 * raise, or null. Decided here, not in the engine: only what Excel passes to a
 * function is ambiguous; the pane and the command line see real blanks.
 * - every score of the table is the number 0;
 * - a question whose answer scale gives no 0 points (its lowest answer scores more) scores 0.
 * (Percent-formatted scores are the engine's "fractions" problem, the same in every front end.)
 */
export function suspiciousScores(rows: readonly ScoreRow[], model: ScoringModel): CustomFunctions.Error | null {
  if (rows.length === 0) return null;
  if (rows.every((r) => r.score === 0)) {
    return excelError(
      "notAvailable",
      `ทุกช่องคะแนนเป็น 0: ช่องว่างหรือไม่ (Excel บางรุ่นส่งช่องว่างมาเป็น 0) ${TYPE_ZERO.th}`,
      `every score is 0: blank cells? (some Excel builds pass blanks as 0); ${TYPE_ZERO.en}`,
    );
  }
  for (const r of rows) {
    if (r.score !== 0) continue;
    const q = findQuestion(model, String(r.question ?? ""));
    const scale = q && scaleFor(model, q);
    const lowest = scale ? Math.min(...[...scale.points].filter((p) => !Number.isNaN(p))) : 0;
    if (q && lowest > 0) {
      return excelError(
        "notAvailable",
        `${r.where}: ข้อ ${q.id} เป็น 0 แต่มาตรวัดต่ำสุด ${lowest}: ช่องว่างหรือไม่ (Excel บางรุ่นส่งช่องว่างมาเป็น 0) ${TYPE_ZERO.th}`,
        `${q.id} is 0 but its scale starts at ${lowest}: a blank? ${TYPE_ZERO.en}`,
      );
    }
  }
  return null;
}

/** One scalar argument: a blank is `null`; an error value is #VALUE!. */
export function scalar(v: unknown, what: { th: string; en: string }): CellValue {
  const m = asMatrix(v);
  if (m.length !== 1 || m[0]!.length !== 1) {
    throw excelError("invalidValue", `${what.th} ต้องเป็นค่าเดียว`, `${what.en} must be a single value`);
  }
  const c = m[0]![0];
  if (isBlank(c)) return null;
  return plainCell(c, what.th);
}
