import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parseRules } from "../../src/dsl/index.js";
import { format } from "../../src/dsl/format.js";
import { MINI } from "../support/rules.js";

const REAL = ["2562", "2563", "2564", "2565", "2566", "2567", "2568"].map(
  (y) => [y, readFileSync(`rules/ita-${y}.ita`, "utf8")] as const,
);

function roundTrip(text: string): void {
  const first = parseRules(text);
  assert.ok(first.model, JSON.stringify(first.diagnostics.slice(0, 3)));
  const printed = format(first.ast);
  const second = parseRules(printed);
  assert.deepEqual(second.model, first.model);
  assert.equal(format(second.ast), printed, "format is idempotent");
}

describe("formatter", () => {
  for (const [year, text] of REAL) {
    it(`gives back the same model for the ${year} rules`, () => roundTrip(text));
  }

  it("keeps comments", () => {
    assert.match(format(parseRules(MINI).ast), /^# ทดสอบ$/m);
  });

  it("writes Thai digits as Arabic digits without changing the model", () => {
    assert.match(format(parseRules(MINI).ast), /year 2568/);
  });

  it("round-trips generated weights, thresholds and band edges", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (w, t) => {
        const text = MINI.replace("weight 60%", `weight ${w}%`)
          .replace("weight 40 mean", `weight ${100 - w} mean`)
          .replace("pass at 85", `pass at ${t}`);
        roundTrip(text);
      }),
      { numRuns: 50 },
    );
  });
});
