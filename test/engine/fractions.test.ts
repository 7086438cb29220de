/**
 * Scores typed into percent-formatted cells (0.95 for 95): refused with the first cell
 * named, by the same decision everywhere (evaluateRows, which the pane's Check and the
 * command line use, and the custom functions).
 */
import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";
import { fractionsProblem } from "../../src/engine/fractions.js";
import { readNumber } from "../../src/engine/values.js";
import { seedRows } from "../support/seed.js";

const loaded = loadRulesText(bundledText("2568")!);
if (!loaded.ok) throw new Error("2568");
const R2568 = loaded.compiled;

/** The seed's own scores divided by 100, as Excel holds them in cells formatted 0.00%. */
const asPercentCells = (rows: readonly ScoreRow[]): ScoreRow[] =>
  rows.map((r) => {
    const n = readNumber(r.score);
    return n.kind === "number" ? { ...r, score: n.value / 100 } : r;
  });

describe("scores typed as percentages", () => {
  it("refuses the seed's scores held as fractions, naming the first score's place", () => {
    const out = evaluateRows(R2568, asPercentCells(seedRows()));
    assert.equal(out.ok, false);
    const p = out.problems.find((x) => x.code === "fractions");
    assert.ok(p, "a fractions problem");
    assert.equal(p.severity, "error");
    assert.equal(p.where, seedRows()[0]!.where);
    assert.match(p.th, /ระหว่าง 0 ถึง 1.*เปอร์เซ็นต์/);
    assert.match(p.en, /formatted as percent \(95% is 0\.95\)/);
  });

  it("accepts the seed's scores as typed (0–100)", () => {
    const out = evaluateRows(R2568, seedRows());
    assert.equal(out.ok, true);
    assert.ok(!out.problems.some((x) => x.code === "fractions"));
  });

  it("does not call an all-zero table percentages (that is the blank-cell question, not this one)", () => {
    assert.equal(fractionsProblem(seedRows().map((r) => ({ ...r, score: 0 }))), null);
  });

  it("does not call a table percentages when one score is above 1", () => {
    const rows = asPercentCells(seedRows());
    rows[3] = { ...rows[3]!, score: 85 };
    assert.equal(fractionsProblem(rows), null);
  });

  it("reads past blank score cells when deciding", () => {
    const rows = asPercentCells(seedRows());
    rows.splice(1, 0, { tool: "IIT", question: "i2", score: "", where: "Scores!C99" });
    assert.equal(fractionsProblem(rows)?.code, "fractions");
  });
});
