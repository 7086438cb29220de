import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import type { ScoringModel } from "../../src/dsl/model.js";
import { bundledText, bundledYears, type CompiledRules } from "../../src/engine/index.js";
import { compile } from "../../src/engine/compile.js";
import { evaluate, readScores } from "../../src/engine/evaluate.js";
import { evaluateGeneral, type ScoreValues } from "../../src/engine/evaluate.js";
import { compilePlan, evaluatePlanned } from "../../src/engine/plan.js";
import { MINI } from "../support/rules.js";
import { seedRows } from "../support/seed.js";

type Rules = CompiledRules<ScoringModel>;

/** A small deterministic generator, so a failure names an agency that can be reproduced. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/**
 * One agency's complete scores, each level given in a way staff give it: questions
 * mostly, sometimes a sub-indicator, an indicator or a whole tool as one figure;
 * half the agencies to two decimals, half unrounded.
 */
function agency(rules: Rules, next: () => number, a: number): ScoreValues {
  const values = new Float64Array(rules.slots.length).fill(Number.NaN);
  const level = 50 + next() * 50;
  const score = (): number => {
    const x = Math.min(100, Math.max(0, level + (next() - 0.5) * 40));
    return a % 2 ? Math.round(x * 100) / 100 : x;
  };
  for (const tool of rules.tools) {
    if (next() < 0.1) values[tool.slot] = score();
    for (const part of tool.indicators) {
      if (next() < 0.1) {
        values[part.slot] = score();
        continue;
      }
      for (const q of part.questions) values[q.slot] = score();
      for (const sub of part.subs) {
        if (next() < 0.2) values[sub.slot] = score();
        else for (const q of sub.questions) values[q.slot] = score();
      }
    }
  }
  return { values, where: new Array<string>(values.length).fill(""), problems: [] };
}

const allRules: [string, Rules][] = [
  ...bundledYears().map((y): [string, Rules] => [y, compile(parseRules(bundledText(y)!).model!)]),
  ["the mini fixture", compile(parseRules(MINI).model!)],
];

describe("the compiled tree plan", () => {
  for (const [name, rules] of allRules) {
    it(`gives the general path's tree, bit for bit, on 2,000 generated agencies (${name})`, () => {
      const plan = compilePlan(rules);
      const next = generator(Number.parseInt(name, 10) || 7);
      for (let a = 0; a < 2000; a++) {
        const input = agency(rules, next, a);
        const planned = evaluatePlanned(plan, input);
        const general = evaluateGeneral(rules, input);
        assert.ok(general.ok, `agency ${a}: ${JSON.stringify(general.problems)}`);
        assert.ok(planned, `agency ${a}: the plan did not apply to a complete agency`);
        assert.deepStrictEqual(planned, general.evaluation, `agency ${a}`);
      }
    });
  }

  it("gives the general path's tree for the seed agency", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    for (const file of ["scores.csv", "oit-items.csv"]) {
      const input = readScores(rules, seedRows(file));
      const general = evaluateGeneral(rules, input);
      assert.ok(general.ok);
      assert.deepStrictEqual(evaluate(rules, input), general);
    }
  });

  it("leaves an agency with a missing question to the general path, which names it", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    const input = readScores(rules, seedRows("oit-items.csv"));
    const values = input.values.slice();
    values[rules.tools[0]!.indicators[0]!.questions[0]!.slot] = Number.NaN;
    const gap = { ...input, values };
    assert.equal(evaluatePlanned(compilePlan(rules), gap), null);
    const out = evaluate(rules, gap);
    assert.ok(!out.ok);
    assert.deepStrictEqual(out, evaluateGeneral(rules, gap));
    assert.deepEqual(
      out.problems.map((p) => [p.code, p.tool, p.question]),
      [["missing", "IIT", "i1"]],
    );
  });

  it("leaves an indicator given together with one of its questions to the general path (a level conflict)", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    const input = readScores(rules, seedRows("oit-items.csv"));
    const values = input.values.slice();
    values[rules.tools[0]!.indicators[0]!.slot] = 90;
    const both = { ...input, values };
    assert.equal(evaluatePlanned(compilePlan(rules), both), null);
    const out = evaluate(rules, both);
    assert.deepStrictEqual(out, evaluateGeneral(rules, both));
    assert.ok(out.problems.some((p) => p.code === "level-conflict"));
  });

  it("keeps warnings about rows it skipped beside a complete evaluation", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    const rows = [...seedRows("oit-items.csv"), { tool: "XYZ", question: "q1", score: 50, where: "x.csv:99" }];
    const input = readScores(rules, rows);
    const out = evaluate(rules, input);
    assert.ok(out.ok);
    assert.deepStrictEqual(out, evaluateGeneral(rules, input));
    assert.deepEqual(
      out.problems.map((p) => p.code),
      ["unknown-tool"],
    );
  });
});
