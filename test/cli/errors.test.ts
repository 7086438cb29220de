/** The command line's one error path: one bilingual line per failure, escaped and capped. */
import { strict as assert } from "node:assert";
import { capped, escapeControl, explain } from "../../src/cli/errors.js";

const fsError = (code: string, path: string): Error =>
  Object.assign(new Error(`${code}: boom, open '${path}'`), { code, path });

describe("command-line errors", () => {
  const cases: [string, RegExp][] = [
    ["ENOENT", /^ไม่พบไฟล์ x\.csv \/ file not found: x\.csv$/],
    ["EACCES", /^ไม่มีสิทธิ์อ่านหรือเขียน x\.csv \/ permission denied: x\.csv$/],
    ["EISDIR", /^x\.csv เป็นโฟลเดอร์ ไม่ใช่ไฟล์ \/ x\.csv is a folder, not a file$/],
    ["EEXIST", /^x\.csv มีอยู่แล้วและไม่ใช่โฟลเดอร์ \/ x\.csv already exists and is not a folder$/],
    ["ENAMETOOLONG", /^ชื่อไฟล์ยาวเกินไป: x\.csv \/ file name too long: x\.csv$/],
    ["EXDEV", /^x\.csv: อ่านหรือเขียนไม่ได้ \(EXDEV\) \/ cannot read or write \(EXDEV\)$/],
  ];
  for (const [code, message] of cases) {
    it(`says ${code} in Thai and English with the path, in one line`, () => {
      assert.match(explain(fsError(code, "x.csv")), message);
    });
  }

  it("gives an unforeseen error one line with its message, not its stack", () => {
    const line = explain(new TypeError("x is undefined"), "a.csv");
    assert.equal(line, "a.csv: เกิดข้อผิดพลาดที่ไม่คาดไว้ (x is undefined) / unexpected error (x is undefined)");
  });

  it("escapes control characters and bidi overrides echoed from a cell", () => {
    assert.equal(escapeControl('"\u001b[2Jabc\r\u202e"'), '"\\x1b[2Jabc\\x0d\\u{202e}"');
    assert.equal(escapeControl("line one\nline two"), "line one\nline two");
  });

  it("shows the first 50 problems, then how many more", () => {
    const lines = Array.from({ length: 120 }, (_, i) => `p${i}`);
    const shown = capped(lines);
    assert.equal(shown.length, 51);
    assert.equal(shown[49], "p49");
    assert.equal(shown[50], "… และอีก 70 รายการ / and 70 more");
    assert.deepEqual(capped(lines.slice(0, 50)), lines.slice(0, 50));
  });
});
