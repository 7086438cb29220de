import { strict as assert } from "node:assert";
import { readNumber } from "../../src/engine/values.js";

describe("reading a number as staff type it", () => {
  it("reads thousands separators in their places", () => {
    assert.deepEqual(readNumber("1,234.5"), { kind: "number", value: 1234.5 });
  });

  it("refuses a decimal comma and says it is one", () => {
    assert.deepEqual(readNumber("9,5"), { kind: "invalid", text: "9,5", decimalComma: true });
    assert.deepEqual(readNumber("๘๕,๐๐"), { kind: "invalid", text: "๘๕,๐๐", decimalComma: true });
  });

  it("refuses commas out of place without calling them decimal", () => {
    assert.deepEqual(readNumber("1,2,3"), { kind: "invalid", text: "1,2,3" });
  });

  it("still reads spaces, Thai digits and a trailing percent", () => {
    assert.deepEqual(readNumber(" ๙๓.๖ %"), { kind: "number", value: 93.6 });
  });
});
