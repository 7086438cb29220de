import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { applyEdit, brokenRanges, isBroken, type EditResult, type RulesEdit } from "../../src/dsl/edit.js";
import { parseRules } from "../../src/dsl/index.js";
import { MINI } from "../support/rules.js";

const R2568 = readFileSync("rules/ita-2568.ita", "utf8");

/** `text` with one exact piece replaced; fails loudly if the piece is not there exactly once. */
function swapped(text: string, find: string, by: string): string {
  assert.equal(text.split(find).length, 2, `expected exactly one "${find}"`);
  return text.replace(find, () => by);
}

function ok(r: EditResult): { text: string; codes: string[] } {
  if (!r.ok) assert.fail(`edit refused: ${r.en}`);
  return { text: r.text, codes: r.diagnostics.map((d) => d.code) };
}

function edit(text: string, ...edits: RulesEdit[]): string {
  return edits.reduce((t, e) => ok(applyEdit(t, e)).text, text);
}

function refused(r: EditResult): { th: string; en: string } {
  assert.equal(r.ok, false, "the edit should have been refused");
  return r as { th: string; en: string };
}

const IIT_LINE_OLD = `"Internal Integrity and Transparency Assessment" weight 30 mean of indicators`;
const EXCELLENT = `"ผ่านดีเยี่ยม" "Excellent pass" when total >= 95 and every tool >= 95`;

describe("rules edits (minimal text edits)", () => {
  describe("tools", () => {
    it("changes only the IIT line when IIT's weight is set to 35, and reports the weights no longer adding up", () => {
      const r = ok(applyEdit(R2568, { op: "tool-weight", tool: "IIT", weight: 35 }));
      assert.equal(r.text, swapped(R2568, IIT_LINE_OLD, IIT_LINE_OLD.replace("weight 30", "weight 35")));
      assert.ok(r.codes.includes("ITA-C001"), r.codes.join());
    });

    it("gives rules without errors once OIT is set to 35 as well", () => {
      const text = edit(
        R2568,
        { op: "tool-weight", tool: "IIT", weight: 35 },
        { op: "tool-weight", tool: "OIT", weight: 35 },
      );
      const m = parseRules(text).model;
      assert.ok(m);
      assert.deepEqual(
        m.tools.map((t) => t.weight),
        [35, 15, 15, 35],
      );
    });

    it("writes a decimal weight as the file would, never in exponent form", () => {
      const text = edit(MINI, { op: "tool-weight", tool: "IIT", weight: 59.5 });
      assert.match(text, /tool IIT "ภายใน" "Internal" weight 59\.5% mean of indicators/);
    });

    it("removes the English name of a tool and adds it back without touching the rest of the line", () => {
      const without = edit(MINI, { op: "tool-label", tool: "OIT", label: { th: "เปิดเผย" } });
      assert.equal(without, swapped(MINI, `"เปิดเผย" "Open" weight`, `"เปิดเผย" weight`));
      assert.equal(edit(without, { op: "tool-label", tool: "OIT", label: { th: "เปิดเผย", en: "Open" } }), MINI);
    });

    it("renames a tool everywhere it is referred to: indicators and rating conditions", () => {
      const withBand = edit(MINI, {
        op: "band-condition-add",
        band: 1,
        spec: { subject: "tool", tool: "OIT", min: 80 },
      });
      const text = edit(withBand, { op: "tool-id", tool: "OIT", id: "ODT" });
      assert.match(text, /tool ODT "เปิดเผย"/);
      assert.match(text, /indicator 9 "เปิดเผย" tool ODT mean/);
      assert.match(text, /every tool >= 85 and tool ODT >= 80/);
      assert.ok(parseRules(text).model);
    });

    it("adds a tool after the last one and removes it again to the same text", () => {
      const added = edit(MINI, { op: "tool-add", id: "EIT", label: { th: "ภายนอก", en: "External" }, weight: 0 });
      assert.equal(
        added,
        swapped(
          MINI,
          "weight 40 mean of indicators\n",
          `weight 40 mean of indicators\ntool EIT "ภายนอก" "External" weight 0 mean of indicators\n`,
        ),
      );
      assert.equal(edit(added, { op: "tool-remove", tool: "EIT" }), MINI);
    });

    it("refuses to remove a tool an indicator still uses, naming the indicator", () => {
      const r = refused(applyEdit(MINI, { op: "tool-remove", tool: "OIT" }));
      assert.match(r.th, /ตัวชี้วัด 9/);
      assert.match(r.en, /indicators 9 still use tool OIT/);
    });

    it("refuses a tool id with a space, in Thai and English", () => {
      const r = refused(applyEdit(MINI, { op: "tool-add", id: "EIT 3", label: { th: "x" }, weight: 0 }));
      assert.match(r.th, /รหัสแบบวัด "EIT 3"/);
      assert.match(r.en, /tool id "EIT 3"/);
    });
  });

  describe("assessment, pass mark and rounding", () => {
    it("starts next year: the year and the year written in the title change, Arabic and Thai digits alike", () => {
      const text = edit(R2568, { op: "assessment-year", year: 2569, relabel: true });
      const before = R2568.split("\n");
      const after = text.split("\n");
      const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
      assert.equal(changed.length, 1);
      assert.match(after[changed[0]!]!, /^assessment ".*พ\.ศ\. 2569" ".*fiscal year 2569" year 2569$/);
      assert.match(edit(MINI, { op: "assessment-year", year: 2570 }), /year 2570\n/);
    });

    it("sets the pass mark and its labels in place", () => {
      const text = edit(
        MINI,
        { op: "pass-threshold", value: 90 },
        { op: "pass-labels", pass: { th: "ผ่าน", en: "pass" }, fail: { th: "ไม่ผ่าน" } },
      );
      assert.equal(
        text,
        swapped(
          MINI,
          `pass at 85 "ผ่านเกณฑ์" "meets" else "ไม่ผ่านเกณฑ์" "does not meet"`,
          `pass at 90 "ผ่าน" "pass" else "ไม่ผ่าน"`,
        ),
      );
    });

    it("sets the decimals of the rounding", () => {
      assert.equal(
        edit(MINI, { op: "rounding-decimals", decimals: 1 }),
        swapped(MINI, "rounding 2 decimals", "rounding 1 decimals"),
      );
    });

    it("refuses a pass mark above 100", () => {
      assert.match(refused(applyEdit(MINI, { op: "pass-threshold", value: 101 })).en, /from 0 to 100/);
    });
  });

  describe("rating bands", () => {
    it("changes only the number when ผ่านดีเยี่ยม is set to require a total of 96", () => {
      const r = ok(
        applyEdit(R2568, { op: "band-condition", band: 0, condition: 0, spec: { subject: "total", min: 96 } }),
      );
      assert.equal(r.text, swapped(R2568, EXCELLENT, EXCELLENT.replace("total >= 95", "total >= 96")));
      assert.deepEqual(r.codes, []);
    });

    it("rewrites a condition whose subject changes", () => {
      const text = edit(MINI, {
        op: "band-condition",
        band: 0,
        condition: 1,
        spec: { subject: "tool", tool: "IIT", min: 90 },
      });
      assert.match(text, /"ผ่านดีเยี่ยม" when total >= 95 and tool IIT >= 90\n/);
    });

    it("changes both ends of a from–to range", () => {
      const text = edit(MINI, {
        op: "band-condition",
        band: 3,
        condition: 0,
        spec: { subject: "total", min: 75, max: 84.99 },
      });
      assert.match(text, /"ต้องปรับปรุง" when total 75 - 84.99\n/);
    });

    it("removes a condition with its 'and'", () => {
      const text = edit(MINI, { op: "band-condition-remove", band: 0, condition: 1 });
      assert.match(text, /"ผ่านดีเยี่ยม" when total >= 95\n/);
      const first = edit(MINI, { op: "band-condition-remove", band: 0, condition: 0 });
      assert.match(first, /"ผ่านดีเยี่ยม" when every tool >= 95\n/);
    });

    it("adds a band in its place with the bands' indentation", () => {
      const r = ok(
        applyEdit(MINI, {
          op: "band-add",
          at: 1,
          label: { th: "ดีมาก", en: "Very good" },
          conditions: [{ subject: "total", min: 90 }],
        }),
      );
      assert.match(r.text, /every tool >= 95\n {2}"ดีมาก" "Very good" when total >= 90\n {2}"ผ่านดี"/);
      assert.deepEqual(r.text.split("\n").length, MINI.split("\n").length + 1);
    });

    it("moves a band up and back down to the same text", () => {
      const up = edit(MINI, { op: "band-move", band: 2, by: -1 });
      assert.match(up, /"ผ่าน" when total >= 85\n {2}"ผ่านดี" when/);
      assert.equal(edit(up, { op: "band-move", band: 1, by: 1 }), MINI);
    });

    it("removes a band's line and nothing else", () => {
      assert.equal(edit(MINI, { op: "band-remove", band: 2 }), swapped(MINI, `  "ผ่าน" when total >= 85\n`, ""));
    });

    it("refuses a condition whose from is above its to", () => {
      const r = refused(
        applyEdit(MINI, { op: "band-condition", band: 3, condition: 0, spec: { subject: "total", min: 90, max: 80 } }),
      );
      assert.match(r.en, /from 90 is above to 80/);
    });
  });

  describe("indicators", () => {
    const ADD_11: RulesEdit = {
      op: "indicator-add",
      id: "11",
      label: { th: "การป้องกันผลประโยชน์ทับซ้อน" },
      tools: ["IIT"],
      questions: [
        { id: "i16", th: "ข้อหนึ่ง", scale: "likert4" },
        { id: "i17", th: "ข้อสอง", scale: "yesno", reversed: true },
      ],
    };
    const BLOCK_11 = [
      `indicator 11 "การป้องกันผลประโยชน์ทับซ้อน" tool IIT mean of questions {`,
      `  question i16 "ข้อหนึ่ง" scale likert4`,
      `  question i17 "ข้อสอง" scale yesno reversed`,
      `}`,
    ].join("\n");

    it("adds indicator 11 with two questions after IIT's last indicator, one blank line before it, and nothing else changes", () => {
      const text = edit(R2568, ADD_11);
      const anchor = `    period "ไตรมาสที่ ๑ - ๒"\n}\n\n# ===== EIT`;
      assert.equal(text, swapped(R2568, anchor, `    period "ไตรมาสที่ ๑ - ๒"\n}\n\n${BLOCK_11}\n\n# ===== EIT`));
      const m = parseRules(text).model!;
      const ind = m.indicators.find((i) => i.id === "11")!;
      assert.deepEqual(ind.tools, ["IIT"]);
      assert.deepEqual(
        ind.questions.map((q) => [q.id, q.scale, q.reversed]),
        [
          ["i16", "likert4", false],
          ["i17", "yesno", true],
        ],
      );
    });

    it("adds an empty indicator, then its questions one by one, to the same text as adding them at once", () => {
      const empty = edit(R2568, { ...ADD_11, questions: [] });
      assert.ok(
        parseRules(empty).diagnostics.some((d) => d.severity === "error"),
        "an empty indicator is an error",
      );
      const text = edit(
        empty,
        {
          op: "question-add",
          indicator: "11",
          question: ADD_11.op === "indicator-add" ? ADD_11.questions![0]! : { id: "", th: "" },
        },
        {
          op: "question-add",
          indicator: "11",
          question: ADD_11.op === "indicator-add" ? ADD_11.questions![1]! : { id: "", th: "" },
        },
      );
      assert.equal(text, edit(R2568, ADD_11));
    });

    it("removes an added indicator back to the original text", () => {
      assert.equal(edit(edit(R2568, ADD_11), { op: "indicator-remove", indicator: "11" }), R2568);
    });

    it("renames an indicator and changes its number in place", () => {
      const text = edit(
        MINI,
        { op: "indicator-label", indicator: "1", label: { th: "หน้าที่", en: "Duty" } },
        { op: "indicator-id", indicator: "1", id: "2" },
      );
      assert.equal(text, swapped(MINI, `indicator 1 "การปฏิบัติหน้าที่" tool`, `indicator 2 "หน้าที่" "Duty" tool`));
    });

    it("moves an indicator to another tool by its header line only", () => {
      const text = edit(R2568, { op: "indicator-tools", indicator: "5", tools: ["OIT"] });
      const line = (t: string) => t.split("\n").find((l) => l.startsWith("indicator 5 "))!;
      assert.equal(line(text), line(R2568).replace("tool IIT", "tool OIT"));
      assert.equal(text.length, R2568.length);
    });

    it("gives an indicator measured by two tools a combined method, and takes it away again", () => {
      const two = edit(MINI, { op: "indicator-tools", indicator: "1", tools: ["IIT", "OIT"] });
      assert.match(two, /indicator 1 "การปฏิบัติหน้าที่" tools IIT, OIT mean of questions combined mean of tools \{/);
      assert.equal(edit(two, { op: "indicator-tools", indicator: "1", tools: ["IIT"] }), MINI);
    });

    it("makes an indicator's roll-up weighted in place", () => {
      const text = edit(R2568, { op: "indicator-method", indicator: "6", weighted: false, combinedWeighted: true });
      assert.match(text, /indicator 6 .* tools EIT1, EIT2 mean of questions combined weighted mean of tools \{/);
    });

    it("refuses an indicator number that is taken, and one that is not a number", () => {
      assert.match(refused(applyEdit(R2568, { ...ADD_11, id: "5" })).en, /indicator 5 exists already/);
      assert.match(refused(applyEdit(R2568, { ...ADD_11, id: "ก" })).th, /เลขที่/);
    });
  });

  describe("questions", () => {
    it("adds a question after the last one of its indicator with its indentation", () => {
      const text = edit(MINI, {
        op: "question-add",
        indicator: "1",
        question: { id: "i3", th: "ข้อ 3", scale: "yesno" },
      });
      assert.equal(text, swapped(MINI, `reversed\n}`, `reversed\n  question i3 "ข้อ 3" scale yesno\n}`));
    });

    it("adds an OIT item to a sub-indicator, with guidance on lines of their own", () => {
      const text = edit(MINI, {
        op: "question-add",
        indicator: "9",
        subindicator: "9.1",
        question: { id: "o2", th: "ข้อมูลผู้บริหาร", maintain: "รักษา", raise: "ยก" },
      });
      assert.match(
        text,
        /question o1 "โครงสร้าง"\n {4}question o2 "ข้อมูลผู้บริหาร"\n {6}maintain "รักษา"\n {6}raise "ยก"\n {2}\}/,
      );
    });

    it("removes a question together with the comment above it", () => {
      const text = edit(R2568, { op: "question-remove", question: "i3" });
      assert.ok(!text.includes("question i3 "));
      assert.ok(!text.includes("# Seed i3 reads"));
      assert.ok(text.includes("question i2 ") && text.includes('  plan "การให้บริการอย่างเท่าเทียมไม่เลือกปฏิบัติ"'));
      assert.equal(R2568.split("\n").length - text.split("\n").length, 4);
    });

    it("moves a question down and back up to the same text, its comment travelling with it", () => {
      const down = edit(R2568, { op: "question-move", question: "i2", by: 1 });
      assert.ok(
        down.indexOf("# Seed i3 reads") < down.indexOf("question i3 ") &&
          down.indexOf("question i3 ") < down.indexOf("question i2 "),
      );
      assert.equal(edit(down, { op: "question-move", question: "i2", by: -1 }), R2568);
    });

    it("edits a question's id, text, scale and reversed mark in place", () => {
      const text = edit(MINI, {
        op: "question-set",
        question: "i2",
        changes: { id: "i9", th: "ข้อเก้า", en: "Nine", reversed: false },
      });
      assert.equal(
        text,
        swapped(MINI, `question i2 "ข้อ 2" scale yesno reversed`, `question i9 "ข้อเก้า" "Nine" scale yesno`),
      );
      const back = edit(text, { op: "question-set", question: "i9", changes: { reversed: true } });
      assert.match(back, /question i9 "ข้อเก้า" "Nine" scale yesno reversed\n/);
      const noScale = edit(back, { op: "question-set", question: "i9", changes: { scale: "" } });
      assert.match(noScale, /question i9 "ข้อเก้า" "Nine"\n/);
    });

    it("edits, removes and adds guidance texts, keeping them on their own lines", () => {
      const changed = edit(R2568, { op: "question-set", question: "o1", changes: { maintain: "ใหม่" } });
      assert.match(changed, /question o1 "โครงสร้างและอำนาจหน้าที่"\n {6}maintain "ใหม่"\n {6}raise "จัดทำแผนผัง/);
      const removed = edit(changed, { op: "question-set", question: "o1", changes: { maintain: "" } });
      assert.match(removed, /question o1 "โครงสร้างและอำนาจหน้าที่"\n {6}raise "จัดทำแผนผัง/);
      const added = edit(removed, { op: "question-set", question: "o1", changes: { maintain: "ใหม่" } });
      assert.equal(added, changed);
    });

    it("edits guidance written on the question's own line", () => {
      const text = edit(MINI, { op: "question-set", question: "i1", changes: { maintain: "", raise: "ยกระดับ" } });
      assert.match(text, /question i1 "ข้อ 1" scale yesno raise "ยกระดับ"\n/);
    });

    it("refuses a question id used elsewhere", () => {
      const r = refused(applyEdit(MINI, { op: "question-add", indicator: "1", question: { id: "o1", th: "ซ้ำ" } }));
      assert.match(r.th, /มีข้อ o1 แล้ว/);
    });

    it("adds and removes a sub-indicator", () => {
      const text = edit(MINI, {
        op: "subindicator-add",
        indicator: "9",
        id: "9.2",
        label: { th: "บริหาร", en: "Admin" },
      });
      assert.match(text, / {2}\}\n {2}subindicator 9\.2 "บริหาร" "Admin" mean of questions \{\n {2}\}\n {2}plan/);
      assert.equal(edit(text, { op: "subindicator-remove", indicator: "9", subindicator: "9.2" }), MINI);
    });
  });

  describe("answer scales", () => {
    it("changes an answer's points and makes a skipped answer count", () => {
      const text = edit(
        MINI,
        { op: "answer-set", scale: "yesno", answer: 0, points: 90 },
        { op: "answer-set", scale: "yesno", answer: 2, points: 50 },
      );
      assert.equal(text, swapped(swapped(MINI, `code 1 = 100`, `code 1 = 90`), `"ไม่ทราบ" = skip`, `"ไม่ทราบ" = 50`));
    });

    it("adds an answer before the skipped one and removes it again", () => {
      const text = edit(MINI, { op: "answer-add", scale: "yesno", text: "บางครั้ง", code: "2", points: 50 });
      assert.match(text, /code 0 = 0\n {2}"บางครั้ง" code 2 = 50\n {2}"ไม่ทราบ" = skip/);
      assert.equal(edit(text, { op: "answer-remove", scale: "yesno", answer: 2 }), MINI);
    });

    it("reorders answers", () => {
      const text = edit(MINI, { op: "answer-move", scale: "yesno", answer: 0, by: 1 });
      assert.match(text, /"ไม่มี" code 0 = 0\n {2}"มี" code 1 = 100/);
    });
  });

  describe("text that does not parse", () => {
    const BROKEN = swapped(MINI, `indicator 9 "เปิดเผย" tool OIT`, `indicator 9 "เปิดเผย tool OIT`);

    it("refuses an edit inside the broken part, in Thai and English", () => {
      const r = refused(applyEdit(BROKEN, { op: "indicator-label", indicator: "9", label: { th: "x" } }));
      assert.match(r.th, /มุมมองข้อความ/);
      assert.match(r.en, /text view/);
    });

    it("still edits the parts before it", () => {
      const r = ok(applyEdit(BROKEN, { op: "tool-weight", tool: "IIT", weight: 50 }));
      assert.match(r.text, /weight 50% mean of indicators/);
      assert.ok(r.codes.includes("ITA-L002"));
    });

    it("marks the broken part so the form can show it read-only", () => {
      const ranges = brokenRanges(BROKEN);
      const at = BROKEN.indexOf("indicator 9");
      assert.ok(isBroken(ranges, { offset: at, length: 5, line: 1, column: 1 }));
      assert.ok(!isBroken(ranges, { offset: BROKEN.indexOf("tool IIT"), length: 5, line: 1, column: 1 }));
    });

    it("never throws, whatever the text and the edit", () => {
      const edits: RulesEdit[] = [
        { op: "tool-weight", tool: "IIT", weight: 20 },
        { op: "band-condition", band: 0, condition: 0, spec: { subject: "total", min: 96 } },
        { op: "indicator-add", id: "12", label: { th: "x" }, tools: ["IIT"], questions: [{ id: "q99", th: "y" }] },
        { op: "question-set", question: "i1", changes: { maintain: "", scale: "" } },
        { op: "band-move", band: 0, by: 1 },
        { op: "answer-set", scale: "yesno", answer: 2, points: 10 },
      ];
      for (let cut = 0; cut < MINI.length; cut += 17) {
        for (const e of edits) {
          const r = applyEdit(MINI.slice(0, cut), e);
          assert.ok(r.ok ? typeof r.text === "string" : r.th.length > 0 && r.en.length > 0);
        }
      }
    });
  });
});
