/**
 * Golden diagnostics, in the spirit of TypeScript's *.errors.txt baselines: each
 * broken rules file in test/fixtures/bad has a .errors.txt beside it holding every
 * diagnostic and the source with the span marked. UPDATE_GOLDEN=1 rewrites them.
 */
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseRules, formatDiagnostic } from "../../src/dsl/index.js";
import { codeFrame } from "../support/code-frame.js";
import { miniWith } from "../support/rules.js";

const dir = "test/fixtures/bad";

function render(name: string, text: string): string {
  const ds = parseRules(text).diagnostics;
  const header = ds.map((d) => formatDiagnostic(name, d));
  const frames = ds.map((d) => `${codeFrame(text, d)}\n!!! ${d.severity} ${d.code}: ${d.th}\n!!! ${d.en}`);
  return `${header.join("\n")}\n\n${frames.join("\n\n")}\n`;
}

describe("golden diagnostics", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ita"))) {
    it(`matches the baseline for ${file}`, () => {
      const actual = render(file, readFileSync(`${dir}/${file}`, "utf8"));
      const golden = `${dir}/${file.replace(/\.ita$/, ".errors.txt")}`;
      if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(golden)) writeFileSync(golden, actual);
      assert.equal(actual, readFileSync(golden, "utf8"));
    });
  }

  it("frames a diagnostic with the caret under the offending word after Thai text", () => {
    const text = miniWith(
      '"ผ่านดี" when total >= 85 and every tool >= 85',
      '"ผ่านดี" when total >= 85 and every tool >= 85 and tool ไม่มี >= 1',
    );
    const d = parseRules(text).diagnostics.find((x) => x.code === "ITA-C003")!;
    const [line, marks] = codeFrame(text, d).split("\n");
    const start = marks!.indexOf("~");
    const visible = [...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(line!)].map((s) => s.segment);
    assert.equal(visible.slice(start, start + marks!.trim().length).join(""), "ไม่มี");
  });
});
