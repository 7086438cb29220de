import { strict as assert } from "node:assert";
import fc from "fast-check";
import { bundledText, bundledYears, loadRulesText } from "../../src/engine/index.js";
import { isComplete, scoreTotals, totalsProgram } from "../../src/engine/totals.js";
import { evaluate, readScores } from "../../src/engine/evaluate.js";
import { seedRows } from "../support/seed.js";

describe("compiled totals", () => {
  const loaded = loadRulesText(bundledText("2568")!);
  assert.ok(loaded.ok);
  const rules = loaded.compiled;
  const program = totalsProgram(rules);
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
          assert.equal(scoreTotals(program, values, tools, row, undefined), full.evaluation.total.published);
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

  for (const year of bundledYears()) {
    it(`agrees with the full evaluation when sub-indicators, indicators or whole tools are given as one figure (${year})`, () => {
      const loadedYear = loadRulesText(bundledText(year)!);
      assert.ok(loadedYear.ok);
      const yearRules = loadedYear.compiled;
      const yearProgram = totalsProgram(yearRules);
      let seed = Number(year);
      const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const tools = new Float64Array(yearRules.tools.length);
      const row = new Int32Array(1);
      for (let a = 0; a < 500; a++) {
        const values = new Float64Array(yearRules.slots.length).fill(Number.NaN);
        const score = (): number => (a % 2 ? Math.round((40 + next() * 60) * 100) / 100 : 40 + next() * 60);
        for (const tool of yearRules.tools) {
          if (next() < 0.2) values[tool.slot] = score();
          for (const part of tool.indicators) {
            if (next() < 0.2) {
              values[part.slot] = score();
              continue;
            }
            for (const q of part.questions) values[q.slot] = score();
            for (const sub of part.subs) {
              if (next() < 0.3) values[sub.slot] = score();
              else for (const q of sub.questions) values[q.slot] = score();
            }
          }
        }
        const full = evaluate(yearRules, { values, where: [], problems: [] });
        assert.ok(full.ok, JSON.stringify(full.problems));
        assert.ok(isComplete(yearProgram, values), `agency ${a}`);
        assert.equal(
          scoreTotals(yearProgram, values, tools, row, undefined),
          full.evaluation.total.published,
          `agency ${a}`,
        );
        assert.deepEqual(
          [...tools],
          full.evaluation.tools.map((t) => t.value.published),
        );
        assert.equal(row[0], full.evaluation.rating.row);
      }
    });
  }
});
