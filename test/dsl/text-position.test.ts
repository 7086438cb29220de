import { strict as assert } from "node:assert";
import { graphemeColumn, graphemeLength } from "../../src/dsl/text-position.js";

describe("text positions", () => {
  it("counts Thai vowels and tone marks above a consonant as no extra column", () => {
    assert.equal("ผ่านดีเยี่ยม".length, 12);
    assert.equal(graphemeLength("ผ่านดีเยี่ยม"), 8);
  });

  it("gives the visible column after Thai text", () => {
    const line = '  "ผ่านดีเยี่ยม" x';
    assert.equal(graphemeColumn(line, line.indexOf("x")), 14);
  });

  // graphemeLength counts ASCII and Thai itself (ICU's segmenter takes 40–50 ms to make at start-up).
  const icu = new Intl.Segmenter("th", { granularity: "grapheme" });
  const icuLength = (text: string): number => [...icu.segment(text)].length;
  const range = (from: number, to: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
  const thai = range(0x0e01, 0x0e5b);

  it("counts every pair of ASCII and Thai characters as Unicode's grapheme rules do", () => {
    const chars = [...range(0x20, 0x7e), ...thai];
    const wrong = chars.flatMap((a) => chars.map((b) => a + b)).filter((t) => graphemeLength(t) !== icuLength(t));
    assert.deepEqual(wrong, []);
  });

  it("counts Thai marks in a row after a consonant, a space or nothing as Unicode's grapheme rules do", () => {
    const texts = ["", " ", "ก", "a"].flatMap((first) => thai.flatMap((b) => thai.map((c) => first + b + c)));
    assert.deepEqual(
      texts.filter((t) => graphemeLength(t) !== icuLength(t)),
      [],
    );
  });

  it("counts other text (emoji with a skin tone, a combining accent, CR LF) by grapheme too", () => {
    assert.equal(graphemeLength("👍🏽 café\r\nผ่าน"), 10);
    assert.equal(graphemeLength("e\u0301ก่"), 2);
  });
});
