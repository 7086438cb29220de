/** Text files in the encodings Excel saves them in, and files that are not text named as such. */
import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTextFile } from "../../src/cli/text-file.js";
import { tempDir } from "../support/temp-dir.js";

const dir = tempDir("ita-text-");
/** `bytes` saved as `name` and read back as the commands read their input. */
function readSaved(bytes: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readTextFile(path);
}

const CSV = "เครื่องมือ,ข้อ,คะแนน\nIIT,i1,90\n";
const utf16le = (s: string): Buffer => Buffer.from(s, "utf16le");
const utf16be = (s: string): Buffer => utf16le(s).swap16();

describe("reading text files", () => {
  it("reads UTF-8 with or without a BOM", () => {
    assert.equal(readSaved(Buffer.from(CSV), "a.csv"), CSV);
    assert.equal(readSaved(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), "a.csv"), CSV);
  });

  it("reads UTF-16 by its BOM, little- or big-endian (Excel's Unicode Text)", () => {
    assert.equal(readSaved(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(CSV)]), "a.csv"), CSV);
    assert.equal(readSaved(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(CSV)]), "a.csv"), CSV);
  });

  it("reads UTF-16 without a BOM by its zero bytes", () => {
    assert.equal(readSaved(utf16le(CSV), "a.csv"), CSV);
    assert.equal(readSaved(utf16be("tool,question,score\n"), "a.csv"), "tool,question,score\n");
  });

  it("reads Thai saved in Windows-874 (TIS-620), as Excel on Thai Windows saves CSV", () => {
    const tis = Buffer.from([0xa4, 0xd0, 0xe1, 0xb9, 0xb9, 0x2c, 0x39, 0x30]); // คะแนน,90
    assert.equal(readSaved(tis, "a.csv"), "คะแนน,90");
  });

  it("names a binary file instead of reading it", () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x9a]);
    assert.throws(
      () => readSaved(bytes, "x.csv"),
      /^Error: .*\/x\.csv: ไม่ใช่ไฟล์ข้อความ .* \/ not a text file \(binary data\)$/,
    );
  });

  it("names an Excel workbook given where text is expected", () => {
    assert.throws(
      () => readSaved(Buffer.from("PK\u0003\u0004rest"), "x.csv"),
      /this is an Excel workbook, not text: use ita report/,
    );
  });
});
