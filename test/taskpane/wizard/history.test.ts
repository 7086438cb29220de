/**
 * Earlier years in the pane: sheets named by year beside the score table are scored
 * by their own rules at Check, shown on the Results step, and written to the results
 * sheet with a native line chart of the trend (recorded by the memory workbook).
 */
import { strict as assert } from "node:assert";
import type { PaneContext } from "../../../src/taskpane/context.js";
import { seedSheet } from "../../../src/taskpane/preview/seed.js";
import { runCheck } from "../../../src/taskpane/wizard/check.js";
import { restoreTable } from "../../../src/taskpane/wizard/data.js";
import { writeResults } from "../../../src/taskpane/wizard/write.js";
import { Wizard } from "../../../src/taskpane/wizard/wizard.js";
import type { CellValue } from "../../../src/engine/index.js";
import { MemoryWorkbook } from "../../../src/workbook/memory-adapter.js";
import { SEED_CSV } from "../../workbook/support.js";
import { Y2566, Y2567 } from "../../support/history.js";

class Headless extends Wizard {
  override render(): void {}
}

const root = { setAttribute: () => undefined, removeAttribute: () => undefined } as unknown as HTMLElement;

const yearSheet = (rows: readonly { tool: CellValue; question: CellValue; score: CellValue }[]): CellValue[][] => [
  ["เครื่องมือ", "ข้อ", "คะแนน"],
  ...rows.map((r) => [r.tool, r.question, r.score]),
];

function book(withYears: boolean): MemoryWorkbook {
  const s = seedSheet(SEED_CSV);
  return new MemoryWorkbook([
    { name: s.name, rows: s.rows, merged: s.merged },
    ...(withYears
      ? [
          { name: "2566", rows: yearSheet(Y2566) },
          { name: "ผล 2567", rows: yearSheet(Y2567) },
        ]
      : []),
  ]);
}

async function checked(b: MemoryWorkbook): Promise<Wizard> {
  const ctx: PaneContext = { port: b, lang: () => "th", t: (th) => th, onRulesChanged: () => undefined };
  const w = new Headless(root, ctx, { say: () => undefined, progress: () => undefined });
  await w.loadChoices("2568");
  await restoreTable(w, JSON.stringify({ sheet: "คะแนน" }));
  await runCheck(w);
  assert.ok(w.state.evaluation, "the seed checks without errors");
  w.flow.shown(3);
  return w;
}

describe("earlier years in the pane", () => {
  it("scores the year sheets by their own rules at Check, beside this year's result", async () => {
    const w = await checked(book(true));
    const h = w.state.history!;
    assert.deepEqual(
      h.years.map((y) => [y.year, y.total?.published, h.rating.cells[h.years.indexOf(y)]!.label?.th]),
      [
        [2566, 85.7, "ผ่าน"],
        [2567, 91.5, "ผ่านดี"],
        [2568, 93.6, "ผ่านดี"],
      ],
    );
  });

  it("reads each year sheet in one round trip of its own", async () => {
    const b = book(false);
    const w = await checked(b);
    assert.equal(w.state.history, undefined);
    const before = b.calls;
    await runCheck(w);
    const withHistory = book(true);
    const w2 = await checked(withHistory);
    const before2 = withHistory.calls;
    await runCheck(w2);
    // Two year sheets: the list, then one read each.
    assert.equal(withHistory.calls - before2 - (b.calls - before), 2);
  });

  it("writes the years side by side and a native line chart of the trend on the results sheet", async () => {
    const b = book(true);
    const w = await checked(b);
    await writeResults(w);
    assert.equal(w.state.error, undefined, w.state.error?.en);
    const name = w.state.written.results![0]!;
    const charts = b.sheet(name)!.spec!.charts!;
    assert.equal(charts.length, 2);
    const trend = charts[1]!;
    assert.equal(trend.kind, "line");
    assert.deepEqual(
      trend.lines!.map((l) => l.name),
      ["IIT", "EIT", "EIT1", "EIT2", "OIT"],
    );
    assert.equal(trend.categories, "H48:H50");
    assert.deepEqual(
      [48, 49, 50].map((r) => [b.shown(name, r, 8), b.shown(name, r, 9), b.shown(name, r, 10)]),
      [
        ["2566", 85.7, ""],
        ["2567", 91.5, 5.8],
        ["2568", 93.6, 2.1],
      ],
    );
  });

  it("leaves the user's year sheets as they were", async () => {
    const b = book(true);
    const w = await checked(b);
    await writeResults(w);
    assert.equal(b.shown("2566", 2, 3), 90);
    assert.ok(b.sheetNames().includes("ผล 2567"));
  });
});
