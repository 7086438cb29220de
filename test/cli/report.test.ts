/**
 * `ita report`: the example workbook's .xlsx read back cell by cell, clear messages
 * for broken workbooks (naming sheet and cell) with the input left untouched, and the
 * many-agencies path (folder, one workbook with an agency column, a bad file among good ones).
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main.js";
import { writeSeedWorkbook } from "./workbooks.js";
import { tempDir } from "../support/temp-dir.js";

interface Ran {
  code: number;
  out: string;
  err: string;
  raw: string;
}

async function ita(args: string[], tty = false): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const raw: string[] = [];
  const code = await run(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    tty,
    errRaw: (t) => raw.push(t),
  });
  return { code, out: out.join("\n"), err: err.join("\n"), raw: raw.join("") };
}

const tmp = tempDir("ita-report-");
const dir = (name: string): string => {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("ita report: the example workbook", () => {
  const out = dir("example");
  let ran: Ran;
  let wb: ExcelJS.Workbook;
  before(async () => {
    ran = await ita(["report", "examples/khlong-phon-2568/khlong-phon-2568.xlsx", "--out", out]);
    wb = await readBack(join(out, "เทศบาลตำบลคลองพน.xlsx"));
  });

  it("writes <agency>.xlsx and <agency>.html and exits 0", () => {
    assert.equal(ran.code, 0, ran.err);
    assert.deepEqual(readdirSync(out).sort(), ["เทศบาลตำบลคลองพน.html", "เทศบาลตำบลคลองพน.xlsx"]);
    assert.match(ran.out, /เทศบาลตำบลคลองพน: 93\.60 ผ่านดี/);
  });

  it("names the sheets ผลการประเมิน, รายงาน, แผนพัฒนา", () => {
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["ผลการประเมิน", "รายงาน", "แผนพัฒนา"],
    );
  });

  it("puts the agency, total, rating and tool scores in the results sheet's cells", () => {
    const ws = wb.getWorksheet("ผลการประเมิน")!;
    assert.equal(ws.getCell("A2").value, "ประจำปีงบประมาณ พ.ศ. 2568");
    assert.equal(ws.getCell("A3").value, "เทศบาลตำบลคลองพน อำเภอคลองท่อม จังหวัดกระบี่");
    assert.equal(ws.getCell("B5").value, 93.6);
    assert.equal(ws.getCell("D5").value, "ผ่านดี");
    const tools = [8, 9, 10, 11].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 3).value]);
    assert.deepEqual(tools, [
      ["IIT", 30, 99.24],
      ["EIT1", 15, 92.19],
      ["EIT2", 15, 93.33],
      ["OIT", 40, 90],
    ]);
    assert.equal(ws.getCell("C8").numFmt, "0.00");
  });

  it("writes the indicator table row by row: number, tools, indicator, score, result", () => {
    const ws = wb.getWorksheet("ผลการประเมิน")!;
    assert.equal(ws.getCell("A13").value, "ตัวชี้วัด\nNo.");
    const rows = Array.from({ length: 10 }, (_, k) => [1, 2, 3, 4, 5].map((c) => ws.getCell(14 + k, c).value));
    assert.deepEqual(rows, [
      [1, "IIT", "การปฏิบัติหน้าที่", 98.67, "ผ่านเกณฑ์"],
      [2, "IIT", "การใช้งบประมาณ", 98.86, "ผ่านเกณฑ์"],
      [3, "IIT", "การใช้อำนาจ", 100, "ผ่านเกณฑ์"],
      [4, "IIT", "การใช้ทรัพย์สินของราชการ", 98.86, "ผ่านเกณฑ์"],
      [5, "IIT", "การแก้ไขปัญหาการทุจริต", 99.81, "ผ่านเกณฑ์"],
      [6, "EIT1, EIT2", "คุณภาพการดำเนินงาน", 95.3, "ผ่านเกณฑ์"],
      [7, "EIT1, EIT2", "ประสิทธิภาพการสื่อสาร", 91.98, "ผ่านเกณฑ์"],
      [8, "EIT1, EIT2", "การปรับปรุงการทำงาน", 91.01, "ผ่านเกณฑ์"],
      [9, "OIT", "การเปิดเผยข้อมูล", 100, "ผ่านเกณฑ์"],
      [10, "OIT", "การป้องกันการทุจริต", 80, "ไม่ผ่านเกณฑ์"],
    ]);
  });

  it("sets every sheet to A4 with fit-to-width, repeated header rows and a Thai font", () => {
    for (const ws of wb.worksheets) {
      assert.equal(ws.pageSetup.paperSize, 9, ws.name);
      assert.equal(ws.pageSetup.fitToWidth, 1, ws.name);
      assert.ok(ws.pageSetup.printTitlesRow, ws.name);
      assert.equal(ws.getCell("A1").font?.name, "TH Sarabun New", ws.name);
    }
    assert.equal(wb.getWorksheet("รายงาน")!.pageSetup.printTitlesRow, "3:3");
    assert.equal(wb.getWorksheet("แผนพัฒนา")!.pageSetup.orientation, "landscape");
  });

  it("lists each question with its score, direction and guidance in the report sheet", () => {
    const ws = wb.getWorksheet("รายงาน")!;
    const row = (id: string, tool: string): ExcelJS.Row => {
      for (let r = 4; r <= ws.rowCount; r++) {
        const q = String(ws.getCell(r, 3).value);
        if (q.startsWith(`${id} `) && ws.getCell(r, 2).value === tool) return ws.getRow(r);
      }
      throw new Error(`no row for ${id} ${tool}`);
    };
    const i1 = row("i1", "IIT");
    assert.equal(i1.getCell(1).value, "1 การปฏิบัติหน้าที่");
    assert.equal(i1.getCell(4).value, 99.43);
    assert.equal(i1.getCell(5).value, "รักษาระดับ\nmaintain");
    assert.match(String(i1.getCell(6).value), /เพื่อรักษาระดับค่าคะแนนต่อไป$/);
    const e2 = row("e2", "EIT1");
    assert.equal(e2.getCell(4).value, 90.28);
    const o23 = row("o23", "OIT");
    assert.equal(o23.getCell(4).value, null);
    assert.equal(o23.getCell(5).value, "ยกระดับ\nraise");
    assert.match(String(o23.getCell(6).value), /เพื่อยกระดับค่าคะแนนให้สูงขึ้นต่อไป$/);
    assert.equal(i1.getCell(6).alignment?.wrapText, true);
  });

  it("prefills the plan sheet from the rules' templates and leaves its cells unlocked", () => {
    const ws = wb.getWorksheet("แผนพัฒนา")!;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((c) => String(ws.getCell(3, c).value).split("\n")[0]),
      [
        "ตัวชี้วัด",
        "ประเด็นที่ต้องยกระดับผลการประเมินฯ",
        "มาตรการ (วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ)",
        "ผู้รับผิดชอบ",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
      ],
    );
    assert.match(String(ws.getCell("A4").value), /^10 การป้องกันการทุจริต\n/);
    assert.equal(ws.getCell("B4").value, "การป้องกันการทุจริตในหน่วยงาน");
    assert.equal(ws.getCell("D4").value, "นิติกร หัวหน้าสำนักปลัดเทศบาล");
    assert.equal(ws.getCell("F4").value, "ไตรมาสที่ ๑ - ๒");
    assert.equal(ws.getCell("E4").protection?.locked, false);
    assert.equal(ws.getCell("B9").protection?.locked, false);
  });

  it("prints Thai digits in the workbook with --thai-digits", async () => {
    const thaiOut = dir("thai");
    const r = await ita([
      "report",
      "examples/khlong-phon-2568/khlong-phon-2568.xlsx",
      "--out",
      thaiOut,
      "--thai-digits",
    ]);
    assert.equal(r.code, 0, r.err);
    const ws = (await readBack(join(thaiOut, "เทศบาลตำบลคลองพน.xlsx"))).getWorksheet("ผลการประเมิน")!;
    assert.equal(ws.getCell("B5").value, "๙๓.๖๐");
    assert.equal(ws.getCell("D23").value, "๘๐.๐๐");
  });
});

describe("ita report: broken workbooks", () => {
  const cases: [string, Parameters<typeof writeSeedWorkbook>[1], RegExp][] = [
    ["no agency sheet", { agency: null }, /ไม่พบชีต "หน่วยงาน".*sheet "หน่วยงาน" not found/],
    ["a merged header", { mergedHeader: true }, /คะแนน!A3:B3.*merged/],
    ["text in a score cell", { textScore: { index: 4, text: "เก้าสิบ" } }, /คะแนน!C8: .*"เก้าสิบ"/],
  ];
  for (const [what, options, message] of cases) {
    it(`names sheet and cell for ${what} and leaves the file unchanged`, async () => {
      const d = dir(what.replace(/\s/g, "-"));
      const file = join(d, "bad.xlsx");
      await writeSeedWorkbook(file, options);
      const before = sha(file);
      const r = await ita(["report", file, "--out", join(d, "out")]);
      assert.equal(r.code, 1);
      assert.match(r.err, message);
      assert.equal(sha(file), before);
      assert.deepEqual(readdirSync(join(d, "out")), []);
    });
  }

  it("names every sheet holding a score table when there is more than one, and asks for --sheet", async () => {
    const d = dir("two-tables");
    const file = join(d, "two.xlsx");
    const rows = (await readBack("examples/khlong-phon-2568/khlong-phon-2568.xlsx"))
      .getWorksheet("คะแนน")!
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    await writeSeedWorkbook(file, { extraSheets: [{ name: "คะแนน ปีก่อน", rows }] });
    const r = await ita(["report", file, "--out", join(d, "out")]);
    assert.equal(r.code, 1);
    assert.match(r.err, /"คะแนน", "คะแนน ปีก่อน".*--sheet/s);
    const chosen = await ita(["report", file, "--sheet", "คะแนน", "--out", join(d, "out")]);
    assert.equal(chosen.code, 0, chosen.err);
  });

  it("never takes a report sheet written into the workbook earlier for the score table", async () => {
    const d = dir("report-inside");
    const first = join(d, "first.xlsx");
    await writeSeedWorkbook(first);
    assert.equal((await ita(["report", first, "--out", join(d, "out1")])).code, 0);
    const written = await readBack(join(d, "out1", "เทศบาลตำบลคลองพน.xlsx"));
    const reportRows = written
      .getWorksheet("รายงาน")!
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const file = join(d, "with-report.xlsx");
    await writeSeedWorkbook(file, { extraSheets: [{ name: "รายงาน", rows: reportRows }] });
    const r = await ita(["report", file, "--out", join(d, "out2")]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /93\.60 ผ่านดี/);
  });

  it("names a --sheet that is not in the workbook", async () => {
    const file = join(dir("sheet"), "ok.xlsx");
    await writeSeedWorkbook(file);
    const r = await ita(["report", file, "--sheet", "Scores", "--out", join(tmp, "sheet", "out")]);
    assert.equal(r.code, 1);
    assert.match(r.err, /ไม่พบชีต "Scores" \(มี คะแนน, หน่วยงาน\) \/ sheet "Scores" not found/);
  });

  it("reads a CSV's agency from the agency.csv beside it", async () => {
    const out = dir("sidecar");
    const r = await ita(["report", "examples/khlong-phon-2568/scores.csv", "--out", out]);
    assert.equal(r.code, 0, r.err);
    const ws = (await readBack(join(out, "เทศบาลตำบลคลองพน.xlsx"))).getWorksheet("ผลการประเมิน")!;
    assert.equal(ws.getCell("A3").value, "เทศบาลตำบลคลองพน อำเภอคลองท่อม จังหวัดกระบี่");
  });

  it("reads a CSV with the agency given on the command line", async () => {
    const out = dir("csv");
    const r = await ita([
      "report",
      "examples/khlong-phon-2568/scores.csv",
      "--agency",
      "เทศบาลตำบลคลองพน",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(join(out, "เทศบาลตำบลคลองพน.html")));
  });
});

describe("ita report: many agencies", () => {
  it("reports a bad file by name, writes the others and a summary, and exits 1", async () => {
    const d = dir("batch");
    await writeSeedWorkbook(join(d, "a.xlsx"), { agency: { name: "เทศบาลตำบลก", province: "กระบี่" } });
    await writeSeedWorkbook(join(d, "b.xlsx"), { agency: { name: "เทศบาลตำบลข" }, textScore: { index: 0, text: "x" } });
    await writeSeedWorkbook(join(d, "c.xlsx"), { agency: { name: "เทศบาลตำบลค" }, shift: -10 });
    writeFileSync(join(d, "notes.txt"), "not a score file");
    const out = join(d, "out");
    const r = await ita(["report", d, "--out", out]);
    assert.equal(r.code, 1);
    assert.match(r.err, /✗ b\.xlsx: .*คะแนน!C4/s);
    assert.deepEqual(readdirSync(out).sort(), [
      "summary.html",
      "summary.xlsx",
      "เทศบาลตำบลก.html",
      "เทศบาลตำบลก.xlsx",
      "เทศบาลตำบลค.html",
      "เทศบาลตำบลค.xlsx",
    ]);
    const ws = (await readBack(join(out, "summary.xlsx"))).worksheets[0]!;
    assert.deepEqual(
      [1, 2, 4, 5].map((c) => ws.getCell(4, c).value),
      [1, "เทศบาลตำบลก", 93.6, "ผ่านดี"],
    );
    assert.deepEqual(
      [1, 2].map((c) => ws.getCell(5, c).value),
      [2, "เทศบาลตำบลค"],
    );
    assert.ok(Number(ws.getCell(5, 4).value) < 93.6);
    assert.match(String(ws.getCell(4, 6).value), /^10 การป้องกันการทุจริต 80\.00/);
    assert.equal(ws.getCell(7, 1).value, "ไฟล์ที่อ่านไม่ได้ / files not reported");
    assert.equal(ws.getCell(8, 1).value, "b.xlsx");
  });

  it("writes one report per agency from one workbook with an agency column", async () => {
    const d = dir("multi");
    await writeSeedWorkbook(join(d, "province.xlsx"), { agency: null, agencies: ["อบต.หนึ่ง", "อบต.สอง", "อบต.สาม"] });
    const out = join(d, "out");
    const r = await ita(["report", join(d, "province.xlsx"), "--out", out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), [
      "summary.html",
      "summary.xlsx",
      "อบต.สอง.html",
      "อบต.สอง.xlsx",
      "อบต.สาม.html",
      "อบต.สาม.xlsx",
      "อบต.หนึ่ง.html",
      "อบต.หนึ่ง.xlsx",
    ]);
    const summary = readFileSync(join(out, "summary.html"), "utf8");
    assert.ok(summary.indexOf("อบต.หนึ่ง") < summary.indexOf("อบต.สอง"));
    assert.ok(summary.indexOf("อบต.สอง") < summary.indexOf("อบต.สาม"));
  });

  it("reports the agencies of a table with an agency column and names the rows that have none", async () => {
    const d = dir("nameless");
    await writeSeedWorkbook(join(d, "province.xlsx"), {
      agency: null,
      agencies: ["อบต.หนึ่ง", "อบต.สอง"],
      blankAgencyAt: 61 + 4, // a row of อบต.สอง's block (sheet row 69)
    });
    const out = join(d, "out");
    const r = await ita(["report", join(d, "province.xlsx"), "--out", out]);
    assert.equal(r.code, 1);
    assert.ok(existsSync(join(out, "อบต.หนึ่ง.xlsx")), "the agency with every row is still reported");
    assert.match(r.err, /1 แถวไม่มีชื่อหน่วยงาน.*คะแนน!C69.*1 row\(s\) without an agency name/s);
  });

  it("checks --published for a one-agency table even when a row lacks the agency's name", async () => {
    const d = dir("published-one");
    await writeSeedWorkbook(join(d, "one.xlsx"), { agency: null, agencies: ["อบต.หนึ่ง"], blankAgencyAt: 3 });
    const published = join(d, "published.json");
    writeFileSync(published, readFileSync("examples/khlong-phon-2568/published.json"));
    const r = await ita(["report", join(d, "one.xlsx"), "--published", published, "--out", join(d, "out")]);
    assert.doesNotMatch(r.err, /--published is for one agency/);
    assert.match(r.err, /1 row\(s\) without an agency name/);
  });

  it("refuses --published for an input that holds several agencies, since the figures are one agency's", async () => {
    const d = dir("published-many");
    await writeSeedWorkbook(join(d, "province.xlsx"), { agency: null, agencies: ["อบต.หนึ่ง", "อบต.สอง"] });
    const published = join(d, "published.json");
    writeFileSync(published, readFileSync("examples/khlong-phon-2568/published.json"));
    const r = await ita(["report", join(d, "province.xlsx"), "--published", published, "--out", join(d, "out")]);
    assert.equal(r.code, 1);
    assert.match(r.err, /--published ใช้กับหน่วยงานเดียว.*--published is for one agency/s);
  });

  it("draws a progress bar on a terminal and prints plain lines otherwise", async () => {
    const d = dir("progress");
    await writeSeedWorkbook(join(d, "a.xlsx"), { agency: { name: "ก" } });
    await writeSeedWorkbook(join(d, "b.xlsx"), { agency: { name: "ข" } });
    const tty = await ita(["report", d, "--out", join(d, "out1")], true);
    assert.match(tty.raw, /\r\[#{15}\.{15}\] 1\/2 a\.xlsx/);
    assert.match(tty.raw, /\r\[#{30}\] 2\/2 b\.xlsx/);
    const plain = await ita(["report", d, "--out", join(d, "out2")], false);
    assert.equal(plain.raw, "");
    assert.equal(plain.err, "[1/2] a.xlsx\n[2/2] b.xlsx\n[1/2] → ก\n[2/2] → ข");
  });
});

describe("ita report: the installed command", () => {
  it("runs the README's first command on the example workbook", function () {
    this.timeout(120000);
    if (!existsSync("lib/cli/process.js")) execFileSync("npm", ["run", "build:cli"], { stdio: "ignore" });
    const out = dir("bin");
    const r = spawnSync(
      "node",
      ["bin/ita.js", "report", "examples/khlong-phon-2568/khlong-phon-2568.xlsx", "--out", out],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /เทศบาลตำบลคลองพน: 93\.60 ผ่านดี \(Good pass\)/);
    assert.ok(existsSync(join(out, "เทศบาลตำบลคลองพน.html")));
  });
});

describe("ita report --published", () => {
  it("lists the published figures that do not add up, in the output and in the report", async () => {
    const out = dir("published");
    const r = await ita([
      "report",
      "examples/khlong-phon-2568/khlong-phon-2568.xlsx",
      "--published",
      "examples/khlong-phon-2568/published.json",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /indicator 3: published 98\.86 but the rules give 100\.00/);
    const html = readFileSync(join(out, "เทศบาลตำบลคลองพน.html"), "utf8");
    assert.match(html, /data-section="audit"/);
    assert.match(html, /ตัวชี้วัดที่ 3: ประกาศ 98\.86 แต่คำนวณตามเกณฑ์ได้ 100\.00/);
  });
});

describe("ita report: the input is never written", () => {
  it("refuses to write a workbook's report over the workbook itself, naming both, and changes nothing", async () => {
    const d = dir("self");
    const input = join(d, "เทศบาลตำบลคลองพน.xlsx");
    await writeSeedWorkbook(input);
    const before = sha(input);
    const r = await ita(["report", input, "--out", d]);
    assert.equal(r.code, 2);
    assert.equal(r.err.split("\n").length, 1, r.err);
    assert.match(r.err, /ไม่เขียนทับไฟล์ข้อมูล.*refusing to overwrite an input/);
    assert.ok(r.err.includes(`the output ${input} is the input ${input}`));
    assert.equal(sha(input), before);
    assert.deepEqual(readdirSync(d), ["เทศบาลตำบลคลองพน.xlsx"]);
  });

  it("refuses a folder reported into itself when any report would replace an input, before writing any", async () => {
    const d = dir("folder-self");
    await writeSeedWorkbook(join(d, "a.xlsx"), { agency: { name: "อบต.ก" } });
    await writeSeedWorkbook(join(d, "อบต.ข.xlsx"), { agency: { name: "อบต.ข" } });
    const before = [sha(join(d, "a.xlsx")), sha(join(d, "อบต.ข.xlsx"))];
    const r = await ita(["report", d, "--out", d]);
    assert.equal(r.code, 2);
    assert.match(r.err, /อบต\.ข\.xlsx is the input/);
    assert.deepEqual([sha(join(d, "a.xlsx")), sha(join(d, "อบต.ข.xlsx"))], before);
    assert.deepEqual(readdirSync(d).sort(), ["a.xlsx", "อบต.ข.xlsx"]);
  });

  it("refuses an output that is the input under another name (a link)", async () => {
    const d = dir("link");
    const input = join(d, "scores.xlsx");
    await writeSeedWorkbook(input);
    const out = dir("link-out");
    linkSync(input, join(out, "เทศบาลตำบลคลองพน.xlsx"));
    const before = sha(input);
    const r = await ita(["report", input, "--out", out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /refusing to overwrite an input/);
    assert.equal(sha(input), before);
  });

  it("never reads its own reports or summary as input when a folder is reported into itself again", async () => {
    const d = dir("rerun");
    await writeSeedWorkbook(join(d, "one.xlsx"), { agency: { name: "อบต.ก" } });
    await writeSeedWorkbook(join(d, "two.xlsx"), { agency: { name: "อบต.ข" } });
    const first = await ita(["report", d, "--out", d]);
    assert.equal(first.code, 0, first.err);
    const files = readdirSync(d).sort();
    assert.deepEqual(files, [
      "one.xlsx",
      "summary.html",
      "summary.xlsx",
      "two.xlsx",
      "อบต.ก.html",
      "อบต.ก.xlsx",
      "อบต.ข.html",
      "อบต.ข.xlsx",
    ]);
    const inputs = [sha(join(d, "one.xlsx")), sha(join(d, "two.xlsx"))];
    const second = await ita(["report", d, "--out", d]);
    assert.equal(second.code, 0, second.err);
    assert.match(second.err, /skipped 3 report\(s\) written by ita: summary\.xlsx, อบต\.ก\.xlsx, อบต\.ข\.xlsx/);
    assert.deepEqual(readdirSync(d).sort(), files);
    assert.deepEqual([sha(join(d, "one.xlsx")), sha(join(d, "two.xlsx"))], inputs);
  });
});

describe("ita report: stopped midway", () => {
  it("stops between agencies, names those not written in the summary and exits 130", async () => {
    const d = dir("stopped");
    const names = ["อบต.หนึ่ง", "อบต.สอง", "อบต.สาม", "อบต.สี่"];
    await writeSeedWorkbook(join(d, "province.xlsx"), { agency: null, agencies: names });
    const out = join(d, "out");
    const stop = new AbortController();
    const err: string[] = [];
    const code = await run(["report", join(d, "province.xlsx"), "--out", out], {
      out: () => undefined,
      err: (t) => {
        err.push(t);
        if (t.startsWith("[1/4] →")) stop.abort(); // as SIGINT would, while the first agency is done
      },
      signal: stop.signal,
    });
    assert.equal(code, 130);
    assert.match(err.join("\n"), /stopped: 1 agency report\(s\) written, 3 not written/);
    assert.deepEqual(readdirSync(out).sort(), ["summary.html", "summary.xlsx", "อบต.หนึ่ง.html", "อบต.หนึ่ง.xlsx"]);
    const summary = readFileSync(join(out, "summary.html"), "utf8");
    for (const n of names.slice(1)) assert.ok(summary.includes(n), `${n} listed as not written`);
    assert.match(summary, /not written: the run was stopped/);
  });
});

describe("ita report: the process under signals", () => {
  // SIGTERM takes the same path (src/cli/process.ts); one real process is slow enough.
  for (const signal of ["SIGINT"] as const) {
    it(`on ${signal} leaves only whole pairs, no temporary file, says how many were written and exits 130`, async function () {
      this.timeout(120000);
      const d = dir(`signal-${signal}`);
      // Enough agencies that the run cannot finish before the signal, sent at the first one, arrives.
      const names = Array.from({ length: 150 }, (_, i) => `อบต.ที่ ${i + 1}`);
      await writeSeedWorkbook(join(d, "province.xlsx"), { agency: null, agencies: names, step: 0 });
      const out = join(d, "out");
      const child = spawn(process.execPath, [
        "--import",
        "tsx",
        "test/cli/ita-process.ts",
        "report",
        join(d, "province.xlsx"),
        "--out",
        out,
      ]);
      let stderr = "";
      child.stderr.on("data", (b: Buffer) => {
        const before = stderr;
        stderr += b.toString();
        if (!before.includes("→") && stderr.includes("→")) child.kill(signal);
      });
      const code = await new Promise<number | null>((r) => child.on("close", r));
      assert.equal(code, 130, stderr);
      const m = /stopped: (\d+) agency report\(s\) written, (\d+) not written/.exec(stderr);
      assert.ok(m, stderr);
      assert.equal(Number(m[1]) + Number(m[2]), names.length);
      assert.ok(Number(m[2]) > 0, "stopped before the end");
      assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
      const files = readdirSync(out);
      assert.deepEqual(
        files.filter((f) => f.startsWith(".")),
        [],
        "no temporary file or lock left",
      );
      const xlsx = files.filter((f) => f.endsWith(".xlsx") && f !== "summary.xlsx");
      assert.equal(xlsx.length, Number(m[1]));
      for (const f of xlsx) {
        assert.ok(files.includes(f.replace(/\.xlsx$/, ".html")), `${f} has its page`);
        await readBack(join(out, f)); // a whole workbook
      }
    });
  }
});
