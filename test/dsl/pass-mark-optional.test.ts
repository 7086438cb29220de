import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { NO_PASS_MARK } from "../support/no-pass-mark.js";

describe("rules without a pass mark", () => {
  it("check clean: `pass at` is optional (years before 2567 had no per-indicator pass label)", () => {
    const r = parseRules(NO_PASS_MARK);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      [],
    );
    assert.equal(r.model?.pass, null);
  });

  it("still report a second `pass at` statement", () => {
    const twice = NO_PASS_MARK.replace(
      /^(total .*\n)/m,
      '$1pass at 85 "ผ่าน" else "ไม่ผ่าน"\npass at 90 "ผ่าน" else "ไม่ผ่าน"\n',
    );
    const r = parseRules(twice);
    assert.ok(r.diagnostics.some((d) => d.code === "ITA-C011" && d.line === 13));
  });
});
