import { strict as assert } from "node:assert";
import { evaluateRows, type ScoreRow } from "../../src/engine/index.js";
import { compile } from "../../src/engine/compile.js";
import { parseRules } from "../../src/dsl/index.js";
import { MINI } from "../support/rules.js";

const rules = () => compile(parseRules(MINI).model!);
const rows = (iit: number, oit: number): ScoreRow[] => [
  { tool: "IIT", question: "i1", score: iit },
  { tool: "IIT", question: "i2", score: iit },
  { tool: "OIT", question: "o1", score: oit },
];

function rating(iit: number, oit: number) {
  const out = evaluateRows(rules(), rows(iit, oit));
  assert.ok(out.ok);
  return out.evaluation.rating;
}

describe("rating", () => {
  it("gives the top row when every condition of it holds", () => {
    assert.equal(rating(96, 95).label.th, "ผ่านดีเยี่ยม");
  });

  it("drops to ผ่าน when one tool is below 85 although the total is above 85", () => {
    assert.equal(rating(100, 80).label.th, "ผ่าน");
  });

  it("rates 84.99 ต้องปรับปรุง and 85.00 ผ่านดี at the band edge", () => {
    assert.equal(rating(84.99, 84.99).label.th, "ต้องปรับปรุง");
    assert.equal(rating(85, 85).label.th, "ผ่านดี");
  });

  it("rates on the published total: 84.995 rounds half-up to 85.00", () => {
    assert.equal(rating(84.995, 84.995).label.th, "ผ่านดี");
  });

  it("explains the next band up by tool and indicator, with the points missing", () => {
    const up = rating(100, 80).nextUp!;
    assert.equal(up.label.th, "ผ่านดี");
    assert.deepEqual(
      up.shortfalls.map((s) => [s.subject, s.id, s.gap]),
      [
        ["tool", "OIT", 5],
        ["indicator", "9", 5],
      ],
    );
  });

  it("words each shortfall in Thai and English with the points at the published precision", () => {
    const [tool, indicator] = rating(100, 80).nextUp!.shortfalls;
    assert.equal(tool!.th, "แบบวัด OIT ได้ 80.00 ต้องได้อย่างน้อย 85.00 (ขาด 5.00)");
    assert.equal(tool!.en, "tool OIT scored 80.00, needs at least 85.00 (5.00 short)");
    assert.match(indicator!.en, /^indicator 9 .* \(OIT\) scored 80\.00, 5\.00 below 85\.00$/);
  });

  it("writes a shortfall as JSON with its sentences, as a plain object", () => {
    const [tool] = rating(100, 80).nextUp!.shortfalls;
    assert.deepEqual(JSON.parse(JSON.stringify(tool)), {
      subject: "tool",
      id: "OIT",
      current: 80,
      target: 85,
      gap: 5,
      th: tool!.th,
      en: tool!.en,
    });
  });

  it("has no next band above the top row", () => {
    assert.equal(rating(100, 100).nextUp, null);
  });
});
