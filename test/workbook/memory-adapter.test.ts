import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type Evaluation } from "../../src/engine/index.js";
import { MemoryWorkbook, isErrorValue } from "../../src/workbook/memory-adapter.js";
import { SheetExistsError } from "../../src/workbook/port.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { buildEntrySheet } from "../../src/workbook/entry-sheet.js";
import { findScoreTable, type ScoreTable } from "../../src/workbook/score-table.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";
import { SEED_CSV } from "./support.js";

function seedBook(): MemoryWorkbook {
  const s = seedSheet(SEED_CSV);
  return new MemoryWorkbook([{ name: s.name, rows: s.rows, merged: s.merged }]);
}

async function tableOf(book: MemoryWorkbook, sheet: string): Promise<ScoreTable> {
  const r = findScoreTable(await book.readRange(sheet));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.table;
}

function evaluation(table: ScoreTable): Evaluation {
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("rules");
  const out = evaluateRows(loaded.compiled, table.rows);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.evaluation;
}

describe("the in-memory workbook", () => {
  it("reads the used range with value kinds and merged areas", async () => {
    const book = seedBook();
    const r = await book.readRange("คะแนน");
    assert.equal(r.topLeft, "A1");
    assert.equal(r.values.length, 38);
    assert.deepEqual(r.kinds[0], ["string", "empty", "empty"]);
    assert.deepEqual(r.merged, ["A1:C1"]);
    assert.deepEqual(await book.listSheets(), [{ name: "คะแนน", used: "A1:C38" }]);
  });

  it("computes the ITA formulas of a written results sheet with the real functions", async () => {
    const book = seedBook();
    const table = await tableOf(book, "คะแนน");
    // Cached values deliberately wrong: the workbook must compute, not echo them.
    const layout = buildResultsSheet({ evaluation: evaluation(table), rulesName: "2568", table });
    const spec = {
      ...layout.spec,
      rows: layout.spec.rows.map((r) =>
        r.map((c) => (c && typeof c === "object" ? { formula: c.formula, value: -1 } : c)),
      ),
    };
    await book.writeSheet(spec, { replace: false });
    const at = (a1: string): unknown => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      return book.shown(spec.name, Number(m[2]), m[1]!.charCodeAt(0) - 64);
    };
    assert.equal(at(layout.totalCell), 93.6);
    assert.equal(at(layout.ratingCell), "ผ่านดี");
    const tools = Array.from({ length: 4 }, (_, i) => [
      at(`A${layout.toolRows.first + i}`),
      at(`D${layout.toolRows.first + i}`),
    ]);
    assert.deepEqual(tools, [
      ["IIT", 99.24],
      ["EIT1", 92.19],
      ["EIT2", 93.33],
      ["OIT", 90],
    ]);
    assert.equal(at(`E${layout.indicatorRows.first}`), "ผ่านเกณฑ์");
  });

  it("recalculates the results when a score cell changes", async () => {
    const book = seedBook();
    const table = await tableOf(book, "คะแนน");
    const layout = buildResultsSheet({ evaluation: evaluation(table), rulesName: "2568", table });
    await book.writeSheet(layout.spec, { replace: false });
    book.setCell("คะแนน", "C37", 60); // OIT indicator 9: 100 → 60
    const total = book.shown(layout.spec.name, Number(layout.totalCell.slice(1)), 4);
    assert.ok(typeof total === "number" && total < 93.6, String(total));
    book.setCell("คะแนน", "C37", "ดี");
    const err = book.shown(layout.spec.name, Number(layout.totalCell.slice(1)), 4);
    assert.ok(isErrorValue(err) && err.error === "#VALUE!" && /C37|แถว 35/.test(err.message), JSON.stringify(err));
  });

  it("refuses to write over an existing sheet unless asked to replace it", async () => {
    const book = seedBook();
    await assert.rejects(book.writeSheet({ name: "คะแนน", rows: [["x"]] }, { replace: false }), SheetExistsError);
    assert.equal(book.shown("คะแนน", 4, 1), "IIT");
    await book.writeSheet({ name: "คะแนน", rows: [["x"]] }, { replace: true });
    assert.equal(book.shown("คะแนน", 4, 1), "");
  });

  it("writes a blank entry sheet that the score-table finder reads", async () => {
    const book = seedBook();
    const loaded = loadRulesText(bundledText("2568")!);
    if (!loaded.ok) throw new Error("rules");
    const spec = buildEntrySheet(loaded.compiled.model, "2568");
    await book.writeSheet(spec, { replace: false });
    const table = await tableOf(book, spec.name);
    assert.equal(table.headerRow, 3);
    assert.equal(table.rows.length, 15 + 9 + 9 + 28);
    assert.deepEqual(spec.validation?.[0]?.range, `D4:D${3 + 61}`);
  });

  it("keeps settings and selection", async () => {
    const book = seedBook();
    await book.setSetting("ITA.rules:ของเรา", "text");
    assert.deepEqual(await book.settingKeys("ITA.rules:"), ["ITA.rules:ของเรา"]);
    assert.equal(await book.getSetting("ITA.rules:ของเรา"), "text");
    await book.select("คะแนน", "C6");
    assert.deepEqual((await book.readSelection()).values, [["๙๗.๑๔"]]);
  });

  describe("standing in for an Excel build", () => {
    it("shows an array formula's top-left value in Excel 2019, which has no dynamic arrays, and spills it in 365", () => {
      const s = seedSheet(SEED_CSV);
      const old = new MemoryWorkbook([s], { build: "2019" });
      const now = new MemoryWorkbook([s]);
      for (const b of [old, now]) b.setCell(s.name, "E1", `=ITA.INDICATORS(A3:C38,"2568")`);
      assert.equal(old.shown(s.name, 1, 5), "ตัวชี้วัด");
      assert.equal(old.shown(s.name, 2, 5), "");
      assert.equal(now.shown(s.name, 2, 5), 1);
    });

    it("passes empty cells to the ITA functions as 0 when asked to, and as blank otherwise", () => {
      const s = seedSheet(SEED_CSV);
      const zero = new MemoryWorkbook([s], { blanksAsZero: true });
      const blank = new MemoryWorkbook([s]);
      for (const b of [zero, blank]) {
        b.setCell(s.name, "C4", ""); // IIT i1
        b.setCell(s.name, "E1", `=ITA.TOOL(A3:C38,"IIT","2568")`);
      }
      const z = zero.shown(s.name, 1, 5);
      const e = blank.shown(s.name, 1, 5);
      assert.ok(typeof z === "number" && z < 99.24, JSON.stringify(z));
      assert.ok(isErrorValue(e) && /ช่องคะแนนว่าง/.test(e.message), JSON.stringify(e));
    });

    it("counts blank cells with COUNTIFS as Excel does, the agency name taken literally", () => {
      const rows = [
        ["IIT", "i1", "", "a*"],
        ["IIT", "i2", 80, "a*"],
        ["", "", "", "a*"],
        ["IIT", "i3", "", "ab"],
      ];
      const book = new MemoryWorkbook([{ name: "S", rows }], { build: "2019", blanksAsZero: true });
      book.setCell("S", "F1", `=COUNTIFS(C1:C4,"",A1:A4,"<>")`);
      book.setCell("S", "F2", `=COUNTIFS(C1:C4,"",A1:A4,"<>",D1:D4,"=a~*")`);
      book.setCell("S", "F3", `=COUNTIFS(C1:C4,"",A1:A4,"<>",D1:D4,"=A*")`);
      assert.deepEqual([book.shown("S", 1, 6), book.shown("S", 2, 6), book.shown("S", 3, 6)], [2, 1, 2]);
    });
  });
});
