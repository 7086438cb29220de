import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
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

  for (const file of readdirSync("rules").filter((f) => f.endsWith(".ita"))) {
    it(`prints the bundled ${file} unchanged: the bundled files are canonical`, () => {
      const text = readFileSync(`rules/${file}`, "utf8");
      assert.equal(format(parseRules(text).ast), text);
    });
  }

  it("keeps the indentation inside a comment (a list and its continuation lines)", () => {
    const text = MINI.replace("# ทดสอบ\n", "# แหล่งที่มา:\n#  - ข้อหนึ่ง\n#    ต่อบรรทัด\n");
    assert.match(format(parseRules(text).ast), /^# แหล่งที่มา:\n# {2}- ข้อหนึ่ง\n# {4}ต่อบรรทัด\nassessment/m);
  });

  it("keeps the blank line between a comment block and the statement after it", () => {
    const text = MINI.replace("total weighted mean of tools", "# วิธีรวม\n\ntotal weighted mean of tools");
    assert.match(format(parseRules(text).ast), /\n\n# วิธีรวม\n\ntotal weighted mean of tools\n/);
  });

  it("puts no blank line between a comment and the statement it sits on", () => {
    const text = MINI.replace("total weighted mean of tools", "# วิธีรวม\ntotal weighted mean of tools");
    assert.match(format(parseRules(text).ast), /\n# วิธีรวม\ntotal weighted mean of tools\n/);
  });

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
