import { strict as assert } from "node:assert";
import { bundledText } from "../../src/engine/index.js";
import { resolveRules } from "../../src/functions/rules.js";
import { forgetRules } from "../support/functions-registry.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { describeBand, type Condition } from "../../src/dsl/runtime.js";
import { bundledChoices, workbookChoices } from "../../src/taskpane/rules-check.js";
import {
  checkedChoices,
  isProvisionalTool,
  listedChoices,
  provenanceOf,
  ratingRows,
} from "../../src/taskpane/rules-source.js";

/** A workbook that counts the rules texts read (custom XML parts or settings). */
class CountingBook extends MemoryWorkbook {
  textsRead = 0;
  override async readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]> {
    this.textsRead += ids.length;
    return super.readTexts(ids);
  }
}

const th = (a: string): string => a;
const en = (_a: string, b: string): string => b;

/** A band of one condition, worded as the criteria view words it. */
const bandOf = (c: Condition) => describeBand({ label: { th: "", en: "" }, conditions: [c] });

describe("the rules the wizard offers", () => {
  afterEach(() => forgetRules("ของเทศบาล", "2567", "เสีย", "ไม่มีแนวทาง"));

  it("offers the bundled years newest first, each compiled", () => {
    const choices = bundledChoices();
    assert.deepEqual(
      choices.map((c) => [c.name, c.source, c.compiled !== undefined]),
      [
        ["2568", "bundled", true],
        ["2567", "bundled", true],
        ["2566", "bundled", true],
        ["2565", "bundled", true],
        ["2564", "bundled", true],
        ["2563", "bundled", true],
        ["2562", "bundled", true],
      ],
    );
  });

  it("names every choice for the first screen without reading a rules text: bundled years with their scoring model", async () => {
    const book = new CountingBook();
    await book
      .writeText(bundledText("2568")!)
      .then((id) => book.setSetting("ITA.rules-ref:ของเทศบาล", JSON.stringify({ saved: id, history: [] })));
    await book.setSetting("ITA.rules:2567", "assessment");
    book.textsRead = 0;
    const choices = await listedChoices(book);
    assert.equal(book.textsRead, 0);
    assert.deepEqual(
      choices.map((c) => [c.name, c.pending === true, c.scoring?.year, c.problem !== undefined]),
      [
        ["2568", true, 2568, false],
        ["2567", true, 2567, false],
        ["2566", true, 2566, false],
        ["2565", true, 2565, false],
        ["2564", true, 2564, false],
        ["2563", true, 2563, false],
        ["2562", true, 2562, false],
        ["2567", false, undefined, true],
        ["ของเทศบาล", true, undefined, false],
      ],
    );
  });

  it("then checks every choice: the same names, each compiled or with its problem", async () => {
    const book = new MemoryWorkbook();
    await book.setSetting("ITA.rules:ของเทศบาล", bundledText("2568")!);
    await book.setSetting("ITA.rules:เสีย", "assessment");
    const choices = await checkedChoices(book);
    assert.deepEqual(
      choices.map((c) => [c.name, c.pending === true, c.compiled !== undefined, c.problem !== undefined]),
      [
        ...["2568", "2567", "2566", "2565", "2564", "2563", "2562"].map((y) => [y, false, true, false]),
        ["ของเทศบาล", false, true, false],
        ["เสีย", false, false, true],
      ],
    );
  });

  it("carries the checker's warnings on usable saved rules, for the Criteria step to show before any result", async () => {
    const book = new MemoryWorkbook();
    // The first question's "maintain" guidance removed: usable rules, with a warning.
    const text = bundledText("2568")!.replace(/\n\s*maintain "[^"]*"/, "");
    await book.setSetting("ITA.rules:ไม่มีแนวทาง", text);
    const [choice] = await workbookChoices(book);
    assert.ok(choice?.compiled);
    assert.deepEqual(
      choice.warnings?.map((d) => d.code),
      ["ITA-C018"],
    );
    assert.equal(bundledChoices()[0]?.warnings, undefined);
  });

  it("lists rules saved in the workbook and registers them so the ITA functions resolve them", async () => {
    const book = new MemoryWorkbook();
    const text = bundledText("2568")!;
    await book.setSetting("ITA.rules:ของเทศบาล", text);
    await book.setSetting("ITA.rules:เสีย", "assessment");
    await book.setSetting("ITA.choice.rules", "ของเทศบาล");
    const choices = await workbookChoices(book);
    assert.deepEqual(
      choices.map((c) => [c.name, c.compiled !== undefined, c.problem !== undefined]),
      [
        ["ของเทศบาล", true, false],
        ["เสีย", false, true],
      ],
    );
    assert.equal(resolveRules("ของเทศบาล").model.year, 2568);
  });

  it("refuses saved rules named like a bundled year, saying why", async () => {
    const book = new MemoryWorkbook();
    await book.setSetting("ITA.rules:2568", bundledText("2568")!);
    const [choice] = await workbookChoices(book);
    assert.equal(choice?.compiled, undefined);
    assert.match(choice?.problem?.th ?? "", /ปีของเกณฑ์ที่ติดมากับโปรแกรม/);
  });

  it("says what a year's rules mark provisional, and why, in Thai or English", () => {
    const model = bundledChoices().find((c) => c.name === "2567")!.compiled!.model;
    const thai = provenanceOf(model, th);
    assert.ok(thai.provisional.some((p) => p.what === "แบบวัด EIT" && /15\/15/.test(p.why)));
    assert.ok(provenanceOf(model, en).provisional.some((p) => p.what === "tool EIT" && /15\/15/.test(p.why)));
    assert.equal(isProvisionalTool(model, "EIT"), true);
    assert.equal(isProvisionalTool(model, "IIT"), false);
  });

  it("lists a year's notes and its sources apart, notes first", () => {
    const p = provenanceOf(bundledChoices().find((c) => c.name === "2568")!.compiled!.model, th);
    assert.match(p.notes[0]!, /^เกณฑ์ ITA ปีงบประมาณ พ\.ศ\. 2568/);
    assert.ok(p.sources.some((s) => s.includes("เทศบาลตำบลคลองพน")));
  });

  it("says each rating band's conditions in Thai or English", () => {
    const model = bundledChoices()[0]!.compiled!.model;
    assert.deepEqual(ratingRows(model, th)[1], { label: "ผ่านดี", when: "คะแนนรวม ≥ 85 และ ทุกแบบวัด ≥ 85" });
    assert.deepEqual(ratingRows(model, en)[3], { label: "Needs improvement", when: "the total 70–84.99" });
    assert.equal(
      bandOf({
        subject: "tool",
        tool: "OIT",
        lo: 0,
        hi: 0,
        max: 50,
        maxInclusive: false,
        minInclusive: true,
      }).en,
      "tool OIT < 50",
    );
    // Both ends given, one of them open: written as two bounds, never as a closed range.
    assert.equal(
      bandOf({ subject: "total", lo: 0, hi: 0, min: 70, max: 85, minInclusive: true, maxInclusive: false }).en,
      "the total ≥ 70 < 85",
    );
  });
});
