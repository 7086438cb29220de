import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import type { ScoringModel } from "../../src/dsl/model.js";
import {
  bundledText,
  bundledYears,
  evaluateRows,
  type CompiledRules,
  type Evaluation,
  type ScoreRow,
} from "../../src/engine/index.js";
import { compile } from "../../src/engine/compile.js";
import { evaluate, readScores } from "../../src/engine/evaluate.js";
import { compilePlan, evaluatePlanned } from "../../src/engine/plan.js";
import { passes } from "../../src/engine/publish.js";
import { MINI, miniWith } from "../support/rules.js";
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
function agency(rules: Rules, next: () => number, a: number): Float64Array {
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
  return values;
}

/** The slot values as the score rows a sheet or CSV would give. */
function rowsOf(rules: Rules, values: Float64Array): ScoreRow[] {
  const rows: ScoreRow[] = [];
  values.forEach((score, slot) => {
    if (!Number.isNaN(score)) rows.push({ tool: rules.slots[slot]!.tool, question: rules.slots[slot]!.id, score });
  });
  return rows;
}

/**
 * The general path (everything the plan does not take) gives the same figures as the
 * plan on what both compute: without tool `tool`'s rows, it computes the other tools
 * and the indicators they alone measure; with the tool given whole at its exact score,
 * also the total and rating (the rating's explanation less the tool's indicators, not computed).
 */
function assertGeneralAgrees(rules: Rules, rows: readonly ScoreRow[], tree: Evaluation, tool: string, a: number): void {
  const others = rows.filter((r) => r.tool !== tool);
  const measured = (id: string): boolean => rules.model.indicators.find((i) => i.id === id)!.tools.includes(tool);
  const without = evaluateRows(rules, others);
  assert.ok(!without.ok && without.partial, `agency ${a} without ${tool}: no partial result`);
  assert.deepStrictEqual(
    without.partial.tools,
    tree.tools.filter((t) => t.id !== tool),
    `agency ${a} without ${tool}: tools`,
  );
  assert.deepStrictEqual(
    without.partial.indicators,
    tree.indicators.filter((i) => !measured(i.id)),
    `agency ${a} without ${tool}: indicators`,
  );

  const exact = tree.tools.find((t) => t.id === tool)!.value.exact;
  const whole = evaluateRows(rules, [...others, { tool, question: "", score: exact }]);
  assert.ok(!whole.ok && whole.partial?.total && whole.partial.rating, `agency ${a} with ${tool} whole`);
  assert.deepStrictEqual(whole.partial.total, tree.total, `agency ${a} with ${tool} whole: total`);
  const { nextUp, ...rating } = whole.partial.rating;
  const { nextUp: treeNextUp, ...treeRating } = tree.rating;
  assert.deepStrictEqual(rating, treeRating, `agency ${a} with ${tool} whole: rating`);
  const explained = (up: Evaluation["rating"]["nextUp"]) =>
    up && {
      ...up,
      shortfalls: up.shortfalls.filter((s) => s.subject !== "indicator" || !measured(s.id)).map((s) => s.th),
    };
  assert.deepStrictEqual(explained(nextUp), explained(treeNextUp), `agency ${a} with ${tool} whole: explanation`);
}

const allRules: [string, Rules][] = [
  ...bundledYears().map((y): [string, Rules] => [y, compile(parseRules(bundledText(y)!).model!)]),
  ["the mini fixture", compile(parseRules(MINI).model!)],
];

describe("the compiled tree plan", () => {
  for (const [name, rules] of allRules) {
    it(`gives the general path's figures, bit for bit, on 300 generated agencies (${name})`, () => {
      const next = generator(Number.parseInt(name, 10) || 7);
      for (let a = 0; a < 300; a++) {
        const rows = rowsOf(rules, agency(rules, next, a));
        const planned = evaluateRows(rules, rows);
        assert.ok(planned.ok, `agency ${a}: ${JSON.stringify(planned.problems)}`);
        for (const tool of rules.tools) assertGeneralAgrees(rules, rows, planned.evaluation, tool.id, a);
      }
    });
  }

  it("takes every complete agency, each level given in any of the ways staff give it", () => {
    for (const [name, rules] of allRules) {
      const plan = compilePlan(rules);
      const next = generator(Number.parseInt(name, 10) || 7);
      for (let a = 0; a < 300; a++) {
        const values = agency(rules, next, a);
        const input = { values, where: new Array<string>(values.length).fill(""), problems: [] };
        assert.ok(evaluatePlanned(plan, input), `${name}, agency ${a}`);
      }
    }
  });

  it("gives the general path's figures for the seed agency", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    for (const file of ["scores.csv", "oit-items.csv"]) {
      const rows = seedRows(file);
      const planned = evaluateRows(rules, rows);
      assert.ok(planned.ok);
      for (const tool of rules.tools) assertGeneralAgrees(rules, rows, planned.evaluation, tool.id, 0);
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
    assert.ok(!out.ok);
    assert.ok(out.problems.some((p) => p.code === "level-conflict"));
  });

  it("decides the pass mark on an indicator the rules do not round as on a rounded one: at its published precision", () => {
    const rules = compile(
      parseRules(miniWith("publish question, indicator, tool, total", "publish question, tool, total")).model!,
    );
    for (const score of [84.994, 84.995, 84.996, 85.004]) {
      const out = evaluateRows(rules, [
        { tool: "IIT", question: "i1", score },
        { tool: "IIT", question: "i2", score },
        { tool: "OIT", question: "o1", score: 90 },
      ]);
      assert.ok(out.ok);
      const indicator = out.evaluation.indicators[0]!;
      assert.equal(indicator.value.published, score, "the indicator is not rounded");
      assert.equal(indicator.pass, score >= 84.995, `${score}`);
      assert.equal(indicator.pass, passes(rules.model, score));
    }
  });

  it("keeps warnings about rows it skipped beside a complete evaluation", () => {
    const rules = allRules.find(([n]) => n === "2568")![1];
    const rows = [...seedRows("oit-items.csv"), { tool: "XYZ", question: "q1", score: 50, where: "x.csv:99" }];
    const input = readScores(rules, rows);
    const out = evaluate(rules, input);
    assert.ok(out.ok);
    const alone = evaluateRows(rules, seedRows("oit-items.csv"));
    assert.ok(alone.ok);
    assert.deepStrictEqual(out.evaluation, alone.evaluation);
    assert.deepEqual(
      out.problems.map((p) => p.code),
      ["unknown-tool"],
    );
  });
});
