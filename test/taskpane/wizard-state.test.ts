import { strict as assert } from "node:assert";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { restoreTable } from "../../src/taskpane/wizard/data.js";
import { CHOICE_DATA } from "../../src/taskpane/choices.js";
import { Wizard } from "../../src/taskpane/wizard/wizard.js";
import type { PaneContext } from "../../src/taskpane/context.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";
import { SEED_CSV } from "../workbook/support.js";

function wizardOn(book: MemoryWorkbook): Wizard {
  const ctx: PaneContext = { port: book, lang: () => "th", t: (th) => th, onRulesChanged: () => undefined };
  // No DOM here: only state is exercised, nothing renders.
  return new Wizard({} as HTMLElement, ctx, { say: () => undefined, progress: () => undefined });
}

describe("the wizard's choices kept in the workbook", () => {
  const seed = seedSheet(SEED_CSV);
  const book = (): MemoryWorkbook => new MemoryWorkbook([{ name: seed.name, rows: seed.rows, merged: seed.merged }]);

  it("finds the score table again where the workbook's setting says it was", async () => {
    const b = book();
    await b.setSetting(CHOICE_DATA, JSON.stringify({ sheet: "คะแนน" }));
    const w = wizardOn(b);
    await restoreTable(w, (await b.getSetting(CHOICE_DATA))!);
    assert.equal(w.state.table?.range, "A3:C38");
    assert.deepEqual(w.state.source, { sheet: "คะแนน" });
  });

  it("ignores a setting naming a sheet that is gone or text that is not a place", async () => {
    const w = wizardOn(book());
    await restoreTable(w, JSON.stringify({ sheet: "ลบไปแล้ว" }));
    await restoreTable(w, "not json");
    assert.equal(w.state.table, undefined);
  });
});
