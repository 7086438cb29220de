import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { renderBundle, renderScoring } from "../../scripts/bundle-rules.js";
import { parseRules } from "../../src/dsl/index.js";
import { scoringPart } from "../../src/dsl/model.js";
import {
  bundledRules,
  bundledScoring,
  bundledText,
  bundledYears,
  evaluateRows,
  loadRulesText,
} from "../../src/engine/index.js";
import { rowsFromCsv } from "../../src/cli/score-csv.js";

describe("official rules files", () => {
  it("are bundled as they are on disk (run `npm run bundle-rules` after editing them)", () => {
    assert.equal(readFileSync("src/rules/bundled.ts", "utf8"), renderBundle("rules"));
  });

  it("are precompiled for scoring as they are on disk (run `npm run bundle-rules` after editing them)", () => {
    assert.equal(readFileSync("src/rules/scoring.ts", "utf8"), renderScoring("rules"));
  });

  it("each precompiled scoring model is the parsed model without its texts, Infinity bounds included", () => {
    const files = readdirSync("rules").filter((f) => /^ita-\d{4}\.ita$/.test(f));
    assert.deepEqual(bundledYears(), files.map((f) => f.slice(4, 8)).sort());
    for (const year of bundledYears()) {
      const parsed = parseRules(readFileSync(`rules/ita-${year}.ita`, "utf8")).model!;
      assert.deepStrictEqual(bundledScoring(year)!.model, scoringPart(parsed), year);
    }
  });

  it("years that share parts in the precompiled file get models that share no object", () => {
    const seen = new Set<object>();
    const walk = (value: unknown, year: string): void => {
      if (value === null || typeof value !== "object") return;
      assert.ok(!seen.has(value), `${year}: an object is shared`);
      seen.add(value);
      for (const v of Object.values(value)) walk(v, year);
    };
    for (const year of bundledYears()) walk(bundledScoring(year)!.model, year);
  });

  it("writes parts the years share once: 2562 to 2565 differ only in name and year", () => {
    const text = readFileSync("src/rules/scoring.ts", "utf8");
    const line = (year: string): string => text.split("\n").find((l) => l.startsWith(`  "${year}": `))!;
    assert.ok(line("2563").length < 600, `2563 is written as ${line("2563").length} characters`);
    assert.ok(text.length < readFileSync("src/rules/bundled.ts", "utf8").length / 5);
  });

  it("the seed agency scores the same from the precompiled 2568 model as from the parsed text", () => {
    const rows = rowsFromCsv(readFileSync("examples/khlong-phon-2568/scores.csv", "utf8"), "scores.csv");
    const parsed = loadRulesText(bundledText("2568")!);
    assert.ok(parsed.ok);
    const fromText = evaluateRows(parsed.compiled, rows);
    const fromModel = evaluateRows(bundledScoring("2568")!, rows);
    assert.ok(fromText.ok && fromModel.ok);
    assert.equal(fromModel.evaluation.total.published, 93.6);
    assert.deepStrictEqual(fromModel.evaluation, fromText.evaluation);
  });

  it("precompiled models leave out question texts, guidance and plans", () => {
    const ind = bundledScoring("2568")!.model.indicators.find((i) => i.id === "10")!;
    assert.ok(!("plans" in ind));
    assert.ok(ind.questions.length + ind.subindicators.length > 0);
    for (const q of [...ind.questions, ...ind.subindicators.flatMap((s) => s.questions)]) {
      assert.deepEqual(Object.keys(q).filter((k) => ["text", "maintain", "raise"].includes(k)), []);
    }
  });

  for (const year of ["2562", "2563", "2564", "2565", "2566", "2567", "2568"]) {
    it(`ita-${year}.ita checks with no error and no warning`, () => {
      const r = parseRules(readFileSync(`rules/ita-${year}.ita`, "utf8"));
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.model?.year, Number(year));
    });
  }

  it("offers 2562 to 2568", () => {
    assert.deepEqual(bundledYears(), ["2562", "2563", "2564", "2565", "2566", "2567", "2568"]);
  });

  it("2568 weighs IIT 30, EIT1 15, EIT2 15, OIT 40", () => {
    const m = parseRules(readFileSync("rules/ita-2568.ita", "utf8")).model!;
    assert.deepEqual(m.tools.map((t) => [t.id, t.weight]), [["IIT", 30], ["EIT1", 15], ["EIT2", 15], ["OIT", 40]]);
  });

  it("gives a bundled year's compiled rules, parsing its text once however often it is asked for", () => {
    const first = bundledRules(2565);
    assert.equal(first?.model.year, 2565);
    // The very object compiled the first time: a second parse would give a new one.
    assert.equal(bundledRules("2565"), first);
    assert.equal(bundledRules("๒๕๖๕"), first);
  });

  it("gives nothing for a year that is not bundled", () => {
    assert.equal(bundledRules(2559), undefined);
  });
});
