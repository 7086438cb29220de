/** `source` / `note` statements and `provisional` marks: provenance kept with the rules, for staff. */
import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { format } from "../../src/dsl/format.js";
import { bundledText } from "../../src/engine/index.js";
import { MINI, miniWith } from "../support/rules.js";

const WITH_NOTES = miniWith(
  "rounding 2 decimals half-up publish question, indicator, tool, total",
  `source "รายงานของหน่วยงาน" "an agency's report"
note "คะแนนคำตอบยังไม่ยืนยัน" "answer points are not confirmed"
rounding 2 decimals half-up publish question, indicator, tool, total
  provisional "อนุมานจากตัวเลขที่ประกาศ" "inferred from published figures"`,
)
  .replace('scale yesno "มี/ไม่มี" {', 'scale yesno "มี/ไม่มี" {\n  provisional "คะแนนอนุมาน" "points inferred"')
  .replace(
    '  subindicator 9.1 "พื้นฐาน" mean of questions {',
    '  subindicator 9.1 "พื้นฐาน" mean of questions {\n    provisional "จัดกลุ่มอนุมาน" "grouping inferred"',
  );

describe("provenance in rules files", () => {
  it("reads source and note statements into the model, in file order, Thai with English", () => {
    assert.deepEqual(parseRules(WITH_NOTES).model?.notes, [
      { kind: "source", text: { th: "รายงานของหน่วยงาน", en: "an agency's report" } },
      { kind: "note", text: { th: "คะแนนคำตอบยังไม่ยืนยัน", en: "answer points are not confirmed" } },
    ]);
  });

  it("records a provisional mark on a statement, inside a block and on a sub-indicator, with its reason", () => {
    assert.deepEqual(parseRules(WITH_NOTES).model?.provisional, [
      { part: "rounding", reason: { th: "อนุมานจากตัวเลขที่ประกาศ", en: "inferred from published figures" } },
      { part: "scale", id: "yesno", reason: { th: "คะแนนอนุมาน", en: "points inferred" } },
      { part: "subindicator", id: "9.1", reason: { th: "จัดกลุ่มอนุมาน", en: "grouping inferred" } },
    ]);
  });

  it("leaves the model of a file without provenance as it was", () => {
    const model = parseRules(MINI).model!;
    assert.equal("notes" in model, false);
    assert.equal("provisional" in model, false);
  });

  it("prints sources and notes as one group and each mark on its own line under what it marks", () => {
    const printed = format(parseRules(WITH_NOTES).ast);
    assert.match(printed, /\nsource "รายงานของหน่วยงาน" "an agency's report"\nnote "คะแนนคำตอบยังไม่ยืนยัน"/);
    assert.match(printed, /\nrounding 2 decimals half-up .*\n {2}provisional "อนุมานจากตัวเลขที่ประกาศ"/);
    assert.match(printed, /\n {4}provisional "จัดกลุ่มอนุมาน" "grouping inferred"\n {4}question o1/);
    assert.deepEqual(parseRules(printed).model, parseRules(WITH_NOTES).model);
  });

  it("reports a provisional mark without its reason at the place the reason should be", () => {
    const text = miniWith("total weighted mean of tools", "total weighted mean of tools\n  provisional");
    const [d] = parseRules(text).diagnostics;
    assert.equal(d?.code, "ITA-P001");
    assert.match(d!.en, /expected ข้อความในเครื่องหมายคำพูด/);
  });

  it("lets a scale still be called note or source", () => {
    const text = miniWith('scale yesno "มี/ไม่มี" {', 'scale note {\n  "x" = 1\n}\nscale yesno "มี/ไม่มี" {');
    assert.deepEqual(
      parseRules(text).diagnostics.map((d) => d.code),
      [],
    );
  });

  describe("the bundled years", () => {
    const marked = (year: string): string[] =>
      (parseRules(bundledText(year)!).model?.provisional ?? []).map((p) => `${p.part}${p.id ? ` ${p.id}` : ""}`);

    it("open with notes in Thai, English beside them", () => {
      for (const year of ["2566", "2567", "2568"]) {
        const notes = parseRules(bundledText(year)!).model?.notes ?? [];
        assert.ok(notes.length >= 3, year);
        assert.match(notes[0]!.text.th, new RegExp(`^เกณฑ์ ITA ปีงบประมาณ พ\\.ศ\\. ${year}`));
        assert.ok(
          notes.every((n) => /[\u0E00-\u0E7F]/.test(n.text.th) && n.text.en.length > 0),
          year,
        );
      }
    });

    it("carry no English research prose above the assessment line", () => {
      for (const year of ["2566", "2567", "2568"]) {
        const head = bundledText(year)!.slice(0, bundledText(year)!.indexOf("\nassessment"));
        assert.ok(head.split("\n").length <= 5, year);
        assert.doesNotMatch(head, /https?:|GitHub|INFERRED|NOT KNOWN/, year);
      }
    });

    it("2567 marks the year, its answer points, rounding, EIT weights and OIT grouping provisional", () => {
      assert.deepEqual(marked("2567"), [
        "assessment",
        "rounding",
        "scale likert4",
        "scale yesno",
        "tool EIT",
        "indicator 9",
        "indicator 10",
      ]);
    });

    it("2566 marks the year (placeholder questions), rounding, answer points and OIT grouping provisional", () => {
      for (const part of ["assessment", "rounding", "scale likert4", "indicator 9", "indicator 10"]) {
        assert.ok(marked("2566").includes(part), part);
      }
    });

    it("2568 marks only what its report does not give: answer points, rounding and OIT grouping", () => {
      assert.deepEqual(marked("2568"), ["rounding", "scale likert4", "scale yesno", "indicator 9", "indicator 10"]);
    });
  });
});
