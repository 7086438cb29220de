import { strict as assert } from "node:assert";
import { bundledText, itemWorths, loadRulesText } from "../../src/engine/index.js";

function compiled(year: string) {
  const l = loadRulesText(bundledText(year)!);
  if (!l.ok) throw new Error(year);
  return l.compiled;
}

describe("what each item is worth in the total", () => {
  it("follows the roll-up: a 2564 item of 9.1 (nine items) is 40 × 1/2 × 1/5 × 1/9 points", () => {
    const w = itemWorths(compiled("2564"), "OIT");
    const o1 = w.find((x) => x.question === "o1")!;
    assert.ok(Math.abs(o1.worth - 40 / 2 / 5 / 9) < 1e-12);
    assert.equal(o1.subindicator, "9.1");
  });

  it("a 2564 item of 10.2 (two items) is 40 × 1/2 × 1/2 × 1/2, one of 10.1 (eight items) 40 × 1/2 × 1/2 × 1/8", () => {
    const w = itemWorths(compiled("2564"), "OIT");
    const by = (q: string): number => w.find((x) => x.question === q)!.worth;
    assert.ok(Math.abs(by("o42") - 5) < 1e-12);
    assert.ok(Math.abs(by("o34") - 1.25) < 1e-12);
  });

  it("every tool's items sum to its weight", () => {
    const c = compiled("2568");
    for (const t of c.model.tools) {
      const sum = itemWorths(c, t.id).reduce((a, x) => a + x.worth, 0);
      assert.ok(Math.abs(sum - t.weight) < 1e-9, `${t.id}: ${sum}`);
    }
  });
});
