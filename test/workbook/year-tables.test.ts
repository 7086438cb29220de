/**
 * Years in a workbook: a sheet per year named by its year (Arabic or Thai digits), or
 * one table with a year column; a table that names no year is kept apart.
 */
import { strict as assert } from "node:assert";
import type { CellValue } from "../../src/engine/index.js";
import type { RangeData } from "../../src/workbook/port.js";
import { findYearTables, yearOf } from "../../src/workbook/year-tables.js";

function sheet(name: string, values: CellValue[][]): RangeData {
  return { sheet: name, topLeft: "A1", values, kinds: values.map((r) => r.map(() => "string" as const)) };
}

describe("year tables", () => {
  it("reads the year in a sheet or file name, in Arabic or Thai digits", () => {
    assert.equal(yearOf("ITA ๒๕๖๖"), 2566);
    assert.equal(yearOf("scores-2567.csv"), 2567);
    assert.equal(yearOf("คะแนน"), undefined);
    assert.equal(yearOf("12566"), undefined);
  });

  it("takes each sheet named by a year as that year's table", () => {
    const t = [
      ["เครื่องมือ", "ข้อ", "คะแนน"],
      ["IIT", "", 94],
    ];
    const r = findYearTables([sheet("2567", t), sheet("ผล ๒๕๖๖", t), sheet("คะแนน", t)]);
    assert.deepEqual(
      r.years.map((y) => [y.year, y.sheet]),
      [
        [2566, "ผล ๒๕๖๖"],
        [2567, "2567"],
      ],
    );
    assert.equal(r.unnamed.length, 1);
  });

  it("groups one table's rows by its year column", () => {
    const r = findYearTables([
      sheet("ทุกปี", [
        ["ปีงบประมาณ", "เครื่องมือ", "ข้อ", "คะแนน"],
        [2566, "IIT", "", 94],
        ["๒๕๖๗", "IIT", "", 95],
        [2566, "OIT", "", 80],
      ]),
    ]);
    assert.deepEqual(
      r.years.map((y) => [y.year, y.rows.map((x) => x.score)]),
      [
        [2566, [94, 80]],
        [2567, [95]],
      ],
    );
  });
});
