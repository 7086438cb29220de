/**
 * Native re-deflate of the uncompressed archive exceljs writes: every entry the same
 * once inflated (compared byte for byte), fewer bytes, and a workbook exceljs reads back.
 */
import { strict as assert } from "node:assert";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { deflateStoredZip } from "../../src/report/zip.js";

async function stored(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ผลการประเมิน");
  for (let r = 1; r <= 200; r++) ws.addRow([r, `แถวที่ ${r} การประเมินคุณธรรมและความโปร่งใส`, r / 7]);
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
}

/** Local entries of an archive: name, method and the bytes as stored. */
function localEntries(zip: Buffer): { name: string; method: number; data: Buffer }[] {
  const out: { name: string; method: number; data: Buffer }[] = [];
  let p = 0;
  while (zip.readUInt32LE(p) === 0x04034b50) {
    const method = zip.readUInt16LE(p + 8);
    const size = zip.readUInt32LE(p + 18);
    const nameLen = zip.readUInt16LE(p + 26);
    const extra = zip.readUInt16LE(p + 28);
    const name = zip.subarray(p + 30, p + 30 + nameLen).toString("utf8");
    const start = p + 30 + nameLen + extra;
    out.push({ name, method, data: zip.subarray(start, start + size) });
    p = start + size;
  }
  return out;
}

describe("re-deflating the workbook archive", () => {
  it("keeps every entry's bytes and makes the file smaller", async () => {
    const before = await stored();
    const after = deflateStoredZip(before, 1);
    assert.ok(after.length < before.length / 2);
    const a = localEntries(before);
    const b = localEntries(after);
    assert.deepEqual(
      b.map((e) => e.name),
      a.map((e) => e.name),
    );
    b.forEach((e, i) => {
      const original = a[i]!.data;
      assert.deepEqual(e.method === 8 ? inflateRawSync(e.data) : e.data, original, e.name);
    });
  });

  it("gives a workbook exceljs reads back with the same cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(deflateStoredZip(await stored()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("ผลการประเมิน")!;
    assert.equal(ws.getCell("B200").value, "แถวที่ 200 การประเมินคุณธรรมและความโปร่งใส");
    assert.equal(ws.getCell("C7").value, 1);
  });
});
