/**
 * The indicator table's headings are defined once (src/engine/headings.ts): the
 * command line, the report, the results sheet and ITA.INDICATORS all print them,
 * so a user comparing one with another reads the same column names.
 */
import { strict as assert } from "node:assert";
import { run } from "../../src/cli/main.js";
import { bundledText, evaluateRows, INDICATOR_HEADINGS, loadRulesText } from "../../src/engine/index.js";
import * as F from "../../src/functions/functions.js";
import { renderHtml } from "../support/html-page.js";
import { buildReport } from "../../src/report/model.js";
import { reportSheets } from "../../src/report/sheets.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { findScoreTable } from "../../src/workbook/score-table.js";
import { seedRows } from "../support/seed.js";
import { seedRange } from "../workbook/support.js";

const H = INDICATOR_HEADINGS;
const THAI = [H.id.th, H.tools.th, H.name.th, H.score.th, H.result.th];

function seedEvaluation() {
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("rules");
  const out = evaluateRows(loaded.compiled, seedRows());
  if (!out.ok) throw new Error("seed scores");
  return { evaluation: out.evaluation, model: loaded.compiled.model };
}

async function cliHeadings(): Promise<string[]> {
  const out: string[] = [];
  const code = await run(["score", "examples/khlong-phon-2568/scores.csv"], { out: (t) => out.push(t), err: () => {} });
  assert.equal(code, 0);
  const line = out
    .join("\n")
    .split("\n")
    .find((l) => l.startsWith(H.id.th))!;
  return line.split(/\s{2,}/).map((c) => c.replace(/ \(.*\)$/, ""));
}

function functionHeadings(): unknown[] {
  const rows = seedRows();
  return F.indicators([["เครื่องมือ", "ข้อ", "คะแนน"], ...rows.map((r) => [r.tool, r.question, r.score])], 2568)[0]!;
}

function resultsSheetHeadings(): unknown[] {
  const found = findScoreTable(seedRange());
  if (!found.ok) throw new Error("seed table");
  const layout = buildResultsSheet({ evaluation: seedEvaluation().evaluation, rulesName: "2568", table: found.table });
  return layout.spec.rows[layout.indicatorRows.first - 2]!.slice(0, 5);
}

function reportSheetHeadings(): string[] {
  const { evaluation, model } = seedEvaluation();
  const results = reportSheets(buildReport(evaluation, model, { name: "เทศบาลตำบลคลองพน" }))[0]!;
  const head = results.rows.find((r) => typeof r[0] === "string" && r[0].startsWith(`${H.id.th}\n`))!;
  return head.slice(0, 5).map((c) => String(c).split("\n")[0]!);
}

function htmlHeadings(): string[] {
  const { evaluation, model } = seedEvaluation();
  const html = renderHtml(buildReport(evaluation, model, { name: "เทศบาลตำบลคลองพน" }));
  const head = html.slice(0, html.indexOf('data-indicator="1"'));
  const thead = head.slice(head.lastIndexOf("<thead"));
  return [...thead.matchAll(/<th scope="col"><span>([^<]*)/g)].map((m) => m[1]!);
}

describe("the indicator table's headings", () => {
  it("are the same in ita score, the report (sheets and HTML), the results sheet and ITA.INDICATORS", async () => {
    assert.deepEqual(await cliHeadings(), THAI);
    assert.deepEqual(reportSheetHeadings(), THAI);
    assert.deepEqual(htmlHeadings(), THAI);
    assert.deepEqual(resultsSheetHeadings(), THAI);
    assert.deepEqual(functionHeadings(), THAI);
  });

  it("name the indicator's name column ประเด็น, never ตัวชี้วัด a second time as the command line did", async () => {
    const cli = await cliHeadings();
    assert.equal(cli.filter((c) => c === H.id.th).length, 1);
    assert.equal(cli[2], "ประเด็น");
  });
});
