import { strict as assert } from "node:assert";
import { evaluateRows } from "../../src/engine/index.js";
import { renderHtml } from "../support/html-page.js";
import { buildReport, type ReportModel } from "../../src/report/model.js";
import { reportSheets } from "../../src/report/sheets.js";
import { NO_PASS_ROWS, noPassMarkRules } from "../support/no-pass-mark.js";

function report(): ReportModel {
  const compiled = noPassMarkRules();
  const o = evaluateRows(compiled, NO_PASS_ROWS);
  if (!o.ok) throw new Error("does not evaluate");
  return buildReport(o.evaluation, compiled.model, { name: "เทศบาลทดสอบ" });
}

describe("a report under rules without a pass mark", () => {
  const r = report();

  it("has no pass mark in its principles", () => {
    assert.equal(r.principles.pass, null);
  });

  it("leaves the result column out of the HTML indicator table and says there is no pass mark", () => {
    const html = renderHtml(r);
    const row = /<tr data-indicator="9">(.*?)<\/tr>/s.exec(html)![1]!;
    assert.equal((row.match(/<td/g) ?? []).length, 4);
    assert.ok(!html.includes("ไม่ผ่านเกณฑ์"));
    assert.ok(html.includes("These rules have no per-indicator pass mark."));
    assert.ok(!html.includes('class="pass-mark"'));
  });

  it("leaves the result and pass-mark columns out of the results sheet, and its chart has no pass line", () => {
    const results = reportSheets(r)[0]!;
    const head = results.rows.findIndex((row) => row[0] === "ตัวชี้วัด\nNo.");
    assert.equal(results.rows[head]!.length, 4);
    assert.equal(results.rows[head + 1]!.length, 4);
    assert.deepEqual(results.charts?.[0]?.lines, []);
    assert.equal(results.below, undefined);
  });

  it("plans for the lowest indicators, none counted as failing", () => {
    const compiled = noPassMarkRules();
    const o = evaluateRows(compiled, NO_PASS_ROWS);
    if (!o.ok) throw new Error("does not evaluate");
    const plan = buildReport(o.evaluation, compiled.model, { name: "เทศบาลทดสอบ" }, { planIndicators: 1 }).plan;
    assert.deepEqual([...new Set(plan.map((p) => p.indicator))], ["9"]);
  });
});
