import { strict as assert } from "node:assert";
import { parseRules } from "../../../src/dsl/index.js";
import { makeDiagnostic } from "../../../src/dsl/diagnostics.js";
import {
  declaredIds,
  diagnosticRange,
  KEYWORD_WORDS,
  kindsAfter,
  tokenSpans,
} from "../../../src/taskpane/editor/spans.js";
import { MINI, miniWith, only } from "../../support/rules.js";

describe("rules editor: text positions and tokens", () => {
  describe("highlighting from the lexer", () => {
    it("gives keywords, ids, labels, numbers, operators and comments their category", () => {
      const text = 'tool IIT "ภายใน" weight 60% # หมายเหตุ';
      const got = tokenSpans(text).map((s) => [text.slice(s.from, s.to), s.cls]);
      assert.deepEqual(got, [
        ["tool", "keyword"],
        ["IIT", "id"],
        ['"ภายใน"', "string"],
        ["weight", "keyword"],
        ["60", "number"],
        ["%", "operator"],
        ["# หมายเหตุ", "comment"],
      ]);
    });

    it("reads Thai digits as a number and an unclosed quote as a string to the end of the line", () => {
      const text = 'year ๒๕๖๙\nassessment "ไม่ปิด';
      const got = tokenSpans(text).map((s) => [text.slice(s.from, s.to), s.cls]);
      assert.deepEqual(got, [
        ["year", "keyword"],
        ["๒๕๖๙", "number"],
        ["assessment", "keyword"],
        ['"ไม่ปิด', "string"],
      ]);
    });

    it("offers every keyword of the language as typed, half-up included", () => {
      for (const k of ["assessment", "half-up", "subindicators", "weighted", "every"])
        assert.ok(KEYWORD_WORDS.includes(k), k);
    });
  });

  describe("diagnostics under Thai text", () => {
    // "การปฏิบัติหน้าที่" is 17 UTF-16 units but 11 visible characters: vowels and tone marks sit above or below.
    const text = miniWith("tool IIT mean of questions {", "tool XYZ mean of questions {");
    const d = only(text, "ITA-C003");

    it("marks exactly the unknown id after a Thai label on the same line", () => {
      const r = diagnosticRange(text, d);
      assert.equal(text.slice(r.from, r.to), "XYZ");
    });

    it("counts the column a person sees, six fewer than the UTF-16 column after that label", () => {
      const r = diagnosticRange(text, d);
      const line = text.split("\n")[r.line - 1]!;
      assert.ok(line.startsWith('indicator 1 "การปฏิบัติหน้าที่" tool XYZ'));
      assert.equal(d.column, 38);
      assert.equal(r.column, 32);
    });

    it("never ends a mark between a Thai consonant and its tone mark", () => {
      const t = "xx ที่ yy";
      const at = t.indexOf("ที่");
      const r = diagnosticRange(t, makeDiagnostic("ITA-L001", { offset: at, length: 2, line: 1, column: at + 1 }));
      assert.equal(t.slice(r.from, r.to), "ที่");
    });

    it("puts a problem at the very end of the text on its last character", () => {
      const t = 'tool IIT "ภายใน" weight';
      const d2 = parseRules(t).diagnostics[0]!;
      const r = diagnosticRange(t, d2);
      assert.ok(r.from < t.length && r.to <= t.length && r.to > r.from);
    });
  });

  describe("completion", () => {
    it("finds the declared tools, indicators, questions and scales even while the text has errors", () => {
      const broken = `${MINI}\ntool`;
      assert.ok(parseRules(broken).diagnostics.some((x) => x.severity === "error"));
      const ids = declaredIds(parseRules(broken).ast).map((x) => `${x.kind}:${x.id}`);
      for (const id of ["tool:IIT", "tool:OIT", "indicator:1", "subindicator:9.1", "question:o1", "scale:yesno"]) {
        assert.ok(ids.includes(id), id);
      }
    });

    it("offers only scales after `scale` and only tools after `tools`", () => {
      assert.deepEqual(kindsAfter("scale"), ["scale"]);
      assert.deepEqual(kindsAfter("tools"), ["tool"]);
      assert.equal(kindsAfter("question"), undefined);
    });
  });
});
