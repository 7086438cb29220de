/**
 * What changed between two checked rules models, said the way a staff member reads
 * criteria: tools added or removed, weights, indicators, questions added, removed or
 * reworded, scales, rating bands and their conditions, the pass mark and rounding.
 * Every change is one Thai sentence with its English beside it, filed under a
 * section so the task pane can group them. Rating conditions are compared by what
 * they mean at the published precision (`>= 85` and `85 - 100` are the same band),
 * never by how they are written.
 */
import {
  boundsToUnits,
  describeBand,
  type Condition,
  type Indicator,
  type Label,
  type Question,
  type RatingRow,
  type RulesModel,
  type Scale,
  type Tool,
  questionsOf,
} from "../dsl/runtime.js";

export type DiffSection = "assessment" | "tools" | "indicators" | "questions" | "scales" | "rating" | "scoring";
export type ChangeKind = "added" | "removed" | "changed";

export interface RulesChange {
  readonly section: DiffSection;
  readonly kind: ChangeKind;
  /** The id the change is about ("EIT1", "6", "e3", a band's Thai label), or "" for the file as a whole. */
  readonly subject: string;
  readonly th: string;
  readonly en: string;
}

export interface DiffGroup {
  readonly section: DiffSection;
  readonly th: string;
  readonly en: string;
  readonly changes: readonly RulesChange[];
}

export interface RulesDiff {
  readonly changes: readonly RulesChange[];
  /** Non-empty sections in a fixed order: assessment, tools, indicators, questions, scales, rating, scoring. */
  readonly groups: readonly DiffGroup[];
}

const SECTIONS: readonly { section: DiffSection; th: string; en: string }[] = [
  { section: "assessment", th: "การประเมิน", en: "Assessment" },
  { section: "tools", th: "แบบวัดและน้ำหนัก", en: "Tools and weights" },
  { section: "indicators", th: "ตัวชี้วัด", en: "Indicators" },
  { section: "questions", th: "ข้อคำถาม", en: "Questions" },
  { section: "scales", th: "มาตรวัดคำตอบ", en: "Answer scales" },
  { section: "rating", th: "ระดับผลการประเมิน", en: "Rating bands" },
  { section: "scoring", th: "เกณฑ์ผ่านและการปัดเศษ", en: "Pass mark and rounding" },
];

const q = (text: string): string => `"${text}"`;
const en = (l: Label): string => l.en || l.th;
const list = (xs: readonly string[]): string => (xs.length ? xs.join(", ") : "—");
const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function method(weighted: boolean, of: string): { th: string; en: string } {
  const ofTh: Record<string, string> = {
    questions: "ข้อคำถาม",
    subindicators: "ตัวชี้วัดย่อย",
    indicators: "ตัวชี้วัด",
    tools: "แบบวัด",
  };
  return weighted
    ? { th: `ค่าเฉลี่ยถ่วงน้ำหนักของ${ofTh[of] ?? of}`, en: `weighted mean of ${of}` }
    : { th: `ค่าเฉลี่ยของ${ofTh[of] ?? of}`, en: `mean of ${of}` };
}

/**
 * A condition's meaning: its subject and the scores it admits, clamped to 0–100, in
 * units at `decimals` places: the finer precision of the two files compared, so that
 * a change of rounding alone does not make a band written as ">= 85" look changed,
 * while "70 - 84.99" and "< 85" differ once a third decimal exists. A band that admits
 * no possible score is one meaning, whatever its bounds.
 */
function conditionKey(c: Condition, decimals: number): string {
  const top = 100 * 10 ** decimals;
  const b = boundsToUnits(c, decimals);
  const lo = Math.max(0, b.lo);
  const hi = Math.min(top, b.hi);
  return lo > hi ? `${c.subject}:${c.tool ?? ""}:empty` : `${c.subject}:${c.tool ?? ""}:${lo}:${hi}`;
}

function bandKey(row: RatingRow, decimals: number): string {
  return row.conditions
    .map((c) => conditionKey(c, decimals))
    .sort()
    .join("&");
}

class Collector {
  readonly changes: RulesChange[] = [];
  readonly guidanceChanged: string[] = [];
  readonly plansChanged: string[] = [];
  add(section: DiffSection, kind: ChangeKind, subject: string, th: string, enText: string): void {
    this.changes.push({ section, kind, subject, th, en: enText });
  }
}

function byId<T extends { readonly id: string }>(xs: readonly T[]): Map<string, T> {
  return new Map(xs.map((x) => [x.id, x]));
}

function diffAssessment(c: Collector, a: RulesModel, b: RulesModel): void {
  if (a.year !== b.year)
    c.add("assessment", "changed", "", `ปีงบประมาณ ${a.year} → ${b.year}`, `fiscal year ${a.year} → ${b.year}`);
  // A title that differs only by its year says nothing the year line has not said.
  const sameButYear = (x: string, y: string): boolean => x.replaceAll(String(a.year), String(b.year)) === y;
  if (!sameButYear(a.name.th, b.name.th) || !sameButYear(a.name.en, b.name.en)) {
    c.add("assessment", "changed", "", `ชื่อการประเมินเปลี่ยนเป็น ${q(b.name.th)}`, `assessment renamed ${q(en(b.name))}`);
  }
}

function diffTools(c: Collector, a: RulesModel, b: RulesModel): void {
  const before = byId(a.tools);
  const after = byId(b.tools);
  for (const t of a.tools) {
    if (!after.has(t.id)) {
      c.add(
        "tools",
        "removed",
        t.id,
        `ตัดแบบวัด ${t.id} ${q(t.label.th)} ออก (เดิมน้ำหนัก ${t.weight}%)`,
        `tool ${t.id} ${q(en(t.label))} removed (its weight was ${t.weight}%)`,
      );
    }
  }
  for (const t of b.tools) {
    const old = before.get(t.id);
    if (!old) {
      c.add(
        "tools",
        "added",
        t.id,
        `เพิ่มแบบวัด ${t.id} ${q(t.label.th)} น้ำหนัก ${t.weight}%`,
        `new tool ${t.id} ${q(en(t.label))}, weight ${t.weight}%`,
      );
      continue;
    }
    diffTool(c, old, t);
  }
  if (a.total.weighted !== b.total.weighted) {
    const m = method(b.total.weighted, "tools");
    c.add("tools", "changed", "total", `คะแนนรวมคิดเป็น${m.th}`, `the total is now the ${m.en}`);
  }
}

function diffTool(c: Collector, a: Tool, b: Tool): void {
  if (a.weight !== b.weight) {
    c.add(
      "tools",
      "changed",
      b.id,
      `แบบวัด ${b.id}: น้ำหนัก ${a.weight}% → ${b.weight}%`,
      `tool ${b.id}: weight ${a.weight}% → ${b.weight}%`,
    );
  }
  if (a.label.th !== b.label.th || a.label.en !== b.label.en) {
    c.add(
      "tools",
      "changed",
      b.id,
      `แบบวัด ${b.id} เปลี่ยนชื่อเป็น ${q(b.label.th)}`,
      `tool ${b.id} renamed ${q(en(b.label))}`,
    );
  }
  if (a.weighted !== b.weighted) {
    const m = method(b.weighted, "indicators");
    c.add("tools", "changed", b.id, `แบบวัด ${b.id}: คิดเป็น${m.th}`, `tool ${b.id}: now the ${m.en}`);
  }
}

function indicatorMethod(i: Indicator): { th: string; en: string } {
  return method(i.weighted, i.subindicators.length > 0 ? "subindicators" : "questions");
}

function diffIndicators(c: Collector, a: RulesModel, b: RulesModel): void {
  const before = byId(a.indicators);
  const after = byId(b.indicators);
  for (const i of a.indicators) {
    if (!after.has(i.id)) {
      c.add(
        "indicators",
        "removed",
        i.id,
        `ตัดตัวชี้วัดที่ ${i.id} ${q(i.label.th)} ออก`,
        `indicator ${i.id} ${q(en(i.label))} removed`,
      );
    }
  }
  for (const i of b.indicators) {
    const old = before.get(i.id);
    if (!old) {
      c.add(
        "indicators",
        "added",
        i.id,
        `เพิ่มตัวชี้วัดที่ ${i.id} ${q(i.label.th)} วัดด้วย ${list(i.tools)} (${questionsOf(i).length} ข้อ)`,
        `new indicator ${i.id} ${q(en(i.label))}, measured by ${list(i.tools)} (${questionsOf(i).length} questions)`,
      );
      continue;
    }
    diffIndicator(c, old, i);
  }
  if (c.plansChanged.length) {
    const ids = list(c.plansChanged);
    c.add(
      "indicators",
      "changed",
      ids,
      `แม่แบบแผนพัฒนาเปลี่ยนในตัวชี้วัดที่ ${ids}`,
      `improvement-plan templates changed for indicators ${ids}`,
    );
  }
}

function diffIndicator(c: Collector, a: Indicator, b: Indicator): void {
  const id = b.id;
  const say = (th: string, enText: string): void => c.add("indicators", "changed", id, th, enText);
  if (a.label.th !== b.label.th || a.label.en !== b.label.en) {
    say(`ตัวชี้วัดที่ ${id} เปลี่ยนชื่อเป็น ${q(b.label.th)}`, `indicator ${id} renamed ${q(en(b.label))}`);
  }
  if (!same(a.tools, b.tools)) {
    say(
      `ตัวชี้วัดที่ ${id}: วัดด้วย ${list(a.tools)} → ${list(b.tools)}`,
      `indicator ${id}: measured by ${list(a.tools)} → ${list(b.tools)}`,
    );
  }
  if (a.weight !== b.weight) {
    say(`ตัวชี้วัดที่ ${id}: น้ำหนัก ${a.weight} → ${b.weight}`, `indicator ${id}: weight ${a.weight} → ${b.weight}`);
  }
  const ma = indicatorMethod(a);
  const mb = indicatorMethod(b);
  if (ma.en !== mb.en)
    say(`ตัวชี้วัดที่ ${id}: คิดเป็น${mb.th} (เดิม${ma.th})`, `indicator ${id}: now the ${mb.en} (was the ${ma.en})`);
  const ca = a.combined ? method(a.combined.weighted, "tools").en : "";
  const cb = b.combined ? method(b.combined.weighted, "tools") : undefined;
  if (cb && ca !== cb.en)
    say(`ตัวชี้วัดที่ ${id}: รวมผลหลายแบบวัดด้วย${cb.th}`, `indicator ${id}: tools combined by the ${cb.en}`);

  const subsBefore = byId(a.subindicators);
  const subsAfter = byId(b.subindicators);
  for (const s of a.subindicators) {
    if (!subsAfter.has(s.id)) {
      c.add(
        "indicators",
        "removed",
        s.id,
        `ตัดตัวชี้วัดย่อย ${s.id} ${q(s.label.th)} ออก`,
        `sub-indicator ${s.id} ${q(en(s.label))} removed`,
      );
    }
  }
  for (const s of b.subindicators) {
    const old = subsBefore.get(s.id);
    if (!old) {
      c.add(
        "indicators",
        "added",
        s.id,
        `เพิ่มตัวชี้วัดย่อย ${s.id} ${q(s.label.th)} ในตัวชี้วัดที่ ${id}`,
        `new sub-indicator ${s.id} ${q(en(s.label))} in indicator ${id}`,
      );
      continue;
    }
    if (old.label.th !== s.label.th || old.label.en !== s.label.en) {
      c.add(
        "indicators",
        "changed",
        s.id,
        `ตัวชี้วัดย่อย ${s.id} เปลี่ยนชื่อเป็น ${q(s.label.th)}`,
        `sub-indicator ${s.id} renamed ${q(en(s.label))}`,
      );
    }
    if (old.weight !== s.weight) {
      c.add(
        "indicators",
        "changed",
        s.id,
        `ตัวชี้วัดย่อย ${s.id}: น้ำหนัก ${old.weight} → ${s.weight}`,
        `sub-indicator ${s.id}: weight ${old.weight} → ${s.weight}`,
      );
    }
  }
  if (JSON.stringify(a.plans) !== JSON.stringify(b.plans)) c.plansChanged.push(id);
}

interface PlacedQuestion {
  readonly q: Question;
  readonly tools: readonly string[];
}

/** Questions keyed by id, or by indicator and id where an id is used in more than one indicator. */
function questionMap(m: RulesModel): Map<string, PlacedQuestion> {
  const all = m.indicators.flatMap((i) => questionsOf(i).map((x) => ({ q: x, tools: i.tools })));
  const count = new Map<string, number>();
  for (const { q: x } of all) count.set(x.id, (count.get(x.id) ?? 0) + 1);
  return new Map(all.map((p) => [count.get(p.q.id)! > 1 ? `${p.q.indicator}/${p.q.id}` : p.q.id, p]));
}

function place(x: Question): { th: string; en: string } {
  return x.subindicator
    ? { th: `ตัวชี้วัดย่อย ${x.subindicator}`, en: `sub-indicator ${x.subindicator}` }
    : { th: `ตัวชี้วัดที่ ${x.indicator}`, en: `indicator ${x.indicator}` };
}

function diffQuestions(c: Collector, a: RulesModel, b: RulesModel): void {
  const before = questionMap(a);
  const after = questionMap(b);
  for (const [key, { q: x, tools }] of before) {
    if (after.has(key)) continue;
    const p = place(x);
    c.add(
      "questions",
      "removed",
      x.id,
      `ตัดข้อ ${x.id} (${list(tools)}, ${p.th}) ออก: ${q(x.text.th)}`,
      `question ${x.id} (${list(tools)}, ${p.en}) removed: ${q(en(x.text))}`,
    );
  }
  for (const [key, { q: x, tools }] of after) {
    const old = before.get(key)?.q;
    const p = place(x);
    if (!old) {
      c.add(
        "questions",
        "added",
        x.id,
        `เพิ่มข้อ ${x.id} (${list(tools)}, ${p.th}): ${q(x.text.th)}`,
        `new question ${x.id} (${list(tools)}, ${p.en}): ${q(en(x.text))}`,
      );
      continue;
    }
    const say = (th: string, enText: string): void => c.add("questions", "changed", x.id, th, enText);
    if (old.text.th !== x.text.th) {
      say(
        `ข้อ ${x.id} เปลี่ยนถ้อยคำ: ${q(old.text.th)} → ${q(x.text.th)}`,
        `question ${x.id} reworded: ${q(en(old.text))} → ${q(en(x.text))}`,
      );
    } else if (old.text.en !== x.text.en) {
      say(`ข้อ ${x.id}: ข้อความภาษาอังกฤษเปลี่ยน`, `question ${x.id}: English text changed to ${q(x.text.en)}`);
    }
    const op = place(old);
    if (op.en !== p.en) say(`ข้อ ${x.id} ย้ายจาก${op.th}ไป${p.th}`, `question ${x.id} moved from ${op.en} to ${p.en}`);
    if ((old.scale ?? "") !== (x.scale ?? "")) {
      say(
        `ข้อ ${x.id}: มาตรวัด ${old.scale ?? "—"} → ${x.scale ?? "—"}`,
        `question ${x.id}: scale ${old.scale ?? "—"} → ${x.scale ?? "—"}`,
      );
    }
    if (old.reversed !== x.reversed) {
      say(
        x.reversed ? `ข้อ ${x.id} กลายเป็นข้อกลับด้าน (ตอบ "ไม่มี" ได้คะแนนเต็ม)` : `ข้อ ${x.id} ไม่เป็นข้อกลับด้านแล้ว`,
        x.reversed
          ? `question ${x.id} is now reversed ("none" scores full marks)`
          : `question ${x.id} is no longer reversed`,
      );
    }
    if (old.weight !== x.weight)
      say(`ข้อ ${x.id}: น้ำหนัก ${old.weight} → ${x.weight}`, `question ${x.id}: weight ${old.weight} → ${x.weight}`);
    if (old.maintain !== x.maintain || old.raise !== x.raise) c.guidanceChanged.push(x.id);
  }
  // Guidance and plan templates change wholesale from year to year: one line each, naming where.
  if (c.guidanceChanged.length) {
    const ids = list(c.guidanceChanged);
    c.add(
      "questions",
      "changed",
      ids,
      `แนวทางการพัฒนา (maintain/raise) เปลี่ยนใน ${c.guidanceChanged.length} ข้อ: ${ids}`,
      `improvement guidance (maintain/raise) changed for ${c.guidanceChanged.length} questions: ${ids}`,
    );
  }
}

function diffScales(c: Collector, a: RulesModel, b: RulesModel): void {
  const before = byId(a.scales);
  const after = byId(b.scales);
  for (const s of a.scales) {
    if (!after.has(s.id)) c.add("scales", "removed", s.id, `ตัดมาตรวัด ${s.id} ออก`, `scale ${s.id} removed`);
  }
  for (const s of b.scales) {
    const old = before.get(s.id);
    if (!old) {
      c.add("scales", "added", s.id, `เพิ่มมาตรวัด ${s.id}: ${answers(s)}`, `new scale ${s.id}: ${answers(s)}`);
      continue;
    }
    if (old.label.th !== s.label.th || old.label.en !== s.label.en) {
      c.add(
        "scales",
        "changed",
        s.id,
        `มาตรวัด ${s.id} เปลี่ยนชื่อเป็น ${q(s.label.th)}`,
        `scale ${s.id} renamed ${q(en(s.label))}`,
      );
    }
    const oldAnswers = new Map(old.answers.map((x) => [x.text, x]));
    const newAnswers = new Map(s.answers.map((x) => [x.text, x]));
    for (const x of old.answers) {
      if (!newAnswers.has(x.text)) {
        c.add(
          "scales",
          "removed",
          s.id,
          `มาตรวัด ${s.id}: ตัดคำตอบ ${q(x.text)} ออก`,
          `scale ${s.id}: answer ${q(x.text)} removed`,
        );
      }
    }
    for (const x of s.answers) {
      const o = oldAnswers.get(x.text);
      if (!o) {
        c.add(
          "scales",
          "added",
          s.id,
          `มาตรวัด ${s.id}: เพิ่มคำตอบ ${q(x.text)} = ${points(x.points)}`,
          `scale ${s.id}: new answer ${q(x.text)} = ${points(x.points)}`,
        );
      } else if (o.points !== x.points) {
        c.add(
          "scales",
          "changed",
          s.id,
          `มาตรวัด ${s.id}: คำตอบ ${q(x.text)} ได้ ${points(o.points)} → ${points(x.points)} คะแนน`,
          `scale ${s.id}: answer ${q(x.text)} scores ${points(o.points)} → ${points(x.points)}`,
        );
      } else if ((o.code ?? "") !== (x.code ?? "")) {
        c.add(
          "scales",
          "changed",
          s.id,
          `มาตรวัด ${s.id}: รหัสของ ${q(x.text)} ${o.code ?? "—"} → ${x.code ?? "—"}`,
          `scale ${s.id}: code of ${q(x.text)} ${o.code ?? "—"} → ${x.code ?? "—"}`,
        );
      }
    }
  }
}

function points(p: number | null): string {
  return p === null ? "skip" : String(p);
}

function answers(s: Scale): string {
  return s.answers.map((x) => `${q(x.text)} = ${points(x.points)}`).join(", ");
}

function diffRating(c: Collector, a: RulesModel, b: RulesModel): void {
  if (a.rating.label.th !== b.rating.label.th) {
    c.add(
      "rating",
      "changed",
      "",
      `ชื่อตารางระดับเปลี่ยนเป็น ${q(b.rating.label.th)}`,
      `rating table renamed ${q(en(b.rating.label))}`,
    );
  }
  const before = new Map(a.rating.rows.map((r) => [r.label.th, r]));
  const after = new Map(b.rating.rows.map((r) => [r.label.th, r]));
  for (const r of a.rating.rows) {
    if (after.has(r.label.th)) continue;
    const d = describeBand(r);
    c.add(
      "rating",
      "removed",
      r.label.th,
      `ตัดระดับ ${q(r.label.th)} (${d.th}) ออก`,
      `band ${q(en(r.label))} (${d.en}) removed`,
    );
  }
  const finer = Math.max(a.decimals, b.decimals);
  for (const r of b.rating.rows) {
    const old = before.get(r.label.th);
    const d = describeBand(r);
    if (!old) {
      c.add("rating", "added", r.label.th, `เพิ่มระดับ ${q(r.label.th)}: ${d.th}`, `new band ${q(en(r.label))}: ${d.en}`);
      continue;
    }
    if (bandKey(old, finer) !== bandKey(r, finer)) {
      const o = describeBand(old);
      c.add(
        "rating",
        "changed",
        r.label.th,
        `ระดับ ${q(r.label.th)}: เงื่อนไข ${o.th} → ${d.th}`,
        `band ${q(en(r.label))}: condition ${o.en} → ${d.en}`,
      );
    }
    if (old.label.en !== r.label.en) {
      c.add(
        "rating",
        "changed",
        r.label.th,
        `ระดับ ${q(r.label.th)}: ชื่อภาษาอังกฤษเปลี่ยน`,
        `band ${q(r.label.th)}: English name now ${q(r.label.en)}`,
      );
    }
  }
  // First match: the order of the bands both years share decides which one applies.
  const orderA = a.rating.rows.map((r) => r.label.th).filter((l) => after.has(l));
  const orderB = b.rating.rows.map((r) => r.label.th).filter((l) => before.has(l));
  if (!same(orderA, orderB)) {
    c.add(
      "rating",
      "changed",
      "",
      `ลำดับการตรวจระดับเปลี่ยน: ${orderB.join(" → ")}`,
      `the order bands are tried in changed: ${orderB.join(" → ")}`,
    );
  }
}

function diffScoring(c: Collector, a: RulesModel, b: RulesModel): void {
  if (!a.pass || !b.pass) {
    if (a.pass || b.pass) {
      const p = (a.pass ?? b.pass)!;
      c.add(
        "scoring",
        "changed",
        "pass",
        a.pass
          ? `ไม่มีเกณฑ์ผ่านรายตัวชี้วัด (เดิม ${p.threshold} คะแนน)`
          : `เพิ่มเกณฑ์ผ่านรายตัวชี้วัด ${p.threshold} คะแนน (${q(p.passLabel.th)} / ${q(p.failLabel.th)})`,
        a.pass
          ? `no per-indicator pass mark (was ${p.threshold})`
          : `a per-indicator pass mark of ${p.threshold} added (${q(en(p.passLabel))} / ${q(en(p.failLabel))})`,
      );
    }
  } else if (a.pass.threshold !== b.pass.threshold) {
    c.add(
      "scoring",
      "changed",
      "pass",
      `เกณฑ์ผ่าน ${a.pass.threshold} → ${b.pass.threshold} คะแนน`,
      `pass mark ${a.pass.threshold} → ${b.pass.threshold}`,
    );
  }
  if (
    a.pass &&
    b.pass &&
    (a.pass.passLabel.th !== b.pass.passLabel.th || a.pass.failLabel.th !== b.pass.failLabel.th)
  ) {
    c.add(
      "scoring",
      "changed",
      "pass",
      `คำเรียกผลผ่าน/ไม่ผ่าน: ${q(b.pass.passLabel.th)} / ${q(b.pass.failLabel.th)}`,
      `pass/fail wording: ${q(en(b.pass.passLabel))} / ${q(en(b.pass.failLabel))}`,
    );
  }
  if (a.decimals !== b.decimals) {
    c.add(
      "scoring",
      "changed",
      "rounding",
      `ปัดเศษเป็นทศนิยม ${a.decimals} → ${b.decimals} ตำแหน่ง`,
      `rounding ${a.decimals} → ${b.decimals} decimals`,
    );
  }
  if (!same([...a.publish].sort(), [...b.publish].sort())) {
    c.add(
      "scoring",
      "changed",
      "rounding",
      `ระดับที่ปัดเศษก่อนประกาศ: ${list(a.publish)} → ${list(b.publish)}`,
      `levels rounded when published: ${list(a.publish)} → ${list(b.publish)}`,
    );
  }
}

/** Every change from `before` to `after`, grouped by section. */
export function diffRules(before: RulesModel, after: RulesModel): RulesDiff {
  const c = new Collector();
  diffAssessment(c, before, after);
  diffTools(c, before, after);
  diffIndicators(c, before, after);
  diffQuestions(c, before, after);
  diffScales(c, before, after);
  diffRating(c, before, after);
  diffScoring(c, before, after);
  const groups = SECTIONS.flatMap((s) => {
    const changes = c.changes.filter((x) => x.section === s.section);
    return changes.length ? [{ ...s, changes }] : [];
  });
  return { changes: groups.flatMap((g) => g.changes), groups };
}
