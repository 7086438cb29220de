import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type Evaluation } from "../../src/engine/index.js";
import { buildResultsSheet, resultsSheetName, safeSheetName } from "../../src/workbook/results-sheet.js";
import { findScoreTable, type ScoreTable } from "../../src/workbook/score-table.js";
import { seedRange } from "./support.js";

function seed(): { evaluation: Evaluation; table: ScoreTable } {
  const found = findScoreTable(seedRange());
  if (!found.ok) throw new Error("seed table");
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("rules");
  const out = evaluateRows(loaded.compiled, found.table.rows);
  if (!out.ok) throw new Error("seed scores");
  return { evaluation: out.evaluation, table: found.table };
}

describe("the results sheet the wizard writes", () => {
  const { evaluation, table } = seed();
  const layout = buildResultsSheet({ evaluation, rulesName: "2568", table });
  const rows = layout.spec.rows;
  const at = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
  };

  it("lays out the indicator table with the seed report's headings", () => {
    assert.deepEqual(rows[layout.indicatorRows.first - 2]!.slice(0, 5), [
      "ตัวชี้วัด",
      "เครื่องมือ",
      "ประเด็น",
      "คะแนน",
      "ผลการประเมิน",
    ]);
    assert.equal(layout.indicatorRows.last - layout.indicatorRows.first + 1, 10);
  });

  it("puts live ITA formulas over the score table in every figure, with the engine's value cached", () => {
    assert.deepEqual(at(layout.totalCell), { formula: `=ITA.TOTAL('คะแนน'!A3:C38,"2568")`, value: 93.6 });
    assert.deepEqual(at(layout.ratingCell), { formula: `=ITA.RATING('คะแนน'!A3:C38,"2568")`, value: "ผ่านดี" });
    const first = layout.indicatorRows.first;
    assert.deepEqual(at(`D${first}`), { formula: `=ITA.INDICATOR('คะแนน'!A3:C38,1,"2568")`, value: 98.67 });
    assert.deepEqual(at(`E${first}`), { formula: `=ITA.PASS(D${first},"2568")`, value: "ผ่านเกณฑ์" });
    assert.deepEqual(
      rows.slice(layout.toolRows.first - 1, layout.toolRows.last).map((r) => [r[0], (r[3] as { value: number }).value]),
      [
        ["IIT", 99.24],
        ["EIT1", 92.19],
        ["EIT2", 93.33],
        ["OIT", 90],
      ],
    );
    assert.match((at(layout.gapCell) as { formula: string }).formula, /^=ITA\.GAP\(/);
  });

  it("highlights indicator scores under the rules' pass mark and charts them against it", () => {
    const range = `D${layout.indicatorRows.first}:D${layout.indicatorRows.last}`;
    assert.deepEqual(layout.spec.below, [{ range, below: 85, fill: "#FDE7E9", fontColor: "#A4262C" }]);
    const chart = layout.spec.charts![0]!;
    assert.equal(chart.values.range, range);
    assert.equal(chart.lines![0]!.range, `F${layout.indicatorRows.first}:F${layout.indicatorRows.last}`);
    assert.deepEqual(
      rows.slice(layout.indicatorRows.first - 1, layout.indicatorRows.last).map((r) => r[5]),
      Array(10).fill(85),
    );
  });

  it("names its sheet within Excel's limits", () => {
    assert.equal(resultsSheetName("2568"), "ผลการประเมิน ITA 2568");
    assert.equal(safeSheetName("a/b:c*d?[e]"), "a-b-c-d--e-");
    assert.ok(resultsSheetName("เกณฑ์ที่ตั้งชื่อยาวมากจนเกินสามสิบเอ็ดตัวอักษร").length <= 31);
    // Cut between visible characters: "สมมุติ" is never left as a consonant without its vowel mark.
    assert.equal(resultsSheetName("2568", "หน่วยงานสมมุติ (คะแนน)"), "ผลการประเมิน 2568 หน่วยงานสมมุ");
  });
});
