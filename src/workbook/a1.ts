/**
 * A1 addresses: column letters ↔ numbers, cells and ranges, sheet-qualified places
 * ("Sheet!C7") for messages and formula references ('My sheet'!A1:C9). The port,
 * both adapters and the wizard use these so an address means one thing everywhere.
 */

export function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's number format showing `decimals` places, as the rules publish them ("0.00" for 2). */
export function numberFormatFor(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface CellRef {
  /** 1-based */
  readonly row: number;
  /** 1-based */
  readonly column: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function parseCell(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`ที่อยู่เซลล์ไม่ถูกต้อง "${a1}" / bad cell address "${a1}"`);
  return { column: columnNumber(m[1]!), row: Number(m[2]) };
}

/** "B3:D9" or "B3" → the rectangle (corners in any order). */
export function parseRange(a1: string): RangeRef {
  const [a, b] = a1.split(":");
  const p = parseCell(a!);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

export function rangeA1(r: RangeRef): string {
  const a = cellA1(r.top, r.left);
  const b = cellA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** "Sheet!C7" as shown to people (no quotes). */
export function place(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}

/** "Sheet!C7" or "'It''s'!C7" → sheet and address; the last "!" separates them. */
export function splitPlace(text: string): { sheet: string; address: string } | undefined {
  const i = text.lastIndexOf("!");
  if (i <= 0) return undefined;
  let sheet = text.slice(0, i);
  const address = text.slice(i + 1);
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(address)) return undefined;
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, address };
}

/** A sheet name as Excel wants it inside a formula: quoted unless plain ASCII letters/digits/_. */
function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replaceAll("'", "''")}'`;
}

/** A reference for a formula: 'Sheet'!B3:D9. */
export function formulaRef(sheet: string, a1: string): string {
  return `${quoteSheet(sheet)}!${a1}`;
}
