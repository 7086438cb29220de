import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";
import { compile } from "../../src/engine/compile.js";
import { parseRules } from "../../src/dsl/index.js";
import { seedRows } from "../support/seed.js";
import { MINI } from "../support/rules.js";

function rules2568() {
  const loaded = loadRulesText(bundledText("2568")!);
  assert.ok(loaded.ok);
  return loaded.compiled;
}

function evaluated(rows: readonly ScoreRow[]) {
  const out = evaluateRows(rules2568(), rows);
  assert.ok(out.ok, JSON.stringify(out.problems));
  return out.evaluation;
}

const miniRules = () => compile(parseRules(MINI).model!);

describe("evaluate", () => {
  describe("the seed agency under the 2568 rules", () => {
    it("gives the tool scores recomputed from its question scores", () => {
      const e = evaluated(seedRows());
      assert.deepEqual(
        e.tools.map((t) => [t.id, t.value.published]),
        [
          ["IIT", 99.24],
          ["EIT1", 92.19],
          ["EIT2", 93.33],
          ["OIT", 90],
        ],
      );
    });

    it("gives the total 93.60 and the rating ผ่านดี", () => {
      const e = evaluated(seedRows());
      assert.equal(e.total.published, 93.6);
      assert.equal(e.rating.label.th, "ผ่านดี");
    });

    it("gives indicators 1–8 as recomputed from the questions, with indicator 3 at 100", () => {
      const e = evaluated(seedRows());
      assert.deepEqual(
        e.indicators.slice(0, 8).map((i) => i.value.published),
        [98.67, 98.86, 100, 98.86, 99.81, 95.3, 91.98, 91.01],
      );
    });

    it("labels indicator 10 at 80 ไม่ผ่านเกณฑ์", () => {
      const ten = evaluated(seedRows()).indicators.find((i) => i.id === "10")!;
      assert.equal(ten.result?.th, "ไม่ผ่านเกณฑ์");
    });

    it("rolls OIT items up through sub-indicators when items are given", () => {
      const e = evaluated(seedRows("oit-items.csv"));
      const byId = Object.fromEntries(e.indicators.map((i) => [i.id, i.value.published]));
      assert.equal(byId["9"], 95);
      assert.equal(byId["10"], 91.67);
    });
  });

  it("carries unrounded values and rounds only the published figure", () => {
    const e = evaluated(seedRows());
    const six = e.indicators.find((i) => i.id === "6")!;
    assert.notEqual(six.value.exact, six.value.published);
    assert.equal(six.value.published, 95.3);
  });

  it("publishes a mean that floating point makes 84.99999999999999 as 85.00, and passes it", () => {
    assert.ok((80.02 + 80.07 + 94.91) / 3 < 85);
    const scores: Record<string, number> = { i๑: 80.02, i๒: 80.07, i๓: 94.91 };
    const rows = seedRows().map((r) =>
      r.tool === "IIT" && String(r.question) in scores ? { ...r, score: scores[String(r.question)]! } : r,
    );
    const one = evaluated(rows).indicators[0]!;
    assert.equal(one.value.published, 85);
    assert.equal(one.result?.th, "ผ่านเกณฑ์");
  });

  it("reports a missing question naming tool and question, and computes nothing", () => {
    const rows = seedRows().filter((r) => !(r.tool === "EIT1" && String(r.question) === "e๔"));
    const out = evaluateRows(rules2568(), rows);
    assert.equal(out.ok, false);
    assert.deepEqual(
      out.problems.map((p) => [p.code, p.tool, p.question]),
      [["missing", "EIT1", "e4"]],
    );
  });

  it("reports text in a score cell with its place, never as zero", () => {
    const rows = seedRows().map((r) => (r.tool === "EIT1" && String(r.question) === "e๔" ? { ...r, score: "ดี" } : r));
    const out = evaluateRows(rules2568(), rows);
    assert.equal(out.ok, false);
    const p = out.problems[0]!;
    assert.equal(p.code, "not-a-number");
    assert.equal(p.where, "examples/khlong-phon-2568/scores.csv:20");
    assert.match(p.en, /EIT1 e4: "ดี" is not a number/);
  });

  it("reports a score above 100", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: 101 },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "o1", score: 90 },
    ]);
    assert.equal(out.ok, false);
    assert.equal(out.problems[0]!.code, "out-of-range");
  });

  it("reports a blank score cell as blank, not zero", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: "" },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "o1", score: 90 },
    ]);
    assert.equal(out.ok, false);
    assert.deepEqual(
      out.problems.map((p) => p.code),
      ["blank"],
    );
  });

  it("reports a question scored twice with both places", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: 90, where: "A:2" },
      { tool: "IIT", question: "I1", score: 91, where: "A:3" },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "o1", score: 90 },
    ]);
    assert.equal(out.ok, false);
    assert.match(out.problems[0]!.en, /also at A:2/);
  });

  it("warns about and ignores a row for a tool the rules do not have", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: 90 },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "o1", score: 90 },
      { tool: "XYZ", question: "x1", score: 10 },
    ]);
    assert.ok(out.ok);
    assert.deepEqual(
      out.problems.map((p) => [p.code, p.severity]),
      [["unknown-tool", "warning"]],
    );
  });

  it("refuses a score with a decimal comma rather than reading 9,5 as 95", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: "9,5", where: "s.csv:2" },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "o1", score: 90 },
    ]);
    assert.equal(out.ok, false);
    assert.equal(out.problems[0]!.code, "decimal-comma");
    assert.match(out.problems[0]!.en, /IIT i1: "9,5" has a decimal comma: write 9\.5/);
    assert.match(out.problems[0]!.th, /ใช้จุลภาคเป็นจุดทศนิยม/);
  });

  it("refuses an indicator given whole together with one of its questions, naming both rows", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "1", score: 90, where: "s.csv:2" },
      { tool: "IIT", question: "i2", score: 80, where: "s.csv:3" },
      { tool: "OIT", question: "o1", score: 90, where: "s.csv:4" },
    ]);
    assert.equal(out.ok, false);
    const p = out.problems.find((x) => x.code === "level-conflict")!;
    assert.equal(p.where, "s.csv:2");
    assert.match(p.en, /IIT 1: given as a whole and by its part i2 too \(at s\.csv:3\)/);
  });

  it("refuses a sub-indicator given whole together with its question", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "IIT", question: "i1", score: 90 },
      { tool: "IIT", question: "i2", score: 90 },
      { tool: "OIT", question: "9.1", score: 90, where: "s.csv:4" },
      { tool: "OIT", question: "o1", score: 70, where: "s.csv:5" },
    ]);
    assert.equal(out.ok, false);
    assert.deepEqual(
      out.problems.map((x) => [x.code, x.where]),
      [["level-conflict", "s.csv:4"]],
    );
  });

  it("accepts Thai digits, text numbers and loose tool spellings", () => {
    const out = evaluateRows(miniRules(), [
      { tool: "iit", question: "I๑", score: "๙๐.๐๐" },
      { tool: " IIT ", question: "i2", score: "90" },
      { tool: "OIT", question: "9.1", score: 90 },
    ]);
    assert.ok(out.ok, JSON.stringify(out.problems));
    assert.equal(out.evaluation.total.published, 90);
  });

  it("follows the weights in the rules file: changing a weight changes the total", () => {
    const rows: ScoreRow[] = [
      { tool: "IIT", question: "i1", score: 100 },
      { tool: "IIT", question: "i2", score: 100 },
      { tool: "OIT", question: "o1", score: 50 },
    ];
    const a = evaluateRows(miniRules(), rows);
    const changed = MINI.replace("weight 60%", "weight 20%").replace("weight 40 mean", "weight 80 mean");
    const b = evaluateRows(compile(parseRules(changed).model!), rows);
    assert.ok(a.ok && b.ok);
    assert.equal(a.evaluation.total.published, 80);
    assert.equal(b.evaluation.total.published, 60);
  });
});
