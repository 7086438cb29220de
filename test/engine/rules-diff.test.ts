import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import type { RulesModel } from "../../src/dsl/model.js";
import { bundledText } from "../../src/engine/index.js";
import { diffRules, type RulesChange, type RulesDiff } from "../../src/engine/rules-diff.js";

function model(text: string): RulesModel {
  const r = parseRules(text);
  if (!r.model) throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
  return r.model;
}

const year = (y: string): RulesModel => model(bundledText(y)!);
const text2568 = bundledText("2568")!;

/** 2568 with one exact piece of text replaced; fails loudly if the piece is not there. */
function edited(find: string, replace: string): RulesModel {
  if (!text2568.includes(find)) throw new Error(`2568 does not contain: ${find}`);
  return model(text2568.replace(find, replace));
}

const where = (d: RulesDiff, section: RulesChange["section"]): RulesChange[] =>
  d.changes.filter((c) => c.section === section);
const subjects = (cs: readonly RulesChange[], kind: RulesChange["kind"]): string[] =>
  cs.filter((c) => c.kind === kind).map((c) => c.subject);

describe("rules diff", () => {
  describe("2567 → 2568 (EIT split into EIT1 and EIT2)", () => {
    const d = diffRules(year("2567"), year("2568"));

    it("says EIT was removed with its 30% and EIT1 and EIT2 added at 15% each", () => {
      const tools = where(d, "tools");
      assert.deepEqual(subjects(tools, "removed"), ["EIT"]);
      assert.deepEqual(subjects(tools, "added"), ["EIT1", "EIT2"]);
      assert.match(tools.find((c) => c.subject === "EIT")!.th, /30%/);
      assert.ok(
        tools.filter((c) => c.kind === "added").every((c) => /น้ำหนัก 15%/.test(c.th) && /weight 15%/.test(c.en)),
      );
    });

    it("says indicators 6, 7 and 8 are now measured by EIT1 and EIT2", () => {
      const measured = where(d, "indicators").filter((c) => c.en.includes("measured by EIT → EIT1, EIT2"));
      assert.deepEqual(
        measured.map((c) => c.subject),
        ["6", "7", "8"],
      );
      assert.ok(measured.every((c) => c.th.includes("วัดด้วย EIT → EIT1, EIT2")));
    });

    it("reports no change of rating bands, pass mark or rounding, which both years share", () => {
      assert.deepEqual(where(d, "rating"), []);
      assert.deepEqual(where(d, "scoring"), []);
    });

    it("reports the fiscal year, and not the title that differs only by its year", () => {
      assert.deepEqual(
        where(d, "assessment").map((c) => c.en),
        ["fiscal year 2567 → 2568"],
      );
    });

    it("puts the wholesale guidance change in one line naming the questions", () => {
      const guidance = where(d, "questions").filter((c) => c.en.startsWith("improvement guidance"));
      assert.equal(guidance.length, 1);
      assert.match(guidance[0]!.en, /for 52 questions: i1, i2/);
    });

    it("groups the changes by section in a fixed order, each change once", () => {
      assert.deepEqual(
        d.groups.map((g) => g.section),
        ["assessment", "tools", "indicators", "questions"],
      );
      assert.equal(
        d.groups.reduce((n, g) => n + g.changes.length, 0),
        d.changes.length,
      );
    });
  });

  describe("2565 → 2566 (letter bands replaced, a pass mark added)", () => {
    const d = diffRules(year("2565"), year("2566"));

    it("says the AA–F bands were removed and the five 2566 bands added, with their conditions", () => {
      const rating = where(d, "rating");
      assert.deepEqual(subjects(rating, "removed"), ["AA", "A", "B", "C", "D", "E", "F"]);
      assert.deepEqual(subjects(rating, "added"), ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]);
      const top = rating.find((c) => c.subject === "ผ่านดีเยี่ยม")!;
      assert.equal(top.th, 'เพิ่มระดับ "ผ่านดีเยี่ยม": คะแนนรวม ≥ 95 และ ทุกแบบวัด ≥ 95');
      assert.equal(top.en, 'new band "Excellent pass": the total ≥ 95 and every tool ≥ 95');
    });

    it("says a per-indicator pass mark of 85 was added", () => {
      const pass = d.changes.find((c) => c.subject === "pass")!;
      assert.equal(
        pass.en,
        'a per-indicator pass mark of 85 added ("meets the criterion" / "does not meet the criterion")',
      );
    });
  });

  describe("2566 → 2567", () => {
    const d = diffRules(year("2566"), year("2567"));

    it("leaves the rating bands as they were", () => {
      assert.deepEqual(where(d, "rating"), []);
    });

    it("lists the EIT and OIT questions 2567 no longer asks", () => {
      const removed = subjects(where(d, "questions"), "removed");
      assert.deepEqual(removed, [
        "e10",
        "e11",
        "e12",
        "e13",
        "e14",
        "e15",
        ...Array.from({ length: 15 }, (_, k) => `o${29 + k}`),
      ]);
    });

    it("names indicator 8's new title", () => {
      const renamed = where(d, "indicators").find((c) => c.subject === "8")!;
      assert.equal(renamed.th, 'ตัวชี้วัดที่ 8 เปลี่ยนชื่อเป็น "การปรับปรุงการทำงาน"');
    });
  });

  describe("one edit at a time on 2568", () => {
    it("finds nothing between a year and itself", () => {
      assert.deepEqual(diffRules(year("2568"), year("2568")).changes, []);
    });

    it("says a weight moved from one tool to another", () => {
      const text = text2568
        .replace("weight 30 mean of indicators", "weight 25 mean of indicators")
        .replace('(EIT Survey)" weight 15', '(EIT Survey)" weight 20');
      const d = diffRules(year("2568"), model(text));
      assert.deepEqual(
        d.changes.map((c) => c.th),
        ["แบบวัด IIT: น้ำหนัก 30% → 25%", "แบบวัด EIT2: น้ำหนัก 15% → 20%"],
      );
    });

    it("says how a band's condition changed, in the words of the condition", () => {
      const d = diffRules(
        year("2568"),
        edited('"ผ่าน" "Pass" when total >= 85', '"ผ่าน" "Pass" when total >= 85 and any tool >= 80'),
      );
      assert.deepEqual(
        d.changes.map((c) => c.en),
        ['band "Pass": condition the total ≥ 85 → the total ≥ 85 and any tool ≥ 80'],
      );
    });

    it("sees no change when a band is written differently but means the same", () => {
      const d = diffRules(year("2568"), edited('"ผ่าน" "Pass" when total >= 85', '"ผ่าน" "Pass" when total 85 - 100'));
      assert.deepEqual(d.changes, []);
    });

    it("reports a change of rounding alone, not every band, when the bands are written as bounds", () => {
      const bounds = text2568
        .replace(
          '"ต้องปรับปรุง" "Needs improvement" when total 70 - 84.99',
          '"ต้องปรับปรุง" "Needs improvement" when total >= 70 and total < 85',
        )
        .replace(
          '"ต้องปรับปรุงโดยด่วน" "Needs urgent improvement" when total 0 - 69.99',
          '"ต้องปรับปรุงโดยด่วน" "Needs urgent improvement" when total < 70',
        );
      const d = diffRules(model(bounds), model(bounds.replace("rounding 2 decimals", "rounding 3 decimals")));
      assert.deepEqual(
        d.changes.map((c) => [c.section, c.subject]),
        [["scoring", "rounding"]],
      );
    });

    it("quotes the old and new wording of a reworded question", () => {
      const d = diffRules(year("2568"), edited('question o3 "ข้อมูลการติดต่อ"', 'question o3 "ข้อมูลการติดต่อและแผนที่"'));
      assert.deepEqual(
        d.changes.map((c) => [c.kind, c.subject, c.th]),
        [["changed", "o3", 'ข้อ o3 เปลี่ยนถ้อยคำ: "ข้อมูลการติดต่อ" → "ข้อมูลการติดต่อและแผนที่"']],
      );
    });

    it("says which answer of a scale now scores differently", () => {
      const d = diffRules(year("2568"), edited('"มาก" code 3 = 66.67', '"มาก" code 3 = 75'));
      assert.deepEqual(
        d.changes.map((c) => c.en),
        ['scale likert4: answer "มาก" scores 66.67 → 75'],
      );
    });

    it("reports the pass mark", () => {
      const d = diffRules(year("2568"), edited("pass at 85", "pass at 80"));
      assert.deepEqual(
        d.changes.map((c) => [c.section, c.th]),
        [["scoring", "เกณฑ์ผ่าน 85 → 80 คะแนน"]],
      );
    });

    it("reports a question added to an indicator with its tools and text", () => {
      const d = diffRules(
        year("2568"),
        edited(
          '    question o4 "ข่าวประชาสัมพันธ์"',
          '    question o4b "ช่องทางสื่อสังคมออนไลน์"\n    question o4 "ข่าวประชาสัมพันธ์"',
        ),
      );
      assert.deepEqual(
        d.changes.map((c) => [c.kind, c.en]),
        [["added", 'new question o4b (OIT, sub-indicator 9.1): "ช่องทางสื่อสังคมออนไลน์"']],
      );
    });
  });
});
