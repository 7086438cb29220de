/**
 * What Excel passes, read as src/functions/cells.ts decides: the score table as
 * separate columns or one agency's rows (so no formula needs HSTACK or FILTER), zeros
 * that are blanks on Excel builds that pass empty cells as 0, percent-formatted
 * scores, and cells holding data types.
 */
import { strict as assert } from "node:assert";
import { ErrorCode, MINI, throwsExcel } from "./support.js";
import * as F from "../../src/functions/functions.js";
// The parser is handed to the functions as the pane's rules store hands it: by loading register-rules.
import "../../src/functions/register-rules.js";
import { registerWorkbookRules, unregisterWorkbookRules } from "../../src/functions/rules.js";

const R = "mini";
// IIT = mean(85, 100) = 92.5; EIT = 90; OIT = 80; total 86.75 (see functions.test.ts).
const TABLE: unknown[][] = [
  ["IIT", "i1", 90],
  ["IIT", "i2", 80],
  ["IIT", "q6", 100],
  ["EIT", "q6", 90],
  ["OIT", "o1", 80],
];
const column = (j: number, rows: unknown[][] = TABLE): unknown[][] => rows.map((r) => [r[j]]);

describe("reading the score table (cells.ts)", () => {
  before(() => {
    registerWorkbookRules(R, MINI);
    // The same rules with a yes/no scale whose lowest answer scores 20: a question score of 0 cannot happen.
    registerWorkbookRules("nozero", MINI.replace('"ไม่มี" code 0 = 0', '"ไม่มี" code 0 = 20'));
  });
  after(() => [R, "nozero"].forEach(unregisterWorkbookRules));

  describe("the table as separate columns", () => {
    it("takes the tool, question and score columns as three ranges, in any sheet order", () => {
      assert.equal(F.total(column(0), R, column(1), column(2)), 86.75);
      assert.equal(F.rating(column(0), R, column(1), column(2)), "ผ่าน");
      assert.equal(F.tool(column(0), "IIT", R, column(1), column(2)), 92.5);
    });
    it("skips a header row given in the columns", () => {
      const withHeader = [["แบบวัด", "ข้อ", "คะแนน"], ...TABLE];
      assert.equal(F.total(column(0, withHeader), R, column(1, withHeader), column(2, withHeader)), 86.75);
    });
    it("refuses columns of different heights or a question column without a score column (#VALUE!)", () => {
      throwsExcel(
        () => F.total(column(0), R, column(1).slice(1), column(2)),
        ErrorCode.invalidValue,
        /คอลัมน์ข้อต้องเป็นคอลัมน์เดียวสูง 5 แถว.*question column must be one column of 5 rows/,
      );
      throwsExcel(() => F.total(column(0), R, column(1)), ErrorCode.invalidValue, /give both/);
    });
  });

  describe("one agency of a table of many", () => {
    const other = TABLE.map((r) => [r[0], r[1], 0]);
    const both = [...TABLE.map((r) => [...r, "  เทศบาล  ก "]), ...other.map((r) => [...r, "เทศบาล ข"])];
    const agencies = column(3, both);

    it("scores only the rows whose agency cell, trimmed as Excel's TRIM does, is the name", () => {
      assert.equal(F.total(both, R, undefined, undefined, agencies, "เทศบาล ก"), 86.75);
    });
    it("tells names apart by case, as the pane lists them", () => {
      const cased = [...TABLE.map((r) => [...r, "Khlong Phon"]), ...other.map((r) => [...r, "KHLONG PHON"])];
      assert.equal(F.total(cased, R, undefined, undefined, column(3, cased), "Khlong Phon"), 86.75);
    });
    it("matches agencies given as number codes", () => {
      const coded = [...TABLE.map((r) => [...r, 102]), ...other.map((r) => [...r, 101])];
      assert.equal(F.total(coded, R, undefined, undefined, column(3, coded), "102"), 86.75);
    });
    it("says #N/A, naming it, for an agency with no rows", () => {
      throwsExcel(
        () => F.total(both, R, undefined, undefined, agencies, "เทศบาล ค"),
        ErrorCode.notAvailable,
        /เทศบาล ค/,
      );
    });
    it("names rows by their place in the whole range", () => {
      const bad = both.map((r) => [...r]);
      bad[1]![2] = "abc";
      throwsExcel(
        () => F.total(bad, R, undefined, undefined, agencies, "เทศบาล ก"),
        ErrorCode.invalidValue,
        /^แถว 2 \/ row 2/,
      );
    });
  });

  describe("zeros that are blanks passed as 0", () => {
    it("says #N/A when every score is 0, and how to give a real zero", () => {
      const zeros = TABLE.map((r) => [r[0], r[1], 0]);
      throwsExcel(() => F.total(zeros, R), ErrorCode.notAvailable, /ทุกช่องคะแนนเป็น 0.*type '0 for a real zero/);
    });
    it("takes a zero typed as text ('0) as a real zero", () => {
      const zeros = TABLE.map((r) => [r[0], r[1], "0"]);
      assert.equal(F.total(zeros, R), 0);
    });
    it("says #N/A for a 0 where the question's scale has no 0, naming the row", () => {
      const t = TABLE.map((r) => [...r]);
      t[0]![2] = 0; // i1 on a scale whose lowest answer scores 20
      throwsExcel(() => F.total(t, "nozero"), ErrorCode.notAvailable, /^แถว 1 \/ row 1: ข้อ i1 เป็น 0 แต่มาตรวัดต่ำสุด 20/);
    });
    it("keeps a single 0 on a scale that has 0 as a real score", () => {
      const t = TABLE.map((r) => [...r]);
      t[4]![2] = 0;
      assert.equal(F.total(t, R), 54.75);
    });
  });

  describe("percent-formatted scores and data types", () => {
    it("says #N/A when every score is between 0 and 1, as cells formatted 95% are", () => {
      const percent = TABLE.map((r) => [r[0], r[1], (r[2] as number) / 100]);
      throwsExcel(() => F.total(percent, R), ErrorCode.notAvailable, /formatted as percent \(95% is 0\.95\)/);
    });
    it("says what a data-type cell holds rather than calling it an error", () => {
      const t = TABLE.map((r) => [...r]);
      t[2]![2] = { type: "FormattedNumber", basicValue: 100, numberFormat: "0.00" };
      throwsExcel(
        () => F.total(t, R),
        ErrorCode.invalidValue,
        /^แถว 3 \/ row 3: ช่องเป็นข้อมูลชนิดพิเศษ \(FormattedNumber "100"\).*data type \(FormattedNumber "100"\)/,
      );
      t[2]![2] = { type: "Entity", text: "กระบี่", properties: {} };
      throwsExcel(() => F.total(t, R), ErrorCode.invalidValue, /Entity "กระบี่"/);
    });
  });
});
