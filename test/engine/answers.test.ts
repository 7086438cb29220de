import { strict as assert } from "node:assert";
import { scaleFor, scoreAnswers } from "../../src/engine/index.js";
import type { Scale } from "../../src/dsl/model.js";

const scale: Scale = {
  id: "likert4",
  label: { th: "", en: "" },
  answers: [
    { text: "มากที่สุด", code: "4", points: 100 },
    { text: "มาก", code: "3", points: 75 },
    { text: "น้อย", code: "2", points: 25 },
    { text: "น้อยที่สุดหรือไม่มีเลย", code: "1", points: 0 },
    { text: "ไม่ทราบ", points: null },
  ],
};
/** The scale as a question of the rules reads it: reverse-scored or not. */
const scaleOf = (s: Scale, reversed: boolean) =>
  scaleFor({ scales: [s] }, { id: "i1", indicator: "1", scale: s.id, reversed, weight: 1 })!;
const at = (...vs: (string | number | null)[]) => vs.map((value, i) => ({ value, where: `A${i + 2}` }));

describe("answers", () => {
  it("scores answers by label or code and skips don't-know rather than counting zero", () => {
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", at("มาก", 4, "ไม่ทราบ", "๔"));
    assert.deepEqual(r, { ok: true, score: 275 / 3, answered: 3, skipped: 1 });
  });

  it("reverses the points of a reverse-scored question", () => {
    const r = scoreAnswers(scaleOf(scale, true), "IIT", "i3", at("มากที่สุด", "น้อยที่สุดหรือไม่มีเลย"));
    assert.ok(r.ok);
    assert.equal(r.score, 50);
    const none = scoreAnswers(scaleOf(scale, true), "IIT", "i3", at("น้อยที่สุดหรือไม่มีเลย"));
    assert.ok(none.ok && none.score === 100);
  });

  it("ignores blank cells", () => {
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", at("", null, "มาก"));
    assert.ok(r.ok && r.score === 75 && r.answered === 1);
  });

  it("reports an answer that is not on the scale with its cell", () => {
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", at("มาก", "ดีมาก"));
    assert.equal(r.ok, false);
    assert.equal(r.ok ? "" : r.problems[0]!.where, "A3");
  });

  it("tells apart answers of the same length and end letters, each time they recur", () => {
    // "มาก" and "มกก" (a typo) share their length, first and last letters.
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", at("มาก", "มกก", "มาก", "มกก", " มาก "));
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.problems.map((p) => [p.where, p.code]), [
      ["A3", "unknown-answer"],
      ["A5", "unknown-answer"],
    ]);
  });

  it("reads the same answer typed as text, code and number alike across many cells", () => {
    const cells = at(...Array.from({ length: 300 }, (_, i) => ["มาก", "3", 3, " มาก", "๓"][i % 5]!));
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", cells);
    assert.deepEqual(r, { ok: true, score: 75, answered: 300, skipped: 0 });
  });

  it("reports a question nobody answered with a scored answer", () => {
    const r = scoreAnswers(scaleOf(scale, false), "IIT", "i1", at("ไม่ทราบ"));
    assert.equal(r.ok ? "" : r.problems[0]!.code, "no-answers");
  });
});
