/**
 * The report model of the seed agency (เทศบาลตำบลคลองพน, 2568): its real figures,
 * the guidance variant each question gets from the rules, the plan's choice of
 * indicators, Thai digits and the audit of published figures.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";
import type { CompiledRules } from "../../src/engine/index.js";
import { questionsOf } from "../../src/dsl/model.js";
import { buildReport, type ReportModel, type ReportQuestion } from "../../src/report/model.js";
import { seedRows } from "../support/seed.js";

const AGENCY = { name: "เทศบาลตำบลคลองพน", district: "คลองท่อม", province: "กระบี่" };

function rules(): CompiledRules {
  const l = loadRulesText(bundledText("2568")!);
  if (!l.ok) throw new Error("2568 rules do not load");
  return l.compiled;
}

function report(rows: readonly ScoreRow[], options = {}): ReportModel {
  const c = rules();
  const o = evaluateRows(c, rows);
  if (!o.ok) throw new Error("seed does not evaluate");
  return buildReport(o.evaluation, c.model, AGENCY, options);
}

function question(r: ReportModel, id: string, tool?: string): ReportQuestion {
  for (const i of r.indicators)
    for (const p of i.parts) for (const q of p.questions) if (q.id === id && (!tool || p.tool === tool)) return q;
  throw new Error(`no question ${id}`);
}

function ruleText(id: string): { maintain: string; raise: string } {
  const q = rules()
    .model.indicators.flatMap(questionsOf)
    .find((x) => x.id === id)!;
  return { maintain: q.maintain!, raise: q.raise! };
}

describe("report model: the seed agency", () => {
  const seed = report(seedRows());

  it("prints the seed's tool scores and total at two decimals", () => {
    assert.deepEqual(
      seed.summary.tools.map((t) => [t.id, t.score]),
      [
        ["IIT", "99.24"],
        ["EIT1", "92.19"],
        ["EIT2", "93.33"],
        ["OIT", "90.00"],
      ],
    );
    assert.equal(seed.summary.totalText, "93.60");
  });

  it("gives the rating ผ่านดี and marks its band in the principles", () => {
    assert.equal(seed.summary.rating.th, "ผ่านดี");
    assert.deepEqual(
      seed.principles.bands.filter((b) => b.current).map((b) => b.label.th),
      ["ผ่านดี"],
    );
  });

  it("lists the ten indicators with score and result from the evaluation", () => {
    assert.deepEqual(
      seed.indicators.map((i) => [i.id, i.label.th, i.score, i.result?.th]),
      [
        ["1", "การปฏิบัติหน้าที่", "98.67", "ผ่านเกณฑ์"],
        ["2", "การใช้งบประมาณ", "98.86", "ผ่านเกณฑ์"],
        ["3", "การใช้อำนาจ", "100.00", "ผ่านเกณฑ์"],
        ["4", "การใช้ทรัพย์สินของราชการ", "98.86", "ผ่านเกณฑ์"],
        ["5", "การแก้ไขปัญหาการทุจริต", "99.81", "ผ่านเกณฑ์"],
        ["6", "คุณภาพการดำเนินงาน", "95.30", "ผ่านเกณฑ์"],
        ["7", "ประสิทธิภาพการสื่อสาร", "91.98", "ผ่านเกณฑ์"],
        ["8", "การปรับปรุงการทำงาน", "91.01", "ผ่านเกณฑ์"],
        ["9", "การเปิดเผยข้อมูล", "100.00", "ผ่านเกณฑ์"],
        ["10", "การป้องกันการทุจริต", "80.00", "ไม่ผ่านเกณฑ์"],
      ],
    );
  });

  it("takes tool names, weights and the pass mark from the rules", () => {
    assert.deepEqual(
      seed.principles.tools.map((t) => [t.id, t.weight]),
      [
        ["IIT", "30"],
        ["EIT1", "15"],
        ["EIT2", "15"],
        ["OIT", "40"],
      ],
    );
    assert.equal(seed.principles.pass?.markText, "85.00");
    assert.equal(seed.title.fiscalYear, "ประจำปีงบประมาณ พ.ศ. 2568");
    assert.equal(seed.title.placeLine, "อำเภอคลองท่อม จังหวัดกระบี่");
  });

  it("follows a pass mark and weights changed in the rules file, with no code changed", () => {
    const text = bundledText("2568")!
      .replace("pass at 85 ", "pass at 91 ")
      .replace(/(tool IIT .*?weight) 30/, "$1 40")
      .replace(/(tool OIT .*?weight) 40/, "$1 30");
    const l = loadRulesText(text);
    if (!l.ok) throw new Error("edited rules do not load");
    const o = evaluateRows(l.compiled, seedRows());
    if (!o.ok) throw new Error("seed does not evaluate");
    const edited = buildReport(o.evaluation, l.compiled.model, AGENCY);
    assert.deepEqual(
      edited.principles.tools.map((t) => t.weight),
      ["40", "15", "15", "30"],
    );
    assert.equal(edited.principles.pass?.markText, "91.00");
    // EIT1 e2 scored 90.28: above 85 it keeps the "maintain" guidance, below 91 it gets "raise".
    assert.equal(question(seed, "e2", "EIT1").variant, "maintain");
    assert.equal(question(edited, "e2", "EIT1").variant, "raise");
  });

  it("prints the seed's principles and tool descriptions from the rules' about texts", () => {
    assert.equal(seed.principles.about.length, 2);
    assert.match(seed.principles.about[0]!, /^แนวคิด “Open to Transparency”/);
    assert.match(seed.principles.tools[0]!.about, /^เป็นแบบวัดที่ให้ผู้ตอบเลือกตัวเลือกคำตอบตามการรับรู้ของตนเอง/);
    assert.match(seed.principles.tools[2]!.about, /แบบวัด EIT \(๒\) หมายถึง ส่วนที่ผู้ประเมินวิเคราะห์/);
  });

  it("gives i1 (99.43) the rules' maintain text", () => {
    const q = question(seed, "i1");
    assert.equal(q.score, "99.43");
    assert.equal(q.variant, "maintain");
    assert.equal(q.guidance, ruleText("i1").maintain);
  });

  it("shows each EIT question once per EIT part with that part's score", () => {
    assert.equal(question(seed, "e1", "EIT1").score, "92.50");
    assert.equal(question(seed, "e1", "EIT2").score, "94.00");
  });

  it("gives o23 (scored 0) and o14 (50) the raise text and o1 (100) the maintain text", () => {
    const items = report(seedRows("oit-items.csv"));
    assert.deepEqual(
      ["o23", "o14", "o1"].map((id) => [id, question(items, id).score, question(items, id).variant]),
      [
        ["o23", "0.00", "raise"],
        ["o14", "50.00", "raise"],
        ["o1", "100.00", "maintain"],
      ],
    );
    assert.equal(question(items, "o23").guidance, ruleText("o23").raise);
  });

  it("chooses OIT guidance by the indicator's score when only indicator scores are given", () => {
    const o21 = question(seed, "o21");
    assert.equal(o21.score, undefined);
    assert.equal(o21.basis, "indicator");
    assert.equal(o21.variant, "raise"); // indicator 10 = 80
    assert.equal(question(seed, "o1").variant, "maintain"); // indicator 9 = 100
  });

  it("treats a question at exactly the pass mark as maintain and 84.99 as raise", () => {
    const rows = (score: string): ScoreRow[] =>
      seedRows().map((r) => (r.tool === "IIT" && String(r.question) === "i๑" ? { ...r, score } : r));
    assert.equal(question(report(rows("85")), "i1").variant, "maintain");
    assert.equal(question(report(rows("84.99")), "i1").variant, "raise");
  });

  it("puts the failing indicator first in the plan, then the lowest passing ones", () => {
    assert.deepEqual([...new Set(seed.plan.map((p) => p.indicator))], ["10", "8", "7"]);
    const ten = seed.plan.find((p) => p.indicator === "10")!;
    const template = rules().model.indicators.find((i) => i.id === "10")!.plans[0]!;
    assert.equal(ten.issue, template.issue);
    assert.equal(ten.steps, template.steps);
    assert.equal(ten.period, template.period);
  });

  it("covers every failing indicator in the plan even when more than three fail", () => {
    const low = seedRows().map((r) => (r.tool === "IIT" ? { ...r, score: "50" } : r));
    const chosen = [...new Set(report(low).plan.map((p) => p.indicator))];
    assert.deepEqual(chosen.slice(0, 6), ["1", "2", "3", "4", "5", "10"]);
  });

  it("prints Thai digits when asked, as the seed does", () => {
    const thai = report(seedRows(), { thaiDigits: true });
    assert.equal(thai.summary.totalText, "๙๓.๖๐");
    assert.equal(thai.indicators[9]!.score, "๘๐.๐๐");
    assert.equal(thai.indicators[9]!.idText, "๑๐");
    assert.equal(thai.title.fiscalYear, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
    assert.equal(question(thai, "i1").score, "๙๙.๔๓");
  });

  it("lists the audit's findings when published figures are given, and none otherwise", () => {
    const published = JSON.parse(readFileSync("examples/khlong-phon-2568/published.json", "utf8"));
    const audited = report(seedRows(), { published });
    assert.equal(seed.audit, undefined);
    const en = audited.audit!.map((f) => f.en);
    assert.ok(en.some((t) => t.includes("indicator 3: published 98.86 but the rules give 100.00")));
    assert.ok(en.some((t) => t.startsWith("indicator 10: a score of 80.00")));
  });
});
