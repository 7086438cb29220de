import { strict as assert } from "node:assert";
import { ErrorCode, MINI, excelErrorValue, throwsExcel } from "./support.js";
import * as F from "../../src/functions/functions.js";
// The parser is handed to the functions as the pane's rules store hands it: by loading register-rules.
import "../../src/functions/register-rules.js";
import { registerWorkbookRules, resolveRules, unregisterWorkbookRules } from "../../src/functions/rules.js";

// Ranges exactly as Excel passes them: 2-D arrays, header optional, blanks as null / "" / 0.
const HEADER = ["แบบวัด", "ข้อ", "คะแนน"];
const TABLE: unknown[][] = [
  ["IIT", "i1", 90],
  ["IIT", "i2", 80],
  ["IIT", "q6", 100],
  ["EIT", "q6", 90],
  ["OIT", "o1", 80],
];
// IIT = mean(85, 100) = 92.5; EIT = 90; OIT = 80; total = .3·92.5 + .3·90 + .4·80 = 86.75 → ผ่าน.
const R = "mini";

describe("custom functions (mini rules)", () => {
  before(() => registerWorkbookRules(R, MINI));
  after(() => [R, "broken"].forEach(unregisterWorkbookRules));

  describe("reading the score range", () => {
    it("TOTAL reads a table without a header row", () => {
      assert.equal(F.total(TABLE, R), 86.75);
    });
    it("detects and skips a header row", () => {
      assert.equal(F.total([HEADER, ...TABLE], R), 86.75);
      assert.equal(F.total([["tool", "question", "score"], ...TABLE], R), 86.75);
    });
    it("accepts Thai digits and numbers stored as text", () => {
      const t = TABLE.map((r) => [...r]);
      t[0]![2] = "๙๐";
      t[1]![2] = " 80 ";
      t[4]![1] = "O1";
      assert.equal(F.total(t, R), 86.75);
    });
    it('skips blank rows however the platform passes them (null, "", 0)', () => {
      const t = [
        [null, null, null],
        ...TABLE.slice(0, 2),
        ["", "", ""],
        [null, null, 0],
        ...TABLE.slice(2),
        ["", "", 0],
        [0, 0, 0],
      ];
      assert.equal(F.total(t, R), 86.75);
    });
    it("treats a 0 score next to a tool and question as a real 0", () => {
      const t = TABLE.map((r) => [...r]);
      t[4]![2] = 0; // OIT o1 = 0 → total = 27.75 + 27 + 0
      assert.equal(F.total(t, R), 54.75);
    });
    it("ignores columns after the third", () => {
      assert.equal(
        F.total(
          TABLE.map((r) => [...r, "หมายเหตุ"]),
          R,
        ),
        86.75,
      );
    });
    it("names the row of a score that is not a number (#VALUE!)", () => {
      const t = [HEADER, ...TABLE.map((r) => [...r])];
      t[2]![2] = "abc";
      throwsExcel(
        () => F.total(t, R),
        ErrorCode.invalidValue,
        /^แถว 3 \/ row 3: IIT i2: "abc" ไม่ใช่ตัวเลข \/ "abc" is not a number$/,
      );
    });
    it("names the row of a blank score (#VALUE!)", () => {
      const t = TABLE.map((r) => [...r]);
      t[3]![2] = "";
      throwsExcel(() => F.total(t, R), ErrorCode.invalidValue, /แถว 4 \/ row 4: EIT q6: ช่องคะแนนว่าง/);
    });
    it("reports a missing question as #N/A", () => {
      throwsExcel(() => F.total(TABLE.slice(1), R), ErrorCode.notAvailable, /IIT i1: ไม่มีคะแนน \/ score missing/);
    });
    it("reports an indicator not given at all as #N/A saying what it holds back", () => {
      throwsExcel(
        () => F.total(TABLE.slice(2), R),
        ErrorCode.notAvailable,
        /IIT (ยังไม่มี|\(ตัวชี้วัดที่ 1\))|need IIT \(indicator 1\)/,
      );
    });
    it("names the row of an out-of-range score", () => {
      const t = TABLE.map((r) => [...r]);
      t[0]![2] = 190;
      throwsExcel(() => F.total(t, R), ErrorCode.invalidValue, /แถว 1 \/ row 1: IIT i1: คะแนน 190 อยู่นอกช่วง/);
    });
    it("names the row of an error value inside the range", () => {
      const t = TABLE.map((r) => [...r]);
      t[1]![2] = excelErrorValue("#DIV/0!");
      throwsExcel(() => F.total(t, R), ErrorCode.invalidValue, /แถว 2 \/ row 2: ช่องมีค่าผิดพลาด #DIV\/0!/);
    });
    it("refuses a score with no tool or question", () => {
      throwsExcel(
        () => F.total([...TABLE, ["", null, 75]], R),
        ErrorCode.invalidValue,
        /แถว 6 \/ row 6: มีคะแนนแต่ไม่มีแบบวัดและข้อ/,
      );
    });
    it("refuses a range narrower than three columns", () => {
      throwsExcel(() => F.total([["IIT", 90]], R), ErrorCode.invalidValue, /3 คอลัมน์/);
    });
    it("does not take a bad first data row for a header", () => {
      const t = TABLE.map((r) => [...r]);
      t[0]![2] = "n/a";
      throwsExcel(() => F.total(t, R), ErrorCode.invalidValue, /แถว 1 \/ row 1: IIT i1: "n\/a" ไม่ใช่ตัวเลข/);
    });
  });

  describe("choosing the rules", () => {
    it("says #N/A for unknown rules, in Thai and English", () => {
      throwsExcel(() => F.total(TABLE, 2570), ErrorCode.notAvailable, /^ไม่พบเกณฑ์ 2570 \/ unknown rules 2570$/);
    });
    it("finds workbook rules by name regardless of case and spaces", () => {
      assert.equal(F.total(TABLE, " MINI "), 86.75);
    });
    it("compiles workbook rules once: a recalculation scores with the same compiled rules", () => {
      const compiled = resolveRules(R);
      assert.equal(F.total(TABLE, R), 86.75);
      assert.equal(resolveRules(R), compiled);
      assert.equal(resolveRules(" MINI "), compiled);
    });
    it("refuses to register workbook rules under a bundled year", () => {
      assert.throws(() => registerWorkbookRules("2568", MINI), /bundled year/);
    });
    it("reports workbook rules that do not check as #VALUE! with the line", () => {
      registerWorkbookRules("broken", "assessment");
      throwsExcel(() => F.total(TABLE, "broken"), ErrorCode.invalidValue, /เกณฑ์ broken มีข้อผิดพลาด บรรทัด 1/);
    });
  });

  describe("RATING, TOOL, INDICATOR", () => {
    it("RATING gives the Thai band label", () => {
      assert.equal(F.rating(TABLE, R), "ผ่าน");
    });
    it("TOOL gives one tool's published score, tool name as typed", () => {
      assert.equal(F.tool(TABLE, "EIT", R), 90);
      assert.equal(F.tool(TABLE, [["iit"]], R), 92.5);
    });
    it("TOOL says #N/A for an unknown tool", () => {
      throwsExcel(() => F.tool(TABLE, "XIT", R), ErrorCode.notAvailable, /ไม่พบแบบวัด XIT \/ unknown tool XIT/);
    });
    it("INDICATOR combines an indicator's tools as the rules say", () => {
      assert.equal(F.indicator(TABLE, 6, R), 95);
    });
    it("INDICATOR accepts the number as text or in Thai digits", () => {
      assert.equal(F.indicator(TABLE, "๙", R), 80);
      assert.equal(F.indicator(TABLE, "1", R), 85);
    });
    it("INDICATOR says #N/A for an unknown indicator", () => {
      throwsExcel(() => F.indicator(TABLE, 42, R), ErrorCode.notAvailable, /ไม่พบตัวชี้วัด 42/);
    });
  });

  describe("PASS", () => {
    it("meets the threshold at exactly the pass mark", () => {
      assert.equal(F.pass(85, R), "ผ่านเกณฑ์");
    });
    it("rounds half-up to the published precision first", () => {
      assert.equal(F.pass(84.995, R), "ผ่านเกณฑ์");
      assert.equal(F.pass(84.994, R), "ไม่ผ่านเกณฑ์");
    });
    it("reads Thai-digit text and a 1×1 range", () => {
      assert.equal(F.pass("๘๔.๙๙", R), "ไม่ผ่านเกณฑ์");
      assert.equal(F.pass([[90]], R), "ผ่านเกณฑ์");
    });
    it("refuses a blank or non-number score", () => {
      throwsExcel(() => F.pass("", R), ErrorCode.invalidValue, /ไม่มีคะแนน \/ score is blank/);
      throwsExcel(() => F.pass("ดี", R), ErrorCode.invalidValue, /"ดี" ไม่ใช่ตัวเลข/);
    });
  });

  describe("INDICATORS", () => {
    it("spills a header row and one row per indicator as the seed lays it out", () => {
      assert.deepEqual(F.indicators(TABLE, R), [
        ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ประเด็น", "คะแนน", "ผลการประเมิน"],
        [1, "IIT", "การปฏิบัติหน้าที่", 85, "ผ่านเกณฑ์"],
        [6, "IIT, EIT", "คุณภาพการดำเนินงาน", 95, "ผ่านเกณฑ์"],
        [9, "OIT", "การเปิดเผยข้อมูล", 80, "ไม่ผ่านเกณฑ์"],
      ]);
    });
    it("never returns null inside the spilled array", () => {
      for (const row of F.indicators(TABLE, R)) for (const c of row) assert.notEqual(c, null);
    });
    it("still answers under its old name RESULT, so workbooks that use it keep computing", () => {
      assert.deepEqual(F.result(TABLE, R), F.indicators(TABLE, R));
    });
  });

  describe("GAP", () => {
    it("spills one row per shortfall: Thai text and points short", () => {
      const rows = F.gap(TABLE, R);
      assert.deepEqual(
        rows.map((r) => r[1]),
        [5, 5],
      );
      assert.match(String(rows[0]![0]), /แบบวัด OIT ได้ 80.00 ต้องได้อย่างน้อย 85.00/);
      assert.match(String(rows[1]![0]), /ตัวชี้วัดที่ 9/);
    });
    it("gives a single row when already in the top band", () => {
      const top = TABLE.map((r) => [r[0], r[1], 100]);
      assert.deepEqual(F.gap(top, R), [["อยู่ระดับสูงสุดแล้ว (ผ่านดีเยี่ยม)", ""]]);
    });
  });

  describe("BAND", () => {
    it("rates published figures given as (tool, score) pairs with a header", () => {
      assert.equal(
        F.band(
          86.75,
          [
            ["แบบวัด", "คะแนน"],
            ["IIT", 92.5],
            ["EIT", 90],
            ["OIT", 80],
          ],
          R,
        ),
        "ผ่าน",
      );
    });
    it("rates a row of scores in the rules' tool order", () => {
      assert.equal(F.band(90, [[92.5, 90, 88]], R), "ผ่านดี");
      assert.equal(F.band("๙๖", [["๙๖"], ["๙๕"], ["๙๗.๕"]], R), "ผ่านดีเยี่ยม");
    });
    it("agrees with RATING on the same published figures", () => {
      const t = [TABLE.map((r) => [...r]), TABLE.map((r) => [r[0], r[1], 100])];
      for (const table of t) {
        const tools = ["IIT", "EIT", "OIT"].map((id) => [id, F.tool(table, id, R)]);
        assert.equal(F.band(F.total(table, R), tools, R), F.rating(table, R));
      }
    });
    it("says #N/A when a tool's score is missing from the pairs", () => {
      throwsExcel(
        () =>
          F.band(
            90,
            [
              ["IIT", 90],
              ["EIT", 90],
            ],
            R,
          ),
        ErrorCode.notAvailable,
        /ไม่มีคะแนนแบบวัด OIT/,
      );
    });
    it("refuses the wrong number of scores in tool order", () => {
      throwsExcel(() => F.band(90, [[90, 90]], R), ErrorCode.invalidValue, /ต้องมีคะแนน 3 แบบวัด \(IIT, EIT, OIT\)/);
    });
    it("refuses an unknown tool and a total that is not a number", () => {
      throwsExcel(
        () =>
          F.band(
            90,
            [
              ["IIT", 90],
              ["XIT", 90],
              ["OIT", 90],
            ],
            R,
          ),
        ErrorCode.invalidValue,
        /แถว 2 \/ row 2: ไม่มีแบบวัด "XIT"/,
      );
      throwsExcel(() => F.band("สูง", [[90, 90, 90]], R), ErrorCode.invalidValue, /คะแนนรวม "สูง" ไม่ใช่ตัวเลข/);
    });
  });

  describe("QUESTION", () => {
    it("scores raw answers through the question's scale, skipping a header and blanks", () => {
      const answers = [["ข้อ 1"], ["มี"], ["ไม่มี"], [""], [null], ["มี"], ["ไม่ทราบ"]];
      assert.equal(F.question(answers, "i1", R), 66.67);
    });
    it("applies the scale reversed for a reversed question", () => {
      assert.equal(F.question([["มี"], ["ไม่มี"], ["ไม่มี"], ["ไม่มี"]], "i2", R), 75);
    });
    it("accepts answer codes, in Thai digits too, over a 2-D range", () => {
      assert.equal(
        F.question(
          [
            [1, "๐"],
            ["1", "๑"],
          ],
          "I1",
          R,
        ),
        75,
      );
    });
    it("names the row and column of an answer not on the scale", () => {
      throwsExcel(
        () =>
          F.question(
            [
              ["มี", "ไม่มี"],
              ["อาจจะ", "มี"],
            ],
            "i1",
            R,
          ),
        ErrorCode.invalidValue,
        /แถว 2 คอลัมน์ 1 \/ row 2 column 1: IIT i1: คำตอบ "อาจจะ"/,
      );
    });
    it("says #N/A when no answer counts", () => {
      throwsExcel(() => F.question([["ไม่ทราบ"], [""]], "i1", R), ErrorCode.notAvailable, /ไม่มีคำตอบที่นับคะแนนได้/);
    });
    it("says #N/A for an unknown question or one without a scale", () => {
      throwsExcel(() => F.question([["มี"]], "i99", R), ErrorCode.notAvailable, /ไม่พบข้อคำถาม i99/);
      throwsExcel(() => F.question([["มี"]], "o1", R), ErrorCode.notAvailable, /ข้อ o1 ไม่มีมาตรวัดคำตอบ/);
    });
  });
});
