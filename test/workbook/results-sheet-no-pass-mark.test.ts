import { strict as assert } from "node:assert";
import { evaluateRows } from "../../src/engine/index.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { NO_PASS_ROWS, noPassMarkRules } from "../support/no-pass-mark.js";

describe("the results sheet under rules without a pass mark", () => {
  const o = evaluateRows(noPassMarkRules(), NO_PASS_ROWS);
  if (!o.ok) throw new Error("does not evaluate");
  const layout = buildResultsSheet({
    evaluation: o.evaluation,
    rulesName: "old",
    table: {
      sheet: "Scores",
      headerRow: 1,
      columns: { tool: 1, question: 2, score: 3 },
      range: "A1:C4",
      rows: NO_PASS_ROWS,
    },
  });
  const rows = layout.spec.rows;

  it("has four indicator columns: no ITA.PASS result and no pass-mark column", () => {
    assert.deepEqual(rows[layout.indicatorRows.first - 2], ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ประเด็น", "คะแนน"]);
    for (let r = layout.indicatorRows.first; r <= layout.indicatorRows.last; r++) {
      assert.equal(rows[r - 1]!.length, 4);
    }
  });

  it("highlights nothing and draws no pass-mark line", () => {
    assert.deepEqual(layout.spec.below, []);
    assert.deepEqual(layout.spec.charts?.[0]?.lines, []);
  });
});
