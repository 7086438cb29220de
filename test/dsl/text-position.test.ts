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
});
