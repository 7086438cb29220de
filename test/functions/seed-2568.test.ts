import { strict as assert } from "node:assert";
import { ErrorCode, throwsExcel } from "./support.js";
import * as F from "../../src/functions/functions.js";
import { bundledText } from "../../src/engine/index.js";
import { resolveRules } from "../../src/functions/rules.js";

// The seed agency (เทศบาลตำบลคลองพน, ITA 2568) as its score sheet would be typed.
const IIT = [99.43, 99.43, 97.14, 99.43, 100, 97.14, 100, 100, 100, 96.57, 100, 100, 100, 99.43, 100];
const EIT1 = [92.5, 90.28, 100, 91.67, 90.56, 91.67, 90.28, 90.56, 92.22];
const EIT2 = [94, 95, 100, 91, 91, 96, 91, 91, 91];
const SEED: unknown[][] = [
  ["เครื่องมือ", "ข้อ", "คะแนน"],
  ...IIT.map((s, i) => ["IIT", `i${i + 1}`, s]),
  ...EIT1.map((s, i) => ["EIT1", `e${i + 1}`, s]),
  ...EIT2.map((s, i) => ["EIT2", `e${i + 1}`, s]),
  ["OIT", "9", 100],
  ["OIT", "10", 80],
];

describe("custom functions on the seed agency with the bundled 2568 rules", function () {
  before(function () {
    if (bundledText("2568") === undefined) this.skip();
  });

  it("TOTAL is 93.60 with the rules named and with the default (latest) rules", () => {
    assert.equal(F.total(SEED, 2568), 93.6);
    assert.equal(F.total(SEED, null), 93.6);
    assert.equal(F.total(SEED, "๒๕๖๘"), 93.6);
  });
  it("RATING is ผ่านดี", () => {
    assert.equal(F.rating(SEED, null), "ผ่านดี");
  });
  it("TOOL gives IIT 99.24, EIT1 92.19, EIT2 93.33, OIT 90.00", () => {
    assert.deepEqual(
      ["IIT", "EIT1", "EIT2", "OIT"].map((t) => F.tool(SEED, t, null)),
      [99.24, 92.19, 93.33, 90],
    );
  });
  it("INDICATOR takes OIT indicators given at indicator level", () => {
    assert.equal(F.indicator(SEED, 9, null), 100);
    assert.equal(F.indicator(SEED, 10, null), 80);
  });
  it("RESULT lists indicators 1–10 with 10 failing", () => {
    const rows = F.indicators(SEED, null);
    assert.equal(rows.length, 11);
    assert.deepEqual(rows[0], ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ประเด็น", "คะแนน", "ผลการประเมิน"]);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(rows.find((r) => r[0] === 6)![1], "EIT1, EIT2");
    assert.deepEqual(rows.find((r) => r[0] === 10)!.slice(3), [80, "ไม่ผ่านเกณฑ์"]);
  });
  it("GAP names what keeps the seed from ผ่านดีเยี่ยม", () => {
    const rows = F.gap(SEED, null);
    assert.ok(rows.length >= 1);
    for (const [text, gap] of rows) {
      assert.equal(typeof text, "string");
      assert.ok(typeof gap === "number" && gap > 0);
    }
  });
  it("BAND on the published figures agrees with RATING", () => {
    assert.equal(F.band(93.6, [[99.24, 92.19, 93.33, 90]], null), "ผ่านดี");
  });
  it("a missing OIT indicator is #N/A naming it", () => {
    throwsExcel(() => F.total(SEED.slice(0, -1), null), ErrorCode.notAvailable, /OIT \(indicator 10\)/);
  });
  // That a bundled year needs no parser at all is held by the build test (the functions' start-up holds no chevrotain).
  it("a recalculation compiles nothing: every way of naming the year gives the one compiled model", () => {
    const compiled = resolveRules(2568);
    for (let k = 0; k < 5; k++) {
      assert.equal(F.total(SEED, 2568), 93.6);
      assert.equal(resolveRules(2568), compiled);
      assert.equal(resolveRules("2568"), compiled);
      assert.equal(resolveRules("๒๕๖๘"), compiled);
      assert.equal(resolveRules(null), compiled); // the latest year when the argument is left out
    }
  });
});
