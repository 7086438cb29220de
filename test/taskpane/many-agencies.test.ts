/**
 * A provincial office's table with an agency column: the wizard scores one agency
 * at a time, the user picks which, and the results sheet's formulas stay live over
 * the shared table, the functions given the agency column and name. The second agency is the seed with every score
 * lowered by 5 points, so its result differs by a known construction, not by hand.
 */
import { strict as assert } from "node:assert";
import { evaluateRows, loadRulesText, bundledText } from "../../src/engine/index.js";
import type { CellValue } from "../../src/engine/index.js";
import { restoreTable } from "../../src/taskpane/wizard/data.js";
import { Wizard } from "../../src/taskpane/wizard/wizard.js";
import type { PaneContext } from "../../src/taskpane/context.js";
import { provinceSheet, seedSheet } from "../../src/taskpane/preview/seed.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { tableFormula } from "../../src/workbook/score-table.js";
import { SEED_CSV } from "../workbook/support.js";

const A = "เทศบาลตำบลคลองพน";
/** Rows per agency: the seed's score rows. */
const N = seedSheet(SEED_CSV).rows.length - 3;
const B = "อบต. ทดสอบ";

/** Header, then the seed's rows for A and the same rows 5 points lower for B, agency in column D (the preview's sample). */
function provinceRows(a: CellValue = A, b: CellValue = `  ${B} `): CellValue[][] {
  // By default the second name has stray spaces, as typed.
  return provinceSheet(SEED_CSV, [a, b]).rows;
}

/** Write the results sheet for the agency the wizard scores, with wrong cached values, and read the live total. */
async function liveTotal(book: MemoryWorkbook, w: Wizard): Promise<{ shown: unknown; engine: number; sheet: string }> {
  const table = w.state.table!;
  const evaluation = evaluateRows(rules(), table.rows);
  if (!evaluation.ok) throw new Error("the chosen agency does not evaluate");
  const layout = buildResultsSheet({ evaluation: evaluation.evaluation, rulesName: "2568", table });
  const rows = layout.spec.rows.map((r) =>
    r.map((c) => (c && typeof c === "object" ? { formula: c.formula, value: -1 } : c)),
  );
  await book.writeSheet({ ...layout.spec, rows }, { replace: false });
  const m = /^([A-Z]+)(\d+)$/.exec(layout.totalCell)!;
  return {
    shown: book.shown(layout.spec.name, Number(m[2]), m[1]!.charCodeAt(0) - 64),
    engine: evaluation.evaluation.total.published,
    sheet: layout.spec.name,
  };
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
    const last = 1 + 2 * N;
    assert.deepEqual(tableFormula(w.state.table!), {
      scores: `'จังหวัด'!A1:C${last}`,
      tail: `,,,'จังหวัด'!D1:D${last},"${B}"`,
      blankScores: `COUNTIFS('จังหวัด'!C1:C${last},"",'จังหวัด'!A1:A${last},"<>",'จังหวัด'!D1:D${last},"=${B}")`,
    });
    const { shown, engine } = await liveTotal(book, w);
    assert.equal(shown, engine);
  });

  it("tells names apart by case as the pane lists them, and the live total follows", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows("Khlong Phon", "KHLONG PHON"), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: "KHLONG PHON" }));
    assert.deepEqual(w.state.agencies, ["Khlong Phon", "KHLONG PHON"]);
    const { shown, engine } = await liveTotal(book, w);
    assert.equal(shown, engine);
  });

  it("scores agencies named by number codes, as Excel's TRIM turns them into text", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(101, 102), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: "102" }));
    const { shown, engine } = await liveTotal(book, w);
    assert.equal(shown, engine);
  });

  it("keeps a name with a non-breaking space apart, as Excel's TRIM does, so pane and formula agree", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(A, `${B}\u00a0`), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: `${B}\u00a0` }));
    assert.equal(w.state.table?.rows.length, N);
    const { shown, engine } = await liveTotal(book, w);
    assert.equal(shown, engine);
  });

  it("refuses an agency column with merged cells and names them, since Excel passes a merged cell's name in its top row only", async () => {
    const rows = provinceRows(A, B).map((r, i) => (i > 1 && i <= N ? [r[0], r[1], r[2], ""] : r));
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows, merged: [`D2:D${N + 1}`] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด" }));
    assert.equal(w.state.table, undefined);
    assert.match(w.state.tableProblems[0]?.th ?? "", new RegExp(`จังหวัด!D2:D${N + 1}`));
    assert.match(w.state.tableProblems[0]?.en ?? "", /unmerge/);
  });

  it("keeps the chosen agency when the same sheet is found again, and forgets report details of another", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: B }));
    w.flow.agencyDetails({ name: B, province: "กระบี่" });
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด" })); // found again, no agency named
    assert.equal(w.state.table?.agency, B);
    assert.deepEqual(w.state.agency, { name: B, province: "กระบี่" });
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: A }));
    assert.equal(w.state.agency, undefined);
  });

  it("names each agency's results sheet after it, so one agency's results never replace another's", async () => {
    const book = new MemoryWorkbook([{ name: "จังหวัด", rows: provinceRows(), merged: [] }]);
    const w = wizardOn(book);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: A }));
    const first = await liveTotal(book, w);
    await restoreTable(w, JSON.stringify({ sheet: "จังหวัด", agency: B }));
    const second = await liveTotal(book, w); // would throw SheetExistsError if the names were the same
    assert.notEqual(first.sheet, second.sheet);
  });
});
