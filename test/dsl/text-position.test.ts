import { strict as assert } from "node:assert";
import { codeFrame, graphemeColumn, graphemeLength } from "../../src/dsl/text-position.js";
import { parseRules } from "../../src/dsl/index.js";
import { miniWith } from "../support/rules.js";

describe("text positions", () => {
  it("counts Thai vowels and tone marks above a consonant as no extra column", () => {
    assert.equal("ผ่านดีเยี่ยม".length, 12);
    assert.equal(graphemeLength("ผ่านดีเยี่ยม"), 8);
  });

  it("gives the visible column after Thai text", () => {
    const line = '  "ผ่านดีเยี่ยม" x';
    assert.equal(graphemeColumn(line, line.indexOf("x")), 14);
  });

  it("puts the caret under the offending word after Thai text", () => {
    const text = miniWith(
      '"ผ่านดี" when total >= 85 and every tool >= 85',
      '"ผ่านดี" when total >= 85 and every tool >= 85 and tool ไม่มี >= 1',
    );
    const d = parseRules(text).diagnostics.find((x) => x.code === "ITA-C003")!;
    const [line, marks] = codeFrame(text, d).split("\n");
    const start = marks!.indexOf("~");
    const visible = [...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(line!)].map((s) => s.segment);
    assert.equal(visible.slice(start, start + marks!.trim().length).join(""), "ไม่มี");
  });
});
