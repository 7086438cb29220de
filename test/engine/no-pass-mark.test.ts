import { strict as assert } from "node:assert";
import { evaluateRows, summarise } from "../../src/engine/index.js";
import { NO_PASS_ROWS, noPassMarkRules } from "../support/no-pass-mark.js";

describe("evaluating rules without a pass mark", () => {
  const o = evaluateRows(noPassMarkRules(), NO_PASS_ROWS);
  if (!o.ok) throw new Error("does not evaluate");
  const e = o.evaluation;

  it("gives each indicator its score and no pass or fail", () => {
    assert.deepEqual(
      e.indicators.map((i) => [i.id, i.value.published, i.pass, i.result]),
      [
        ["1", 95, null, null],
        ["9", 60, null, null],
      ],
    );
  });

  it("still gives the total and the rating", () => {
    assert.equal(e.total.published, 81); // .6 × 95 + .4 × 60
    assert.equal(e.rating.label.th, "ต้องปรับปรุง");
  });

  it("leaves pass and result out of the JSON summary", () => {
    assert.deepEqual(summarise(e).indicators, { "1": { score: 95 }, "9": { score: 60 } });
  });
});
