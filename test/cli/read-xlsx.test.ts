/**
 * .xlsx worksheets as the workbook port's RangeData: what Excel shows in each cell
 * (formula results, rich text joined, a merged area's other cells empty) and the
 * merged areas, so the CLI and the task pane find tables the same way.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx, UnreadableWorkbook } from "../../src/cli/read-xlsx.js";
import { zip } from "../../src/report/zip.js";
import { writeSeedWorkbook } from "./workbooks.js";
import { tempDir } from "../support/temp-dir.js";

describe("reading .xlsx worksheets", () => {
  const dir = tempDir("ita-read-xlsx-");

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
    // Each row ends at its last value: the merged area's other cells and C3 are empty.
    assert.deepEqual(sheet!.values, [["หัวเรื่อง"], ["เครื่องมือ", "97.14", 2], [true, "#N/A"]]);
    assert.deepEqual(sheet!.kinds, [["string"], ["string", "string", "number"], ["boolean", "error"]]);
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

  it("keeps empty cells between values and rows without values as empty", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("คะแนน");
    ws.getCell("C2").value = 5;
    ws.getCell("A4").value = "x";
    const file = join(dir, "gaps.xlsx");
    await wb.xlsx.writeFile(file);
    const [sheet] = (await readXlsx(file)).sheets;
    assert.deepEqual(sheet!.values, [[], ["", "", 5], [], ["x"]]);
    assert.deepEqual(sheet!.kinds, [[], ["empty", "empty", "number"], [], ["string"]]);
  });

  it("reads a score sheet with stray cells at XFD1048576 and A200000 in under 2 s and 300 MB, naming the stray row", async function () {
    this.timeout(120000);
    const file = join(dir, "stray.xlsx");
    await writeSeedWorkbook(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("คะแนน")!;
    ws.getCell("XFD1048576").value = "ไกล";
    ws.getCell("A200000").value = "IIT";
    ws.getCell("Z1048575").numFmt = "0.00"; // a format alone, no value
    await wb.xlsx.writeFile(file);
    // A fresh process, so its peak memory is the reading's alone (tsx included).
    const script = `
      import { readXlsx } from "./src/cli/read-xlsx.ts";
      import { findScoreTable } from "./src/workbook/score-table.ts";
      const before = process.cpuUsage();
      const { sheets } = await readXlsx(${JSON.stringify(file)});
      const found = findScoreTable(sheets[0]);
      const used = process.cpuUsage(before);
      console.log(JSON.stringify({
        cpuMs: (used.user + used.system) / 1000,
        peakMb: process.resourceUsage().maxRSS / 1024,
        range: found.ok ? found.table.range : "",
        last: found.ok ? found.table.rows.at(-1).where : "",
      }));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    const r = JSON.parse(out) as { cpuMs: number; peakMb: number; range: string; last: string };
    assert.equal(r.range, "A3:C200000");
    assert.equal(r.last, "คะแนน!C200000");
    assert.ok(r.cpuMs < 2000, `took ${r.cpuMs} ms of CPU`);
    assert.ok(r.peakMb < 300, `peaked at ${r.peakMb} MB`);
  });

  it("reads a workbook another program wrote: prefixed elements, inline strings, cells without addresses, a date", async () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    const file = join(dir, "other.xlsx");
    const parts = [
      {
        name: "xl/workbook.xml",
        data: `<x:workbook xmlns:x="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="คะแนน &amp; อื่น ๆ" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships xmlns="${rels}"><Relationship Id="rId7" Type="x" Target="/xl/worksheets/data.xml"/></Relationships>`,
      },
      {
        name: "xl/styles.xml",
        data: `<x:styleSheet xmlns:x="${main}"><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
      },
      {
        name: "xl/worksheets/data.xml",
        data:
          `<x:worksheet xmlns:x="${main}"><x:sheetData>` +
          `<x:row r="1"><x:c t="inlineStr"><x:is><x:t>เครื่อง</x:t><x:r><x:t>มือ &lt;IIT&gt;</x:t></x:r></x:is></x:c><x:c><x:v>97.5</x:v></x:c></x:row>` +
          `<x:row r="3"><x:c r="B3" s="1"><x:v>45658</x:v></x:c><x:c r="C3" t="str"><x:f>A1&amp;""</x:f><x:v>ข้อ</x:v></x:c></x:row>` +
          `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:A4"/></x:mergeCells></x:worksheet>`,
      },
    ];
    writeFileSync(file, zip(parts, new Date()));
    const [sheet] = (await readXlsx(file)).sheets;
    assert.equal(sheet!.sheet, "คะแนน & อื่น ๆ");
    assert.deepEqual(sheet!.values, [["เครื่องมือ <IIT>", 97.5], [], ["", "2025-01-01", "ข้อ"]]);
    assert.deepEqual(sheet!.kinds, [["string", "number"], [], ["empty", "string", "string"]]);
    assert.deepEqual(sheet!.merged, ["A3:A4"]);
  });

  it("reads a sheet whose rows arrive in many pieces as one table", async () => {
    // Over a megabyte of sheet XML: it is inflated and read in pieces, cut only between rows.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("คะแนน");
    for (let r = 1; r <= 20000; r++) ws.addRow([`ข้อความที่ยาวพอสมควร ${r}`, r, r / 4]);
    const file = join(dir, "long.xlsx");
    await wb.xlsx.writeFile(file);
    const [sheet] = (await readXlsx(file)).sheets;
    assert.equal(sheet!.values.length, 20000);
    assert.ok(
      sheet!.values.every(
        (row, i) => row[0] === `ข้อความที่ยาวพอสมควร ${i + 1}` && row[1] === i + 1 && row[2] === (i + 1) / 4,
      ),
    );
  });
});
