import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  bundledText,
  compileTotals,
  evaluate,
  loadRulesText,
  readScores,
  scoreTotals,
} from "../../src/engine/index.js";
import { seedRows } from "../support/seed.js";

describe("compiled totals", () => {
  const loaded = loadRulesText(bundledText("2568")!);
  assert.ok(loaded.ok);
  const rules = loaded.compiled;
  const program = compileTotals(rules);
  const base = readScores(rules, seedRows("oit-items.csv"));

  it("agrees with the full evaluation on total, tools and rating for any scores in 0–100", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: base.values.length, maxLength: base.values.length }),
        (xs) => {
          const values = base.values.map((v, i) => (Number.isNaN(v) ? v : xs[i]! / 100));
          const full = evaluate(rules, { ...base, values });
          assert.ok(full.ok);
          const tools = new Float64Array(rules.tools.length);
          const row = new Int32Array(1);
          assert.equal(scoreTotals(program, values, tools, row), full.evaluation.total.published);
          assert.deepEqual(
            [...tools],
            full.evaluation.tools.map((t) => t.value.published),
          );
          assert.equal(row[0], full.evaluation.rating.row);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps every published score within 0–100 for any scores in 0–100", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: base.values.length,
          maxLength: base.values.length,
        }),
        (xs) => {
          const values = base.values.map((v, i) => (Number.isNaN(v) ? v : xs[i]!));
          const full = evaluate(rules, { ...base, values });
          assert.ok(full.ok);
          const e = full.evaluation;
          for (const x of [e.total, ...e.tools.map((t) => t.value), ...e.indicators.map((i) => i.value)]) {
            assert.ok(x.published >= 0 && x.published <= 100, String(x.published));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
