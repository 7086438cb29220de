import { strict as assert } from "node:assert";
import { boundsToUnits, formatFixed, roundHalfUp, toUnits } from "../../src/dsl/precision.js";

describe("precision", () => {
  it("rounds half-up where binary floating point would round down (1.005 → 1.01)", () => {
    assert.equal(roundHalfUp(1.005, 2), 1.01);
    assert.equal(roundHalfUp(95.295, 2), 95.3);
  });

  it("turns floating-point noise below a band edge into the edge (84.99999999999999 → 85)", () => {
    assert.equal(roundHalfUp(84.99999999999999, 2), 85);
    assert.equal(toUnits(84.99999999999999, 2), 8500);
  });

  it("keeps a genuine 84.994 below the edge", () => {
    assert.equal(roundHalfUp(84.994, 2), 84.99);
  });

  it("reads NACC's closed ranges at the published precision", () => {
    assert.deepEqual(boundsToUnits({ min: 70, minInclusive: true, max: 84.99, maxInclusive: true }, 2), {
      lo: 7000,
      hi: 8499,
    });
    assert.deepEqual(boundsToUnits({ max: 85, maxInclusive: false, minInclusive: true }, 2), {
      lo: Number.NEGATIVE_INFINITY,
      hi: 8499,
    });
  });

  it("prints published figures with Thai digits when asked", () => {
    assert.equal(formatFixed(93.6, 2, true), "๙๓.๖๐");
  });
});
