/**
 * Packed score rows (src/cli/packed-rows.ts): what `ita report` holds of each agency
 * between reading and writing must give back the rows it was given, value for value.
 */
import { strict as assert } from "node:assert";
import type { ScoreRow } from "../../src/engine/index.js";
import { packRows, unpackRows } from "../../src/cli/packed-rows.js";

describe("packed score rows", () => {
  it("gives back sheet rows with numbers, texts and blanks exactly", () => {
    const rows: ScoreRow[] = [
      { tool: "IIT", question: "i1", score: 85, where: "คะแนน!D2" },
      { tool: "IIT", question: "i2", score: 85.5, where: "คะแนน!D3" },
      { tool: "EIT", question: 3, score: "ไม่มีข้อมูล", where: "คะแนน!D4" },
      { tool: "EIT", question: "3", score: null, where: "'It''s'!D1234567" },
      { tool: null, question: undefined, score: true, where: "scores.csv:12" },
      { tool: "OIT", question: "o1", score: -0 },
      { tool: "OIT", question: "o2", score: NaN, where: "x:012" },
      { tool: "OIT", question: "o3", score: "", where: "no number" },
    ];
    const back = unpackRows(packRows(rows));
    assert.deepStrictEqual(back, rows);
    assert.ok(Object.is(back[5]!.score, -0));
    assert.ok(!("where" in back[5]!));
  });

  it("packs a province's rows into typed arrays sharing repeated values", () => {
    const rows: ScoreRow[] = Array.from({ length: 200 }, (_, i) => ({
      tool: i % 2 ? "IIT" : "EIT",
      question: `q${i % 10}`,
      score: i,
      where: `คะแนน!D${i + 2}`,
    }));
    const packed = packRows(rows);
    assert.equal(packed.values.length, 12);
    assert.deepEqual(packed.prefixes, ["คะแนน!D"]);
    assert.deepStrictEqual(unpackRows(packed), rows);
  });
});
