/**
 * 2566's rating bands, held to the published 2566 results cited in rules/ita-2566.ita.
 * The agencies published their totals and bands, not their tool scores, so each case
 * splits its total over the tools in one way consistent with the published band
 * (illustrative tool scores; the totals and bands are real).
 */
import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";

const loaded = loadRulesText(bundledText("2566")!);
if (!loaded.ok) throw new Error("2566 rules do not check");
const compiled = loaded.compiled;

/** Indicator-level rows: IIT 1–5, EIT 6–8, OIT 9–10. */
function rows(iit: number[], eit: number[], oit: number[]): ScoreRow[] {
  return [
    ...iit.map((score, k) => ({ tool: "IIT", question: String(k + 1), score })),
    ...eit.map((score, k) => ({ tool: "EIT", question: String(k + 6), score })),
    ...oit.map((score, k) => ({ tool: "OIT", question: String(k + 9), score })),
  ];
}

function rated(r: ScoreRow[]): { total: number; rating: string } {
  const o = evaluateRows(compiled, r);
  assert.ok(o.ok, JSON.stringify(o.problems));
  return { total: o.evaluation.total.published, rating: o.evaluation.rating.label.th };
}

describe("2566 rating bands (from the published 2566 results)", () => {
  it("uses the five bands NACC announced with the 2566 results, not AA–F", () => {
    assert.deepEqual(
      compiled.model.rating.rows.map((r) => r.label.th),
      ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"],
    );
  });

  it("NSM's 97.29 is ผ่านดี when a tool is under 95 (nsm.or.th node 54364)", () => {
    const r = rated(rows([99, 99, 99, 99, 99], [94, 94.9, 95], [98, 98]));
    assert.deepEqual(r, { total: 97.29, rating: "ผ่านดี" });
  });

  it("Thai PBS's 95.81 is ผ่านดี when a tool is under 95 (org.thaipbs.or.th content 5949)", () => {
    // IIT 97.00, EIT 91.70, OIT 98.00: 29.10 + 27.51 + 39.20 = 95.81.
    const r = rated(rows([97, 97, 97, 97, 97], [91.7, 91.7, 91.7], [98, 98]));
    assert.deepEqual(r, { total: 95.81, rating: "ผ่านดี" });
  });

  it("IPST's 86.78 is ผ่าน when a tool is under 85 (ipst.ac.th news 76226)", () => {
    const r = rated(rows([90, 90, 90, 90, 90], [79, 79.3, 79.5], [90, 90]));
    assert.deepEqual(r, { total: 86.78, rating: "ผ่าน" });
  });
});
