/** Score CSVs as Excel saves them in any locale, and the files that hold nothing. */
import { strict as assert } from "node:assert";
import { rowsFromCsv } from "../../src/cli/score-csv.js";

const scores = (csv: string): string[] => rowsFromCsv(csv, "s.csv").map((r) => `${r.tool}|${r.question}|${r.score}`);

describe("score CSV files", () => {
  it("reads rows split by semicolons, as Excel saves CSV where the comma is the decimal sign", () => {
    assert.deepEqual(scores("tool;question;score\nIIT;i1;90\n"), ["IIT|i1|90"]);
  });

  it("reads rows split by tabs (Excel's Unicode Text)", () => {
    assert.deepEqual(scores("เครื่องมือ\tข้อ\tคะแนน\nIIT\ti1\t90\n"), ["IIT|i1|90"]);
  });

  it("keeps commas as the separator when a quoted field holds a semicolon", () => {
    assert.deepEqual(scores('tool,question,score\nIIT,"i1; a note",90\n'), ["IIT|i1; a note|90"]);
  });

  it("keeps a decimal comma in a semicolon file whole so that it is refused, not read as 95", () => {
    assert.deepEqual(scores("tool;question;score\nIIT;i1;9,5\n"), ["IIT|i1|9,5"]);
  });

  it("joins a score split by an unquoted decimal comma back together so that it is refused", () => {
    assert.deepEqual(scores("tool,question,score\nIIT,i1,9,5\nIIT,i2,90\n"), ["IIT|i1|9,5", "IIT|i2|90"]);
  });

  it("says an empty file is empty, once", () => {
    assert.throws(() => rowsFromCsv("", "s.csv"), /^Error: s\.csv: ไฟล์ว่าง ไม่มีข้อมูล \/ the file is empty$/);
    assert.throws(() => rowsFromCsv("\uFEFF \n\n", "s.csv"), /the file is empty/);
  });

  it("says a file with a header and no rows holds no scores", () => {
    assert.throws(() => rowsFromCsv("tool,question,score\n", "s.csv"), /s\.csv: .* \/ the file holds no score rows/);
  });

  it("names the file and line of a quote that is never closed", () => {
    assert.throws(
      () => rowsFromCsv('tool,question,score\nIIT,"i1,90\nIIT,i2,90\n', "s.csv"),
      /^Error: s\.csv:2: มีเครื่องหมายคำพูด \("\) ที่ไม่ได้ปิด \/ a quote \("\) is never closed$/,
    );
  });

  it("names the line a row starts on in the file, after a quoted field that spans lines", () => {
    const csv = 'tool,question,score\nIIT,"i1\n(two lines)",90\n\nEIT,e1,abc\n';
    const where = rowsFromCsv(csv, "s.csv").map((r) => `${r.where}:${r.tool}`);
    assert.deepEqual(where, ["s.csv:2:IIT", "s.csv:4:", "s.csv:5:EIT"]);
  });
});
