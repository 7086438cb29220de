/**
 * `ita report` with earlier years: `--history <file|folder>`, and a workbook that holds
 * several years itself; each year scored by its own bundled rules, a year without
 * rules said in Thai and English and left out.
 */
import { strict as assert } from "node:assert";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main.js";
import { tempDir } from "../support/temp-dir.js";

async function ita(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t), tty: false, errRaw: () => {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = tempDir("ita-history-");
const dir = (name: string): string => {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const EXAMPLE = "examples/khlong-phon-2568";
const AGENCY = "เทศบาลตำบลคลองพน";

async function historySheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("เทียบหลายปี");
  if (!ws) throw new Error("no history sheet");
  return ws;
}

describe("ita report --history", () => {
  it("compares the example's 2568 with the history workbook's 2566 and 2567, each by its own rules", async () => {
    const out = dir("flag");
    const r = await ita([
      "report",
      `${EXAMPLE}/khlong-phon-2568.xlsx`,
      "--history",
      `${EXAMPLE}/khlong-phon-history.xlsx`,
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(out, `${AGENCY}.html`), "utf8");
    assert.match(html, /<tr data-history="total total">.*?85\.70.*?\+5\.80.*?91\.50.*?\+2\.10.*?93\.60/s);
    // 2566 is rated with 2566's bands: OIT 80 keeps it at ผ่าน though the total is 85.70.
    assert.match(html, /<tr data-history="rating">.*?<td>ผ่าน<\/td>.*?<td>ผ่านดี<\/td>.*?<td>ผ่านดี<\/td>/s);
    assert.ok(html.includes("2567→2568: ตัวชี้วัดที่ 6: วัดด้วย EIT → EIT1, EIT2"));
    assert.ok(html.includes("khlong-phon-history.xlsx!2566 สมมติ illustrative"));
    const ws = await historySheet(join(out, `${AGENCY}.xlsx`));
    assert.equal(ws.getCell("C5").value, 85.7);
  });

  it("gives the history from a workbook that holds several years itself, reporting the latest", async () => {
    const out = dir("workbook");
    const r = await ita(["report", `${EXAMPLE}/khlong-phon-history.xlsx`, "--out", out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /เทศบาลตำบลคลองพน: 93\.60 ผ่านดี/);
    const ws = await historySheet(join(out, `${AGENCY}.xlsx`));
    assert.deepEqual([ws.getCell("C4").value, ws.getCell("G4").value], ["ปี 2566\nFY 2566", "ปี 2568\nFY 2568"]);
  });

  it("reads a folder of CSV files named by year", async () => {
    const hist = dir("csv-history");
    const rows = ["tool,question,score", "IIT,,94", "EIT,,85", "OIT,,80"];
    writeFileSync(join(hist, "scores-2566.csv"), rows.join("\n"));
    const out = dir("csv-out");
    const r = await ita(["report", `${EXAMPLE}/khlong-phon-2568.xlsx`, "--history", hist, "--out", out]);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(out, `${AGENCY}.html`), "utf8");
    assert.match(html, /<tr data-history="total total">.*?85\.70.*?\+7\.90.*?93\.60/s);
  });

  it("says, in Thai and English, that a year without bundled rules is left out", async () => {
    const hist = dir("old-year");
    writeFileSync(join(hist, "scores-2559.csv"), "tool,question,score\nIIT,,94\nEIT,,85\nOIT,,80\n");
    writeFileSync(join(hist, "scores-2566.csv"), "tool,question,score\nIIT,,94\nEIT,,85\nOIT,,80\n");
    const r = await ita(["report", `${EXAMPLE}/khlong-phon-2568.xlsx`, "--history", hist, "--out", dir("old-out")]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /scores-2559\.csv: ไม่มีเกณฑ์ของปี 2559 ในโปรแกรม .* \/ no bundled rules for 2559/);
  });

  it("refuses a CSV whose name gives no year, naming the file", async () => {
    const hist = dir("no-year");
    writeFileSync(join(hist, "old.csv"), "tool,question,score\nIIT,,94\n");
    const r = await ita(["report", `${EXAMPLE}/khlong-phon-2568.xlsx`, "--history", hist, "--out", dir("no-year-out")]);
    assert.equal(r.code, 2);
    assert.match(r.err, /old\.csv: ไม่ทราบว่าเป็นคะแนนปีใด .* \/ which year is this\?/);
  });
});
