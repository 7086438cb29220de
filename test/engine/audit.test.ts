import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { audit, bundledText, evaluateRows, loadRulesText, type PublishedFigures } from "../../src/engine/index.js";
import { seedRows } from "../support/seed.js";

const published = JSON.parse(readFileSync("examples/khlong-phon-2568/published.json", "utf8")) as PublishedFigures;

function findings(file: string) {
  const loaded = loadRulesText(bundledText("2568")!);
  assert.ok(loaded.ok);
  const out = evaluateRows(loaded.compiled, seedRows(file));
  assert.ok(out.ok);
  return audit(out.evaluation, published);
}

describe("audit of the seed's published figures", () => {
  it("finds indicator 3 published as 98.86 where its questions give 100.00", () => {
    const f = findings("scores.csv").find((x) => x.figure === "indicator 3");
    assert.deepEqual([f?.published, f?.recomputed], ["98.86", "100.00"]);
  });

  it("finds indicator 10 labelled ผ่านเกณฑ์ at 80", () => {
    assert.ok(findings("scores.csv").some((x) => x.figure === "indicator 10 result" && x.published === "ผ่านเกณฑ์"));
  });

  it("accepts indicator 6 published as 95.29 against 95.30 recomputed, within the rounding of the inputs", () => {
    assert.ok(!findings("scores.csv").some((x) => x.figure === "indicator 6"));
  });

  it("finds nothing else when OIT is taken at its published indicator scores", () => {
    assert.deepEqual(
      findings("scores.csv")
        .map((x) => x.figure)
        .sort(),
      ["indicator 10 result", "indicator 3"],
    );
  });

  it("finds that the OIT items the report lists give neither 100 nor 80 nor the total 93.60", () => {
    const figures = findings("oit-items.csv").map((x) => x.figure);
    for (const f of ["indicator 9", "indicator 10", "total"]) assert.ok(figures.includes(f), f);
  });
});
