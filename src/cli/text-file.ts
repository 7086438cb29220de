/**
 * Text files as the command line reads them (score CSVs, agency.csv, rules files):
 * UTF-8 with or without a BOM, UTF-16 as Excel's "Unicode Text" saves it (by its BOM,
 * or by its zero bytes when the BOM is missing), and Thai Windows-874/TIS-620 as older
 * Excel saves "CSV" on Thai Windows. A binary file or a workbook is named as such,
 * never parsed into a flood of errors.
 */
import { readFileSync } from "node:fs";
import { InputError } from "./errors.js";

const decode = (encoding: string, bytes: Uint8Array, fatal = false): string =>
  new TextDecoder(encoding, { fatal }).decode(bytes);

/** UTF-16 without a BOM: ASCII and Thai both put a zero in every other byte of the first few hundred. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero === 0) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero === 0) return "utf-16be";
  return undefined;
}

/** The text of `bytes`, read from `path` (named in messages). */
function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode("utf-8", bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode("utf-16be", bytes.subarray(2));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(
      `${path}: เป็นไฟล์ Excel (.xlsx) ไม่ใช่ข้อความ ใช้ ita report หรือบันทึกเป็น CSV / this is an Excel workbook, not text: use ita report, or save it as CSV`,
    );
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decode(utf16, bytes);
  if (bytes.includes(0)) {
    throw new InputError(`${path}: ไม่ใช่ไฟล์ข้อความ (เป็นข้อมูลไบนารี) / not a text file (binary data)`);
  }
  try {
    return decode("utf-8", bytes, true);
  } catch {
    // Not UTF-8: Thai Windows saves CSV in Windows-874 (TIS-620 plus a few signs), one byte per Thai letter.
    return decode("windows-874", bytes);
  }
}

export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    // Reading a folder fails in read(), whose error carries no path: the message must name it.
    throw Object.assign(e as object, { path: (e as { path?: string }).path ?? path });
  }
  return decodeText(bytes, path);
}
