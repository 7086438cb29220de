import { strict as assert } from "node:assert";
import { bundledRules, evaluateRows, totalsOfRows, type CompiledRules, type ScoreRow } from "../../src/engine/index.js";
import { seedRows } from "../support/seed.js";

/** A bundled year's rules, compiled once by the engine's registry. */
function rules(year: string): CompiledRules {
  const compiled = bundledRules(year);
  if (!compiled) throw new Error(year);
  return compiled;
}
const R2568 = rules("2568");

/** The seed's rows with every score moved by a generated amount, kept within 0–100. */
function generated(seed: number): ScoreRow[] {
  let s = seed;
  const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return seedRows("oit-items.csv").map((r) => ({
    ...r,
    score: Math.min(100, Math.max(0, Number(r.score) + (next() - 0.5) * 40)),
  }));
}

describe("totals of rows", () => {
  it("gives the full evaluation's total, tool scores and rating on generated agencies", () => {
    for (let a = 0; a < 500; a++) {
      const rows = generated(a + 1);
      const lean = totalsOfRows(R2568, rows);
      const full = evaluateRows(R2568, rows);
      assert.ok(lean.ok && full.ok, `agency ${a}`);
      assert.equal(lean.totals.total.published, full.evaluation.total.published, `agency ${a}`);
      assert.deepEqual(
        lean.totals.tools.map((t) => [t.id, t.value.published]),
        full.evaluation.tools.map((t) => [t.id, t.value.published]),
      );
      assert.equal(lean.totals.rating.row, full.evaluation.rating.row);
      assert.deepEqual(lean.totals.rating.label, full.evaluation.rating.label);
    }
  });

  it("answers a complete table without building the full result tree", () => {
    const out = totalsOfRows(R2568, seedRows("oit-items.csv"));
    assert.ok(out.ok);
    assert.ok(!("indicators" in out.totals));
    assert.equal(out.totals.total.published, 94.93);
  });

  it("gives the full evaluation's figures for a table giving OIT by indicator", () => {
    const rows = seedRows("scores.csv");
    const lean = totalsOfRows(R2568, rows);
    const full = evaluateRows(R2568, rows);
    assert.ok(lean.ok && full.ok);
    assert.equal(lean.totals.total.published, full.evaluation.total.published);
    assert.deepEqual(
      lean.totals.tools.map((t) => t.value.published),
      full.evaluation.tools.map((t) => t.value.published),
    );
    assert.deepEqual(lean.totals.rating.label, full.evaluation.rating.label);
  });

  it("keeps the warnings about rows it skipped", () => {
    const rows = [...seedRows("oit-items.csv"), { tool: "XYZ", question: "q1", score: 50, where: "x.csv:99" }];
    const out = totalsOfRows(R2568, rows);
    assert.ok(out.ok);
    assert.deepEqual(out.problems, evaluateRows(R2568, rows).problems);
  });

  const broken: [string, () => ScoreRow[]][] = [
    ["a missing question", () => seedRows("oit-items.csv").filter((r) => !(r.tool === "IIT" && r.question === "i1"))],
    [
      "a score that is not a number",
      () => seedRows("oit-items.csv").map((r, i) => (i === 3 ? { ...r, score: "ดี" } : r)),
    ],
    [
      "an indicator given together with one of its questions",
      () => [...seedRows("oit-items.csv"), { tool: "IIT", question: "1", score: 90, where: "x.csv:99" }],
    ],
    ["scores typed as fractions", () => seedRows("oit-items.csv").map((r) => ({ ...r, score: Number(r.score) / 100 }))],
    ["a tool not given", () => seedRows("oit-items.csv").filter((r) => r.tool !== "OIT")],
    [
      "a tool given whole instead of its questions",
      () => [...seedRows("oit-items.csv").filter((r) => r.tool !== "OIT"), { tool: "OIT", question: "", score: 90 }],
    ],
  ];
  for (const [what, rows] of broken) {
    it(`gives the full evaluation's problems and partial result for ${what}`, () => {
      const full = evaluateRows(R2568, rows());
      const out = totalsOfRows(R2568, rows());
      assert.ok(!full.ok && !out.ok);
      assert.deepStrictEqual(out, full);
    });
  }
});
