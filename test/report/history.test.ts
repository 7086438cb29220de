/**
 * The report's history section, rendered three ways: the model's printed figures and
 * signed changes, the HTML table with its SVG trend, and the เทียบหลายปี sheet with a
 * native line chart.
 */
import { strict as assert } from "node:assert";
import { evaluateRows } from "../../src/engine/index.js";
import { renderHtml } from "../support/html-page.js";
import { buildReport, type ReportModel } from "../../src/report/model.js";
import { reportSheets } from "../../src/report/sheets.js";
import { rulesOf, threeYears } from "../support/history.js";
import { seedRows } from "../support/seed.js";

function report(thaiDigits = false): ReportModel {
  const rules = rulesOf("2568");
  const o = evaluateRows(rules, seedRows());
  if (!o.ok) throw new Error("seed");
  return buildReport(o.evaluation, rules.model, { name: "เทศบาลตำบลคลองพน" }, { history: threeYears(), thaiDigits });
}

describe("report history section", () => {
  it("prints the three years side by side with signed changes", () => {
    const total = report().history!.lines[0]!;
    assert.deepEqual(total.texts, ["85.70", "91.50", "93.60"]);
    assert.deepEqual(total.changeTexts, ["", "+5.80", "+2.10"]);
  });

  it("prints a year without a tool as a dash, not a zero", () => {
    const eit1 = report().history!.lines.find((l) => l.id === "EIT1")!;
    assert.deepEqual(eit1.texts, ["—", "—", "92.19"]);
    assert.deepEqual(eit1.changeTexts, ["", "", ""]);
  });

  it("prints Thai digits when asked", () => {
    const total = report(true).history!.lines[0]!;
    assert.deepEqual(total.texts, ["๘๕.๗๐", "๙๑.๕๐", "๙๓.๖๐"]);
  });

  it("shows the history table, the criteria changes and an SVG trend in the HTML page", () => {
    const html = renderHtml(report());
    assert.match(html, /<section class="history">/);
    assert.match(html, /<tr data-history="total total">.*?85\.70.*?\+5\.80.*?91\.50.*?\+2\.10.*?93\.60/s);
    assert.match(html, /<svg class="chart trend"/);
    assert.match(html, /<g class="series" data-series="EIT1">/);
    assert.ok(html.includes("2567→2568: indicator 6: measured by EIT → EIT1, EIT2"));
  });

  it("leaves the history out of a report without earlier years", () => {
    const rules = rulesOf("2568");
    const o = evaluateRows(rules, seedRows());
    if (!o.ok) throw new Error("seed");
    const r = buildReport(o.evaluation, rules.model, { name: "x" });
    assert.equal(r.history, undefined);
    assert.ok(!renderHtml(r).includes('class="history"'));
    assert.ok(!reportSheets(r).some((s) => s.name === "เทียบหลายปี"));
  });

  it("adds the เทียบหลายปี sheet after the results, with a line chart of the total and tools by year", () => {
    const sheets = reportSheets(report());
    assert.deepEqual(
      sheets.map((s) => s.name),
      ["ผลการประเมิน", "เทียบหลายปี", "รายงาน", "แผนพัฒนา"],
    );
    const h = sheets[1]!;
    const chart = h.charts![0]!;
    assert.equal(chart.kind, "line");
    assert.deepEqual(
      chart.lines!.map((l) => l.name),
      ["IIT", "EIT", "EIT1", "EIT2", "OIT"],
    );
    // The chart reads a row per year: 2566–2568 and their totals.
    const first = Number(/\d+/.exec(chart.categories)![0]);
    assert.deepEqual(
      [0, 1, 2].map((k) => h.rows[first - 1 + k]!.slice(0, 2)),
      [
        ["2566", 85.7],
        ["2567", 91.5],
        ["2568", 93.6],
      ],
    );
  });
});
