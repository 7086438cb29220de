import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import {
  audit,
  bundledText,
  evaluateRows,
  jsonPath,
  loadRulesText,
  publishedProblems,
  type PublishedFigures,
} from "../../src/engine/index.js";
import { seedRows } from "../support/seed.js";

const published = JSON.parse(readFileSync("examples/khlong-phon-2568/published.json", "utf8")) as PublishedFigures;

function rules2568() {
  const loaded = loadRulesText(bundledText("2568")!);
  assert.ok(loaded.ok);
  return loaded.compiled;
}

function findings(file: string, figures: PublishedFigures = published) {
  const out = evaluateRows(rules2568(), seedRows(file));
  assert.ok(out.ok);
  return audit(out.evaluation, figures);
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

describe("published figures against the rules", () => {
  const problems = (pub: PublishedFigures) => publishedProblems(rules2568().model, pub);

  it("skips figures published as null instead of comparing them", () => {
    const figures: PublishedFigures = { ...published, indicators: { ...published.indicators, "3": null, "10": null } };
    assert.deepEqual(findings("scores.csv", figures), []);
  });

  it("judges a label given as `result` (as ita score --json writes it) when `pass` is absent", () => {
    const figures: PublishedFigures = { indicators: { "10": { score: 80, result: "ผ่านเกณฑ์" } } };
    assert.deepEqual(
      findings("scores.csv", figures).map((f) => f.figure),
      ["indicator 10 result"],
    );
  });

  it("names an indicator the rules do not have by its JSON path", () => {
    assert.deepEqual(
      problems({ indicators: { "11": { score: 90 } } }).map((p) => p.path),
      ['$.indicators["11"]'],
    );
  });

  it("matches tool ids without regard to case, as the audit does", () => {
    assert.deepEqual(problems({ tools: { iit: 99.24 } }), []);
  });

  it("finds nothing wrong with the seed's published file", () => {
    assert.deepEqual(problems(published), []);
  });

  it("writes JSON paths with identifiers bare and other keys quoted", () => {
    assert.equal(jsonPath(["tools", "EIT1"]), "$.tools.EIT1");
    assert.equal(jsonPath(["indicators", "9", "pass"]), '$.indicators["9"].pass');
    assert.equal(jsonPath(["indicators", 'a"b']), '$.indicators["a\\"b"]');
    assert.equal(jsonPath([]), "$");
  });
});
