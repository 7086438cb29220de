/**
 * .xlsx worksheets as the workbook port's RangeData: what Excel shows in each cell
 * (formula results, rich text joined, a merged area's other cells empty) and the
 * merged areas, so the CLI and the task pane find tables the same way.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx, UnreadableWorkbook } from "../../src/cli/read-xlsx.js";

describe("reading .xlsx worksheets", () => {
  const dir = mkdtempSync(join(tmpdir(), "ita-read-xlsx-"));

  it("gives values and kinds as Excel shows them, and the merged areas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("คะแนน");
    ws.getCell("A1").value = "หัวเรื่อง";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = { richText: [{ text: "เครื่อง" }, { text: "มือ", font: { bold: true } }] };
    ws.getCell("B2").value = "97.14";
    ws.getCell("C2").value = { formula: "1+1", result: 2 };
    ws.getCell("A3").value = true;
    ws.getCell("B3").value = { error: "#N/A" };
    const file = join(dir, "cells.xlsx");
    await wb.xlsx.writeFile(file);
    const [sheet] = (await readXlsx(file)).sheets;
    assert.equal(sheet!.sheet, "คะแนน");
    assert.deepEqual(sheet!.values, [
      ["หัวเรื่อง", "", ""],
      ["เครื่องมือ", "97.14", 2],
      [true, "#N/A", ""],
    ]);
    assert.deepEqual(sheet!.kinds, [
      ["string", "empty", "empty"],
      ["string", "string", "number"],
      ["boolean", "error", "empty"],
    ]);
    assert.deepEqual(sheet!.merged, ["A1:C1"]);
  });

  it("says the file cannot be read when it is not an .xlsx", async () => {
    const file = join(dir, "fake.xlsx");
    writeFileSync(file, "not a zip");
    await assert.rejects(
      readXlsx(file),
      (e: Error) => e instanceof UnreadableWorkbook && /fake\.xlsx: เปิดไฟล์ .xlsx ไม่ได้/.test(e.message),
    );
  });
});
