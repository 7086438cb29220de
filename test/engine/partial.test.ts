/**
 * Partial and tool-level data: what the rules allow is computed from the tools and
 * indicators present, and the outcome says what the total and rating still need.
 */
import { strict as assert } from "node:assert";
import {
  audit,
  bundledRules,
  evaluateRows,
  normaliseKey,
  type CompiledRules,
  type ScoreRow,
} from "../../src/engine/index.js";
import { scoreTotals, totalsProgram } from "../../src/engine/totals.js";
import { readScores } from "../../src/engine/evaluate.js";
import { seedRows } from "../support/seed.js";

/** A bundled year's rules, compiled once by the engine's registry. */
function rules(year: string): CompiledRules {
  const compiled = bundledRules(year);
  if (!compiled) throw new Error(year);
  return compiled;
}

const R2568 = rules("2568");
// The seed's OIT items as its report lists them (examples/khlong-phon-2568/oit-items.csv), without IIT or EIT.
const OIT_ITEMS = seedRows("oit-items.csv").filter((r) => r.tool === "OIT");

describe("partial data", () => {
  describe("a table of OIT items only (2568)", () => {
    const o = evaluateRows(R2568, OIT_ITEMS);

    it("computes nothing as a whole but gives the partial result", () => {
      assert.equal(o.ok, false);
      assert.ok(!o.ok && o.partial);
    });

    it("gives OIT and its indicators 9 = 95.00 and 10 = 91.67", () => {
      if (o.ok || !o.partial) throw new Error("no partial");
      assert.deepEqual(
        o.partial.tools.map((t) => [t.id, t.value.published]),
        [["OIT", 93.33]],
      );
      assert.deepEqual(
        o.partial.indicators.map((i) => [i.id, i.value.published]),
        [
          ["9", 95],
          ["10", 91.67],
        ],
      );
    });

    it("says the total and rating need IIT and EIT, in Thai and English", () => {
      if (o.ok || !o.partial) throw new Error("no partial");
      assert.equal(o.partial.total, null);
      assert.equal(o.partial.rating, null);
      assert.deepEqual(o.partial.missing.tools, ["IIT", "EIT1", "EIT2"]);
      assert.equal(o.partial.needs.th, "คะแนนรวมและระดับผลการประเมินยังคำนวณไม่ได้ ต้องมีคะแนน IIT, EIT1 และ EIT2 ด้วย");
      assert.equal(o.partial.needs.en, "the total and rating cannot be computed yet: they need IIT, EIT1 and EIT2");
    });

    it("reports each tool not given once, not each of its questions", () => {
      assert.deepEqual(
        o.problems.map((p) => [p.code, p.tool, p.question]),
        [
          ["not-given", "IIT", ""],
          ["not-given", "EIT1", ""],
          ["not-given", "EIT2", ""],
        ],
      );
    });

    it("audits what is published for what is present, and leaves the total alone", () => {
      if (o.ok || !o.partial) throw new Error("no partial");
      const findings = audit(o.partial, { total: 93.6, indicators: { "9": { score: 100 }, "1": { score: 98.67 } } });
      assert.deepEqual(
        findings.map((f) => f.figure),
        ["indicator 9"],
      );
    });
  });

  it("names the indicators a tool lacks when some of its indicators are given", () => {
    const seed = seedRows().filter(
      (r) => !(r.tool === "IIT" && ["i13", "i14", "i15"].includes(normaliseKey(r.question))),
    );
    const o = evaluateRows(R2568, seed);
    if (o.ok || !o.partial) throw new Error("no partial");
    assert.deepEqual(o.partial.missing, { tools: ["IIT"], indicators: ["5"] });
    assert.equal(o.partial.needs.en, "the total and rating cannot be computed yet: they need IIT (indicator 5)");
  });

  it("still refuses to compute anything when an indicator is only partly given", () => {
    const seed = seedRows().filter((r) => !(r.tool === "IIT" && normaliseKey(r.question) === "i1"));
    const o = evaluateRows(R2568, seed);
    assert.equal(o.ok, false);
    assert.ok(!o.ok && o.partial === undefined);
    assert.deepEqual(
      o.problems.map((p) => [p.code, p.question]),
      [["missing", "i1"]],
    );
  });
});

describe("tool-level rows", () => {
  const R2566 = rules("2566");
  // Illustrative tool scores: .3 × 97 + .3 × 91.7 + .4 × 98 = 95.81 (Thai PBS's published 2566 total).
  const rows: ScoreRow[] = [
    { tool: "IIT", question: "", score: 97 },
    { tool: "EIT", question: "EIT", score: 91.7 },
    { tool: "OIT", question: "รวม", score: 98 },
  ];

  it("a row with the tool and no question gives the whole tool's score: total and rating follow", () => {
    const o = evaluateRows(R2566, rows);
    if (o.ok || !o.partial) throw new Error("no partial");
    assert.equal(o.partial.total?.published, 95.81);
    assert.equal(o.partial.rating?.label.th, "ผ่านดี");
    assert.deepEqual(o.partial.missing.tools, []);
    assert.equal(
      o.partial.needs.en,
      "indicators 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 have no scores (their tool was given as a whole)",
    );
  });

  it("the lean totals path takes the same tool rows", () => {
    const p = totalsProgram(R2566);
    const tools = new Float64Array(3);
    const out = new Int32Array(1);
    const input = readScores(R2566, rows);
    const total = scoreTotals(p, input.values, tools, out, input.levels);
    assert.equal(total, 95.81);
    assert.equal(R2566.model.rating.rows[out[0]!]!.label.th, "ผ่านดี");
  });

  it("one tool given whole beside the others' questions gives a complete result with that tool's score", () => {
    const seed = seedRows().filter((r) => r.tool !== "OIT");
    const o = evaluateRows(R2568, [...seed, { tool: "OIT", question: "", score: 90 }]);
    if (o.ok || !o.partial) throw new Error("no partial");
    assert.equal(o.partial.total?.published, 93.6);
    assert.deepEqual(o.partial.missing.indicators, ["9", "10"]);
  });
});
