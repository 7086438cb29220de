/**
 * A provincial office's table with an agency column: the wizard scores one agency
 * at a time, the user picks which, and the results sheet's formulas stay live over
 * the shared table through FILTER. The second agency is the seed with every score
 * lowered by 5 points, so its result differs by a known construction, not by hand.
 */
import { strict as assert } from "node:assert";
import { evaluateRows, loadRulesText, bundledText, readNumber } from "../../src/engine/index.js";
import type { CellValue } from "../../src/engine/index.js";
import { restoreTable } from "../../src/taskpane/wizard/data.js";
import { CHOICE_DATA, Wizard } from "../../src/taskpane/wizard/wizard.js";
import type { PaneContext } from "../../src/taskpane/context.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { tableArgument } from "../../src/workbook/score-table.js";
import { SEED_CSV } from "../workbook/support.js";

const A = "เทศบาลตำบลคลองพน";
/** Rows per agency: the seed's score rows. */
const N = seedSheet(SEED_CSV).rows.length - 3;
const B = "อบต. ทดสอบ";

/** Header, then the seed's rows for A and the same rows 5 points lower for B, agency in column D. */
function provinceRows(): CellValue[][] {
  const seed = seedSheet(SEED_CSV).rows.slice(3);
  const lower = (v: CellValue): CellValue => {
    const n = readNumber(v);
    return n.kind === "number" ? Math.max(0, n.value - 5) : v;
  };
  return [
    ["เครื่องมือ", "ข้อ", "คะแนน", "หน่วยงาน"],
    ...seed.map((r) => [r[0], r[1], r[2], A]),
    ...seed.map((r) => [r[0], r[1], lower(r[2]), `  ${B} `]), // stray spaces, as typed
  ];
}

function wizardOn(book: MemoryWorkbook): Wizard {
  const ctx: PaneContext = { port: book, lang: () => "th", t: (th) => th, onRulesChanged: () => undefined };
  return new Wizard({} as HTMLElement, ctx, { say: () => undefined, progress: () => undefined });
}

function rules() {
  const l = loadRulesText(bundledText("2568")!);
  if (!l.ok) throw new Error("2568 rules do not load");
  return l.compiled;
}

describe("a table holding several agencies", () => {
  it("lists the agencies and scores only the chosen one's rows", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: B }));
    assert.deepEqual(w.state.agencies, [A, B]);
    assert.equal(w.state.table?.agency, B);
    assert.equal(w.state.table?.rows.length, N);
    const out = evaluateRows(rules(), w.state.table!.rows);
    assert.ok(out.ok);
    assert.ok(out.evaluation.total.published < 93.6, "B's scores are the seed's lowered");
  });

  it("starts from the first agency when the setting names none", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด" }));
    assert.equal(w.state.table?.agency, A);
    assert.deepEqual(w.state.source, { sheet: "จังหวัด", agency: A });
  });

  it("writes results whose live formulas filter the shared table to the chosen agency", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: B }));
    const table = w.state.table!;
    const last = 1 + 2 * N;
    assert.equal(tableArgument(table), `FILTER('จังหวัด'!A1:C${last},TRIM('จังหวัด'!D1:D${last})="${B}")`);
    const evaluation = evaluateRows(rules(), table.rows);
    assert.ok(evaluation.ok);
    const layout = buildResultsSheet({ evaluation: evaluation.evaluation, rulesName: "2568", table });
    // Cached values deliberately wrong: the workbook computes the formulas itself.
    const rows = layout.spec.rows.map((r) =>
      r.map((c) => (c && typeof c === "object" ? { formula: c.formula, value: -1 } : c)),
    );
    await book.writeSheet({ ...layout.spec, rows }, { replace: false });
    const m = /^([A-Z]+)(\d+)$/.exec(layout.totalCell)!;
    const shown = book.shown(layout.spec.name, Number(m[2]), m[1]!.charCodeAt(0) - 64);
    assert.equal(shown, evaluation.evaluation.total.published);
  });
});
