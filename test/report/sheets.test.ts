/**
 * The report as sheet specs for the task pane's Report step: the same content as
 * the .xlsx, formatted for A4 printing, with a chart of the indicators and the pass
 * mark that points at the cells holding them.
 */
import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { buildReport } from "../../src/report/model.js";
import { reportSheets } from "../../src/report/sheets.js";
import type { CellWrite } from "../../src/workbook/port.js";
import { seedRows } from "../support/seed.js";

function sheets(thaiDigits = false) {
  const l = loadRulesText(bundledText("2568")!);
  if (!l.ok) throw new Error("rules");
  const o = evaluateRows(l.compiled, seedRows());
  if (!o.ok) throw new Error("seed");
  return reportSheets(buildReport(o.evaluation, l.compiled.model, { name: "เทศบาลตำบลคลองพน" }, { thaiDigits }));
}

function at(rows: readonly (readonly CellWrite[])[], a1: string): CellWrite | undefined {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
}

describe("report sheets for the task pane", () => {
  it("gives three sheets, each A4 with repeated header rows and the Thai font", () => {
    const s = sheets();
    assert.deepEqual(
      s.map((x) => x.name),
      ["ผลการประเมิน", "รายงาน", "แผนพัฒนา"],
    );
    for (const x of s) {
      assert.equal(x.print?.paper, "A4");
      assert.ok(x.print?.repeatRows);
      assert.equal(x.font, "TH Sarabun New");
    }
  });

  it("charts the indicator scores against a pass-mark column of 85", () => {
    const results = sheets()[0]!;
    const chart = results.charts![0]!;
    const [from, to] = chart.values.range.split(":");
    assert.equal(at(results.rows, from!), 98.67);
    assert.equal(at(results.rows, to!), 80);
    const line = chart.lines![0]!.range.split(":");
    assert.equal(at(results.rows, line[0]!), 85);
    assert.equal(at(results.rows, line[1]!), 85);
    assert.deepEqual(results.below?.[0]?.range, chart.values.range);
    assert.equal(results.below?.[0]?.below, 85);
  });

  it("leaves the chart out when scores are Thai-digit text", () => {
    assert.equal(sheets(true)[0]!.charts, undefined);
  });

  it("marks the plan's rows, and room below them, as the editable range", () => {
    const plan = sheets()[2]!;
    const prefilled = plan.rows.length - 3;
    assert.deepEqual(plan.editable, [`B4:F${3 + prefilled + 5}`]);
  });
});
