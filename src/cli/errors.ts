/**
 * The command line's one error path: every mistake or failure a user can meet (a
 * file system error, a CSV the parser rejects, a workbook that is not a zip) becomes
 * one line in Thai and English naming the path, never a stack trace. Also the two
 * guards on what reaches the terminal: control characters from cell text are escaped,
 * and long lists of problems are cut to the first 50.
 */
/** A user's mistake with its bilingual message; the command exits 2 (nothing done). */
export class UserError extends Error {}

/** An input file or agency that cannot be reported, with its bilingual message. */
export class InputError extends Error {}

interface SystemError {
  readonly code: string;
  readonly path?: string;
  readonly dest?: string;
  readonly syscall?: string;
}

const isSystemError = (e: unknown): e is SystemError =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as { code?: unknown }).code === "string" &&
  /^E[A-Z]+$/.test((e as { code: string }).code);

/** Thai and English for the file-system errors a user can cause; the rest are named by their code. */
const FS_MESSAGES: Record<string, (p: string) => string> = {
  ENOENT: (p) => `ไม่พบไฟล์ ${p} / file not found: ${p}`,
  EACCES: (p) => `ไม่มีสิทธิ์อ่านหรือเขียน ${p} / permission denied: ${p}`,
  EPERM: (p) => `ไม่มีสิทธิ์อ่านหรือเขียน ${p} / permission denied: ${p}`,
  EROFS: (p) => `${p} อยู่ในที่ที่เขียนไม่ได้ (อ่านได้อย่างเดียว) / ${p} is on a read-only file system`,
  EISDIR: (p) => `${p} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ / ${p} is a folder, not a file`,
  ENOTDIR: (p) => `${p} ไม่ใช่โฟลเดอร์ / ${p} is not a folder`,
  EEXIST: (p) => `${p} มีอยู่แล้วและไม่ใช่โฟลเดอร์ / ${p} already exists and is not a folder`,
  ENAMETOOLONG: (p) => `ชื่อไฟล์ยาวเกินไป: ${p} / file name too long: ${p}`,
  ENOSPC: (p) => `พื้นที่ดิสก์เต็ม เขียน ${p} ไม่ได้ / no space left on the disk for ${p}`,
  EMFILE: (p) => `เปิดไฟล์พร้อมกันมากเกินไป (${p}) / too many open files (${p})`,
  EBUSY: (p) =>
    `${p} ถูกโปรแกรมอื่นใช้อยู่ (ปิดไฟล์ใน Excel ก่อน) / ${p} is in use by another program (close it in Excel first)`,
};

/** csv-parse's errors, by code, in words a spreadsheet user knows. */
const CSV_MESSAGES: Record<string, { th: string; en: string }> = {
  CSV_QUOTE_NOT_CLOSED: { th: 'มีเครื่องหมายคำพูด (") ที่ไม่ได้ปิด', en: 'a quote (") is never closed' },
  CSV_INVALID_CLOSING_QUOTE: {
    th: "มีข้อความต่อท้ายเครื่องหมายคำพูดปิด",
    en: 'text follows a closing quote (")',
  },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: {
    th: "มีข้อความต่อท้ายเครื่องหมายคำพูดปิด",
    en: 'text follows a closing quote (")',
  },
};

/**
 * One bilingual line for any error met while reading or writing `path`. User errors keep
 * their own message; an error we did not foresee is still one line (its message), and
 * its stack is printed only when ITA_DEBUG is set.
 */
export function explain(e: unknown, path?: string): string {
  if (e instanceof UserError || e instanceof InputError) return e.message;
  if (isSystemError(e)) {
    const p = e.path ?? path ?? "";
    const message = FS_MESSAGES[e.code];
    if (message) return message(p);
    return `${p}: อ่านหรือเขียนไม่ได้ (${e.code}) / cannot read or write (${e.code})`;
  }
  const err = e as { name?: string; code?: unknown; lines?: unknown; message?: unknown };
  if (err?.name === "CsvError" || (typeof err?.code === "string" && err.code.startsWith("CSV_"))) {
    const line = typeof err.lines === "number" ? `:${err.lines}` : "";
    const known = CSV_MESSAGES[String(err.code)];
    const th = known?.th ?? "อ่านเป็น CSV ไม่ได้";
    const en = known?.en ?? `not a readable CSV (${String(err.message)})`;
    return `${path ?? ""}${line}: ${th} / ${en}`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `${path ? `${path}: ` : ""}เกิดข้อผิดพลาดที่ไม่คาดไว้ (${detail}) / unexpected error (${detail})`;
}

/**
 * Control characters (and the bidi overrides that reorder text) from a cell, a file
 * name or a file's bytes are shown as \xNN / \u{…}, so echoed text can neither move the
 * cursor, clear the screen nor disguise itself. Line breaks between our own lines stay.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.codePointAt(0)!;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}

/** How many problems are printed before "and N more". */
const PROBLEM_CAP = 50;

/** The first `cap` lines, then one line saying how many more there are. */
export function capped(lines: readonly string[], cap = PROBLEM_CAP): string[] {
  if (lines.length <= cap) return [...lines];
  const more = lines.length - cap;
  return [...lines.slice(0, cap), `… และอีก ${more} รายการ / and ${more} more`];
}
