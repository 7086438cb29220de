/**
 * The add-in's own output sheets are recognised by name, so a table search never
 * reads a results, report, plan or summary sheet as scores; the blank entry sheet
 * is input and stays searchable.
 */
import { strict as assert } from "node:assert";
import { SHEET_NAMES } from "../../src/report/sheets.js";
import { entrySheetName } from "../../src/workbook/entry-sheet.js";
import { isOwnSheet } from "../../src/workbook/own-sheets.js";
import { resultsSheetName } from "../../src/workbook/results-sheet.js";

describe("the add-in's own sheets", () => {
  it("counts every sheet the report and the wizard write as the add-in's own", () => {
    const names = [...Object.values(SHEET_NAMES), resultsSheetName("2568"), resultsSheetName("เกณฑ์ 2569 ร่าง")];
    names.push(...Object.values(SHEET_NAMES).map((n) => `${n} ITA 2568`)); // the pane's report step
    names.push(resultsSheetName("2568", "เทศบาลตำบลคลองพน")); // one agency of a province's table
    assert.deepEqual(
      names.filter((n) => !isOwnSheet(n)),
      [],
    );
  });

  it("leaves the blank entry sheet and the user's sheets searchable", () => {
    assert.equal(isOwnSheet(entrySheetName("2568")), false);
    assert.equal(isOwnSheet("คะแนน"), false);
    assert.equal(isOwnSheet("Sheet1"), false);
    // The user's own sheets that only begin with one of our words.
    assert.equal(isOwnSheet("สรุปคะแนน ITA 2568"), false);
    assert.equal(isOwnSheet("รายงานคะแนน"), false);
    assert.equal(isOwnSheet("ผลการประเมินรายข้อ"), false);
  });
});
