/**
 * What Excel passes, made plain — the ONE place blanks and odd cells are decided.
 *
 * - Ranges arrive as 2-D arrays (row-major). A scalar or 1-D array is accepted too.
 * - An omitted optional argument arrives as `null` (in tests sometimes `undefined`).
 * - An empty cell arrives as `null` or `""` (and on some platforms as `0`). So:
 *   `null`, `undefined` and `""`/whitespace are blank. A lone `0` is NOT blank: a
 *   score cell holding 0 is a real 0. But a row whose tool and question cells are
 *   blank or 0 and whose score cell is blank or 0 is a blank row and is skipped, so
 *   an empty row read as [0, 0, 0] or ["", "", 0] never counts.
 * - Numbers stored as text and Thai digits are read by the engine's readNumber.
 * - An error value inside a range (only passed through on platforms that do so; by
 *   default Excel returns the error itself) is reported with its row.
 * - Output blanks are "" (Excel shows null inside an array as 0).
 */
import type { ScoreRow } from "../engine/evaluate.js";
import { isBlank, readNumber, type CellValue } from "../engine/values.js";
import { excelError, rowPlace } from "./excel-errors.js";

/** Blank, or the 0 some platforms pass for an empty cell. Only used for deciding whole blank rows. */
export function isBlankish(v: unknown): boolean {
  return isBlank(v) || v === 0;
}

/** An Excel error value or any other object (entity, CustomFunctions.Error) where a plain value was expected. */
export function isErrorCell(v: unknown): boolean {
  return typeof v === "object" && v !== null;
}

function errorText(v: unknown): string {
  const o = v as { code?: unknown; message?: unknown; type?: unknown };
  return String(o.code ?? o.type ?? "error");
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
    throw excelError("invalidValue", `${place}: ช่องมีค่าผิดพลาด ${errorText(v)}`, `cell holds the error ${errorText(v)}`);
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

/**
 * The score table (tool, question, score) as engine rows. Columns after the third
 * are ignored. The first row is a header when its score cell is text that is not a
 * number and its tool cell is not a tool of the rules ("tool/question/score",
 * "เครื่องมือ/ข้อ/คะแนน"); a bad first data row still names a known tool, so it is
 * checked rather than skipped.
 */
export function scoreRows(range: unknown, isTool: (name: string) => boolean): ScoreRow[] {
  const m = asMatrix(range);
  const rows: ScoreRow[] = [];
  m.forEach((r, i) => {
    const place = rowPlace(i + 1);
    if (r.length < 3) {
      throw excelError(
        "invalidValue",
        "ตารางคะแนนต้องมี 3 คอลัมน์: แบบวัด ข้อ คะแนน",
        "the score table needs 3 columns: tool, question, score",
      );
    }
    const [tool, question, score] = [plainCell(r[0], place), plainCell(r[1], place), plainCell(r[2], place)];
    if (isBlankish(tool) && isBlankish(question)) {
      if (isBlankish(score)) return;
      throw excelError("invalidValue", `${place}: มีคะแนนแต่ไม่มีแบบวัดและข้อ`, "a score with no tool or question");
    }
    if (i === 0 && typeof score === "string" && readNumber(score).kind === "invalid" && !isTool(String(tool ?? ""))) {
      return; // header row
    }
    rows.push({ tool, question, score, where: place });
  });
  return rows;
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
