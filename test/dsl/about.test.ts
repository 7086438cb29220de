/**
 * `about "…"`: the text a report prints for the assessment's principles and each
 * tool's purpose. Optional, so files without it mean what they meant before.
 */
import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { format } from "../../src/dsl/format.js";
import { MINI, codes, miniWith } from "../support/rules.js";

const WITH_ABOUT = miniWith(
  'tool IIT "ภายใน" "Internal" weight 60% mean of indicators',
  'tool IIT "ภายใน" "Internal" weight 60% mean of indicators\n  about "แบบวัดภายใน\\nย่อหน้าที่สอง"',
).replace(/^(assessment [^\n]*)$/m, '$1 about "หลักการ “Open to Transparency”"');

describe("about texts in a rules file", () => {
  it("gives the assessment's and a tool's about text to the model", () => {
    const m = parseRules(WITH_ABOUT).model!;
    assert.equal(m.about, "หลักการ “Open to Transparency”");
    assert.equal(m.tools.find((t) => t.id === "IIT")!.about, "แบบวัดภายใน\nย่อหน้าที่สอง");
  });

  it("leaves the model of a file without about texts as it was", () => {
    const m = parseRules(MINI).model!;
    assert.ok(!("about" in m));
    assert.ok(m.tools.every((t) => !("about" in t)));
  });

  it("formats about on its own indented line and reads it back the same", () => {
    const printed = format(parseRules(WITH_ABOUT).ast);
    assert.match(printed, /^ {2}about "แบบวัดภายใน\\nย่อหน้าที่สอง"$/m);
    assert.deepEqual(parseRules(printed).model, parseRules(WITH_ABOUT).model);
  });

  it("reports about without its text as a syntax error on that line", () => {
    const text = WITH_ABOUT.replace('about "แบบวัดภายใน\\nย่อหน้าที่สอง"', "about");
    assert.deepEqual(codes(text), ["ITA-P001"]);
    assert.equal(parseRules(text).diagnostics[0]!.line, 12);
  });

  it("still accepts about as a name where a name is expected", () => {
    assert.ok(parseRules(miniWith('tool IIT "ภายใน"', 'tool about "ภายใน"').replace(/IIT/g, "about")).model);
  });
});
