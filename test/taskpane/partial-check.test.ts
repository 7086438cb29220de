import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { runCheck } from "../../src/taskpane/wizard/check.js";
import { restoreTable } from "../../src/taskpane/wizard/data.js";
import { Wizard } from "../../src/taskpane/wizard/wizard.js";
import { bundledChoices } from "../../src/taskpane/rules-check.js";
import type { PaneContext } from "../../src/taskpane/context.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";

// The seed's OIT items (examples/khlong-phon-2568/oit-items.csv, real figures), without IIT or EIT.
const OIT_CSV = readFileSync("examples/khlong-phon-2568/oit-items.csv", "utf8")
  .split("\n")
  .filter((l) => /^(tool|OIT),/.test(l))
  .join("\n");

describe("the Check step on a table of OIT items only", () => {
  it("keeps what the table gives (OIT) and what the total and rating still need", async () => {
    const sheet = seedSheet(OIT_CSV);
    const book = new MemoryWorkbook([{ name: sheet.name, rows: sheet.rows, merged: sheet.merged }]);
    const ctx: PaneContext = { port: book, lang: () => "th", t: (th) => th, onRulesChanged: () => undefined };
    // No DOM here: only state is exercised, nothing renders.
    const w = new Wizard(
      { setAttribute: () => undefined, removeAttribute: () => undefined } as unknown as HTMLElement,
      ctx,
      {
        say: () => undefined,
        progress: () => undefined,
      },
    );
    w.flow.rulesListed(bundledChoices(), "2568");
    w.flow.rulesChosen("2568");
    await restoreTable(w, JSON.stringify({ sheet: sheet.name }));
    await runCheck(w);
    assert.equal(w.state.error, undefined);
    assert.equal(w.state.evaluation, undefined);
    assert.deepEqual(
      w.state.partial?.tools.map((t) => [t.id, t.value.published]),
      [["OIT", 93.33]],
    );
    assert.equal(w.state.partial?.needs.th, "คะแนนรวมและระดับผลการประเมินยังคำนวณไม่ได้ ต้องมีคะแนน IIT, EIT1 และ EIT2 ด้วย");
  });
});
