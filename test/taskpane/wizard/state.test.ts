/**
 * The wizard's named transitions (src/taskpane/wizard/state.ts): each forgets what
 * depended on what it changed, and nothing else.
 */
import { strict as assert } from "node:assert";
import { evaluateRows } from "../../../src/engine/index.js";
import { bundledChoices } from "../../../src/taskpane/rules-check.js";
import { WizardFlow } from "../../../src/taskpane/wizard/state.js";
import { seedSheet } from "../../../src/taskpane/preview/seed.js";
import { blankSummary } from "../../../src/taskpane/wizard/check.js";
import { findScoreTable } from "../../../src/workbook/score-table.js";
import { rangeData, SEED_CSV } from "../../workbook/support.js";
import type { ScoreTable } from "../../../src/workbook/score-table.js";

function seedTable(edit?: (rows: unknown[][]) => void): ScoreTable {
  const s = seedSheet(SEED_CSV);
  const rows = s.rows.map((r) => [...r]);
  edit?.(rows);
  const found = findScoreTable(rangeData(s.name, rows as never, "A1", s.merged));
  assert.ok(found.ok);
  return found.table;
}

/** A flow that has checked the seed table and written its results sheet. */
function writtenFlow(): WizardFlow {
  const f = new WizardFlow();
  f.rulesListed(bundledChoices(), "2568");
  const table = seedTable();
  f.tableFound(table, { sheet: table.sheet }, []);
  const out = evaluateRows(f.rules()!.compiled!, table.rows);
  assert.ok(out.ok);
  f.checked(table, { sheet: table.sheet }, out.problems, out.evaluation);
  f.shown(3);
  f.written("results", ["ผลการประเมิน ITA 2568"]);
  return f;
}

describe("the wizard's state transitions", () => {
  it("forgets the check, the result and what was written when other rules are chosen, and goes back to Check", () => {
    const f = writtenFlow();
    f.rulesChosen("2567");
    assert.equal(f.state.evaluation, undefined);
    assert.equal(f.state.problems, undefined);
    assert.deepEqual(f.state.written, {});
    assert.equal(f.state.step, 2);
    assert.ok(f.state.table, "the table found stays");
  });

  it("goes back to Check with a message, and forgets the result, when the table changed after the check", () => {
    const f = writtenFlow();
    f.tableChanged();
    assert.equal(f.state.step, 2);
    assert.equal(f.state.evaluation, undefined);
    assert.deepEqual(f.state.written, {});
    assert.match(f.state.error?.th ?? "", /เปลี่ยนไปหลังการตรวจสอบ/);
  });

  it("keeps what was written when a re-check finds the very same scores", () => {
    const f = writtenFlow();
    const again = seedTable();
    const out = evaluateRows(f.rules()!.compiled!, again.rows);
    assert.ok(out.ok);
    f.checked(again, { sheet: again.sheet }, out.problems, out.evaluation);
    assert.deepEqual(f.state.written.results, ["ผลการประเมิน ITA 2568"]);
  });

  it("forgets what was written when a re-check finds other scores", () => {
    const f = writtenFlow();
    const changed = seedTable((rows) => (rows[3]![2] = "90"));
    const out = evaluateRows(f.rules()!.compiled!, changed.rows);
    assert.ok(out.ok);
    f.checked(changed, { sheet: changed.sheet }, out.problems, out.evaluation);
    assert.deepEqual(f.state.written, {});
  });

  it("forgets the report's agency details when another agency is chosen, not when the same one is found again", () => {
    const f = writtenFlow();
    const a = { ...seedTable(), agency: "ก" };
    f.agencyChosen(a, { sheet: a.sheet, agency: "ก" }, ["ก", "ข"]);
    f.agencyDetails({ name: "ก", province: "กระบี่" });
    f.tableFound(a, { sheet: a.sheet, agency: "ก" }, ["ก", "ข"]);
    assert.deepEqual(f.state.agency, { name: "ก", province: "กระบี่" });
    f.agencyChosen({ ...a, agency: "ข" }, { sheet: a.sheet, agency: "ข" }, ["ก", "ข"]);
    assert.equal(f.state.agency, undefined);
  });

  it("forgets the written report, not the results sheet, when the report's details change", () => {
    const f = writtenFlow();
    f.written("report", ["รายงาน ITA 2568", "แผนพัฒนา ITA 2568"]);
    f.agencyDetails({ name: "ชื่อใหม่" });
    assert.deepEqual(f.state.written.results, ["ผลการประเมิน ITA 2568"]);
    assert.equal(f.state.written.report, undefined);
  });
});

describe("blank score cells on the Check step", () => {
  it("are one item naming how many and the column range they span", () => {
    const blanks = [4, 5, 64].map((r) => ({
      code: "blank" as const,
      severity: "error" as const,
      tool: "IIT",
      question: `i${r}`,
      where: `กรอกคะแนน ITA 2568!D${r}`,
      th: "ช่องคะแนนว่าง",
      en: "score is blank",
    }));
    const s = blankSummary(blanks);
    assert.equal(s.th, "ยังไม่ได้กรอกคะแนน 3 ช่อง (กรอกคะแนน ITA 2568!D4:D64)");
    assert.equal(s.en, "3 scores not yet entered (กรอกคะแนน ITA 2568!D4:D64)");
    assert.deepEqual(s.first, ["กรอกคะแนน ITA 2568!D4", "กรอกคะแนน ITA 2568!D5", "กรอกคะแนน ITA 2568!D64"]);
  });
});
