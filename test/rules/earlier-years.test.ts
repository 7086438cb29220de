/**
 * The bundled years before 2566 (letter bands AA–F, one EIT tool, IIT/EIT/OIT 30/30/40,
 * no per-indicator pass mark): each scores a table of its own structure. The scores
 * are illustrative, made up to exercise the rules, not any agency's.
 */
import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";

const YEARS = ["2562", "2563", "2564", "2565"];

function compiled(year: string) {
  const l = loadRulesText(bundledText(year)!);
  if (!l.ok) throw new Error(`${year} does not check`);
  return l.compiled;
}

/** Every question of every tool: IIT i1–i15 at 90, EIT e1–e15 at 80, OIT o1–o43 at 100 except o42 = 0. */
function questionRows(): ScoreRow[] {
  return [
    ...Array.from({ length: 15 }, (_, k) => ({ tool: "IIT", question: `i${k + 1}`, score: 90 })),
    ...Array.from({ length: 15 }, (_, k) => ({ tool: "EIT", question: `e${k + 1}`, score: 80 })),
    ...Array.from({ length: 43 }, (_, k) => ({ tool: "OIT", question: `o${k + 1}`, score: k + 1 === 42 ? 0 : 100 })),
  ];
}

describe("earlier years 2562–2565", () => {
  for (const year of YEARS) {
    describe(year, () => {
      const c = compiled(year);

      it("has three tools weighted 30/30/40, one EIT", () => {
        assert.deepEqual(
          c.model.tools.map((t) => [t.id, t.weight]),
          [
            ["IIT", 30],
            ["EIT", 30],
            ["OIT", 40],
          ],
        );
      });

      it("has no per-indicator pass mark and rates by the letters AA–F", () => {
        assert.equal(c.model.pass, null);
        assert.deepEqual(
          c.model.rating.rows.map((r) => r.label.th),
          ["AA", "A", "B", "C", "D", "E", "F"],
        );
      });

      it("scores every question of its own structure, OIT through its sub-indicators", () => {
        const o = evaluateRows(c, questionRows());
        assert.ok(o.ok, JSON.stringify(o.problems.slice(0, 3)));
        const e = o.evaluation;
        // 10.2 is o42–o43: (0 + 100) / 2 = 50; 10.1 = 100; indicator 10 = 75; OIT = (100 + 75) / 2.
        assert.equal(e.indicators.find((i) => i.id === "10")!.value.published, 75);
        assert.deepEqual(
          e.tools.map((t) => t.value.published),
          [90, 80, 87.5],
        );
        // .3 × 90 + .3 × 80 + .4 × 87.5 = 86
        assert.equal(e.total.published, 86);
        assert.equal(e.rating.label.th, "A");
      });
    });
  }

  it("2565 puts 94.99 in A and 95.00 in AA, on the total alone", () => {
    const c = compiled("2565");
    const rows = (iit: number): ScoreRow[] => [
      ...["1", "2", "3", "4", "5"].map((q) => ({ tool: "IIT", question: q, score: iit })),
      ...["6", "7", "8"].map((q) => ({ tool: "EIT", question: q, score: 100 })),
      ...["9", "10"].map((q) => ({ tool: "OIT", question: q, score: 100 })),
    ];
    const rate = (iit: number): string => {
      const o = evaluateRows(c, rows(iit));
      if (!o.ok) throw new Error("does not evaluate");
      return `${o.evaluation.total.published} ${o.evaluation.rating.label.th}`;
    };
    // IIT 83.30: .3 × 83.3 + 30 + 40 = 94.99; IIT 83.34: 95.002 → 95.00. IIT under 85 does not matter.
    assert.equal(rate(83.3), "94.99 A");
    assert.equal(rate(83.34), "95 AA");
  });
});
