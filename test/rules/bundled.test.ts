import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { renderBundle } from "../../scripts/bundle-rules.js";
import { parseRules } from "../../src/dsl/index.js";
import { bundledYears } from "../../src/engine/index.js";

describe("official rules files", () => {
  it("are bundled as they are on disk (run `npm run bundle-rules` after editing them)", () => {
    assert.equal(readFileSync("src/rules/bundled.ts", "utf8"), renderBundle("rules"));
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
});
