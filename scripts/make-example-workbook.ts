/**
 * `npm run example-workbook` (tsx scripts/make-example-workbook.ts): regenerates
 * examples/khlong-phon-2568/khlong-phon-2568.xlsx, the seed agency's workbook as an
 * agency would keep it: a title, the score table (เครื่องมือ | ข้อ | รายละเอียด |
 * คะแนน) from the real numbers in scores.csv, and the "หน่วยงาน" sheet (the seed's
 * title page: เทศบาลตำบลคลองพน, อำเภอคลองท่อม, จังหวัดกระบี่). Deterministic: fixed
 * dates in the workbook properties and in the zip entries, so the file only changes
 * when its content does.
 *
 * It also writes khlong-phon-history.xlsx, the same agency's years side by side for
 * `ita report` (a sheet per year): "2568" holds the real published scores (the seed
 * report); NACC's results of this agency for 2566 and 2567 were not found in any
 * published source we hold, so those two sheets hold ILLUSTRATIVE indicator scores,
 * named and titled as such ("สมมติ / illustrative"), to show the comparison, never to
 * be quoted as the agency's results. The sheet "ที่มา" says which is which.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { rowsFromCsv } from "../src/cli/score-csv.js";
import { bundledText, loadRulesText, readNumber } from "../src/engine/index.js";
import { arabicDigits } from "../src/engine/values.js";
import { questionsOf } from "../src/dsl/model.js";

const DIR = "examples/khlong-phon-2568";
const FIXED = new Date("2025-11-01T00:00:00Z");

const loaded = loadRulesText(bundledText("2568")!);
if (!loaded.ok) throw new Error("the bundled 2568 rules do not load");
const model = loaded.compiled.model;
const textOf = new Map<string, string>();
for (const ind of model.indicators) {
  textOf.set(ind.id, ind.label.th);
  for (const s of ind.subindicators) textOf.set(s.id, s.label.th);
  for (const q of questionsOf(ind)) textOf.set(q.id, q.text.th);
}

const rows = rowsFromCsv(readFileSync(`${DIR}/scores.csv`, "utf8"), `${DIR}/scores.csv`);
const wb = new ExcelJS.Workbook();
wb.creator = "ITA Workbench";
wb.lastModifiedBy = "ITA Workbench";
wb.created = FIXED;
wb.modified = FIXED;
const font = { name: "TH Sarabun New", size: 14 };

const scores = wb.addWorksheet("คะแนน", { views: [{ state: "frozen", ySplit: 3 }] });
scores.getCell("A1").value = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เทศบาลตำบลคลองพน (คะแนนรายข้อตามที่ประกาศ)";
scores.getCell("A1").font = { ...font, size: 16, bold: true };
scores.getRow(3).values = ["เครื่องมือ", "ข้อ", "รายละเอียด", "คะแนน"];
scores.getRow(3).font = { ...font, bold: true };
[10, 8, 90, 10].forEach((w, i) => (scores.getColumn(i + 1).width = w));
rows.forEach((r, i) => {
  // The CSV keeps the seed's Thai digits; the workbook holds numbers, as Excel users type them.
  const question = arabicDigits(String(r.question));
  const score = readNumber(r.score);
  if (score.kind !== "number") throw new Error(`${r.where}: not a number`);
  const row = scores.getRow(4 + i);
  row.values = [String(r.tool), question, textOf.get(question) ?? "", score.value];
  row.font = font;
  row.getCell(4).numFmt = "0.00";
});

const agency = wb.addWorksheet("หน่วยงาน");
agency.addRows([
  ["ชื่อหน่วยงาน", "เทศบาลตำบลคลองพน"],
  ["อำเภอ", "คลองท่อม"],
  ["จังหวัด", "กระบี่"],
]);
agency.getColumn(1).width = 16;
agency.getColumn(2).width = 30;
agency.eachRow((r) => (r.font = font));

const SEED_SOURCE =
  "รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของเทศบาลตำบลคลองพน (seed report, /work/shared/seeds/000_5b80952066a12db1.txt)";
/** Illustrative indicator scores (IIT 1–5, EIT 6–8, OIT 9–10): NOT published figures. */
const ILLUSTRATIVE: Record<number, readonly number[]> = {
  2566: [90, 92, 94, 96, 98, 80, 85, 90, 70, 90],
  2567: [95, 95, 95, 95, 95, 90, 90, 90, 85, 95],
};
const history = new ExcelJS.Workbook();
history.creator = "ITA Workbench";
history.lastModifiedBy = "ITA Workbench";
history.created = FIXED;
history.modified = FIXED;
const real = history.addWorksheet("2568");
real.getCell("A1").value = "ผลการประเมิน ITA ปี 2568 เทศบาลตำบลคลองพน: คะแนนจริงตามที่ประกาศ / real published scores";
real.getCell("A2").value = `ที่มา / source: ${SEED_SOURCE}`;
real.getRow(4).values = ["เครื่องมือ", "ข้อ", "คะแนน"];
rows.forEach((r, i) => {
  const score = readNumber(r.score);
  if (score.kind !== "number") throw new Error(`${r.where}: not a number`);
  real.getRow(5 + i).values = [String(r.tool), arabicDigits(String(r.question)), score.value];
});
for (const year of [2567, 2566]) {
  const ws = history.addWorksheet(`${year} สมมติ illustrative`);
  ws.getCell("A1").value =
    `ปี ${year}: ตัวเลขสมมติเพื่อสาธิตการเทียบหลายปี ไม่ใช่ผลที่ ป.ป.ช. ประกาศ / ILLUSTRATIVE figures to show the comparison, not NACC's published results`;
  ws.getRow(3).values = ["เครื่องมือ", "ข้อ", "คะแนน"];
  ILLUSTRATIVE[year]!.forEach((score, i) => {
    ws.getRow(4 + i).values = [i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT", String(i + 1), score];
  });
}
const sources = history.addWorksheet("ที่มา");
sources.addRows([
  ["ปี / year", "สถานะ / status", "ที่มา / source"],
  [2568, "จริง / real", SEED_SOURCE],
  [2567, "สมมติ / illustrative", "ไม่พบผลที่ประกาศของหน่วยงานนี้ / no published result of this agency found"],
  [2566, "สมมติ / illustrative", "ไม่พบผลที่ประกาศของหน่วยงานนี้ / no published result of this agency found"],
]);
const historyAgency = history.addWorksheet("หน่วยงาน");
historyAgency.addRows([
  ["ชื่อหน่วยงาน", "เทศบาลตำบลคลองพน"],
  ["อำเภอ", "คลองท่อม"],
  ["จังหวัด", "กระบี่"],
]);
for (const ws of history.worksheets) ws.eachRow((r) => (r.font = font));

// exceljs stamps each zip entry with the current time; pin the clock while it zips.
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args: [] | [string | number | Date]) {
    if (args.length === 0) super(FIXED.getTime());
    else super(args[0]);
  }
  static override now(): number {
    return FIXED.getTime();
  }
}
globalThis.Date = FixedDate as DateConstructor;
try {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(`${DIR}/khlong-phon-2568.xlsx`, buffer);
  console.log(`wrote ${DIR}/khlong-phon-2568.xlsx (${buffer.length} bytes, ${rows.length} score rows)`);
  const historyBuffer = Buffer.from(await history.xlsx.writeBuffer());
  writeFileSync(`${DIR}/khlong-phon-history.xlsx`, historyBuffer);
  console.log(
    `wrote ${DIR}/khlong-phon-history.xlsx (${historyBuffer.length} bytes: 2568 real, 2566–2567 illustrative)`,
  );
} finally {
  globalThis.Date = RealDate;
}
