/**
 * Reading one score or id as staff type it: numbers stored as text, Thai digits,
 * thousands separators (1,234.5), stray spaces, a trailing %. Blank is its own answer,
 * never zero, and a decimal comma (9,5) is refused rather than read as 95. Every reader of sheets and CSV files goes through here, so a cell means the
 * same thing in the command line, a custom function and the task pane.
 */

export type CellValue = string | number | boolean | null | undefined;

export type ReadNumber =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "blank" }
  | { readonly kind: "invalid"; readonly text: string; readonly decimalComma?: boolean };

/** Commas only between groups of three digits before any point: 1,234 or 1,234.5, never 9,5. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

const THAI_DIGIT = /[\u0E50-\u0E59]/g;

export function arabicDigits(text: string): string {
  return text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * Excel's TRIM: runs of U+0020 to one, none at either end; other white space is kept, as Excel keeps it.
 * Shared by the pane (grouping a table's agencies) and the functions (picking one agency's rows), so both agree.
 */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function readNumber(v: CellValue): ReadNumber {
  if (isBlank(v)) return { kind: "blank" };
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "invalid", text: String(v) };
  if (typeof v === "boolean") return { kind: "invalid", text: String(v) };
  const spaced = arabicDigits(String(v))
    .trim()
    .replace(/[\s\u00A0]/g, "")
    .replace(/%$/, "");
  if (spaced.includes(",") && !THOUSANDS.test(spaced)) {
    const decimalComma = /^[+-]?\d*,\d+$/.test(spaced);
    return { kind: "invalid", text: String(v).trim(), ...(decimalComma ? { decimalComma } : {}) };
  }
  const text = spaced.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { kind: "invalid", text: String(v).trim() };
  return { kind: "number", value: Number(text) };
}

/** A question, sub-indicator or indicator id as typed: "I๑ " → "i1", "ข้อ 5" stays itself. */
export function normaliseKey(v: CellValue): string {
  return arabicDigits(String(v ?? ""))
    .trim()
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** A tool id as typed: "EIT (1)", "eit 1" and "EIT1" are the same tool. */
export function normaliseTool(v: CellValue): string {
  return arabicDigits(String(v ?? ""))
    .trim()
    .replace(/[\s()\-_.]/g, "")
    .toUpperCase();
}
