/**
 * Form edits of a rules file as minimal edits of its text. Each edit finds its
 * target in the syntax tree, replaces only the range of the value it changes (a
 * weight's number, a label's quoted text) or inserts a new block (tool, indicator,
 * question, band, answer …) at the place it belongs with the file's own
 * indentation, and re-checks the result. Comments, blank lines and every line the
 * edit does not concern stay byte-identical: the way an editor that writes
 * settings files keeps what people wrote. Edits never throw: a bad request or a
 * target inside a part of the text that does not parse gives a bilingual reason.
 */
import type * as A from "./ast.js";
import type { Diagnostic, SourceSpan } from "./diagnostics.js";
import { parseRules } from "./parse-rules.js";
import { parseText } from "./parse.js";
import { quote } from "./tokens.js";

export type EditResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly th: string; readonly en: string };

export interface LabelText {
  readonly th: string;
  /** Empty or absent: no English label. */
  readonly en?: string;
}

/** A rating condition as the form shows it: a subject and inclusive bounds (absent = open). */
export interface ConditionSpec {
  readonly subject: "total" | "every" | "any" | "tool";
  readonly tool?: string;
  readonly min?: number;
  readonly max?: number;
}

export interface QuestionSpec {
  readonly id: string;
  readonly th: string;
  readonly en?: string;
  /** Absent: scored directly 0–100 (OIT items). */
  readonly scale?: string;
  readonly reversed?: boolean;
  readonly maintain?: string;
  readonly raise?: string;
}

export type RulesEdit =
  | { readonly op: "assessment-label"; readonly label: LabelText }
  /** `relabel`: also the year written in the assessment's titles ("… พ.ศ. 2568" → "… พ.ศ. 2569"). */
  | { readonly op: "assessment-year"; readonly year: number; readonly relabel?: boolean }
  | { readonly op: "tool-label"; readonly tool: string; readonly label: LabelText }
  | { readonly op: "tool-weight"; readonly tool: string; readonly weight: number }
  | { readonly op: "tool-id"; readonly tool: string; readonly id: string }
  | { readonly op: "tool-add"; readonly id: string; readonly label: LabelText; readonly weight: number }
  | { readonly op: "tool-remove"; readonly tool: string }
  | { readonly op: "pass-threshold"; readonly value: number }
  | { readonly op: "pass-labels"; readonly pass: LabelText; readonly fail: LabelText }
  | { readonly op: "rounding-decimals"; readonly decimals: number }
  | { readonly op: "band-label"; readonly band: number; readonly label: LabelText }
  | { readonly op: "band-condition"; readonly band: number; readonly condition: number; readonly spec: ConditionSpec }
  | { readonly op: "band-condition-add"; readonly band: number; readonly spec: ConditionSpec }
  | { readonly op: "band-condition-remove"; readonly band: number; readonly condition: number }
  | {
      readonly op: "band-add";
      /** The new band's index: 0 first, the number of bands last. */
      readonly at: number;
      readonly label: LabelText;
      readonly conditions: readonly ConditionSpec[];
    }
  | { readonly op: "band-remove"; readonly band: number }
  | { readonly op: "band-move"; readonly band: number; readonly by: -1 | 1 }
  | {
      readonly op: "indicator-add";
      readonly id: string;
      readonly label: LabelText;
      readonly tools: readonly string[];
      readonly questions?: readonly QuestionSpec[];
    }
  | { readonly op: "indicator-remove"; readonly indicator: string }
  | { readonly op: "indicator-label"; readonly indicator: string; readonly label: LabelText }
  | { readonly op: "indicator-id"; readonly indicator: string; readonly id: string }
  | { readonly op: "indicator-tools"; readonly indicator: string; readonly tools: readonly string[] }
  /** How the indicator rolls up its parts (`weighted`), and, when it has several tools, its tool scores (`combinedWeighted`). */
  | {
      readonly op: "indicator-method";
      readonly indicator: string;
      readonly weighted: boolean;
      readonly combinedWeighted?: boolean;
    }
  | {
      readonly op: "question-add";
      readonly indicator: string;
      readonly subindicator?: string;
      readonly question: QuestionSpec;
    }
  | { readonly op: "question-remove"; readonly question: string }
  | { readonly op: "question-move"; readonly question: string; readonly by: -1 | 1 }
  | { readonly op: "question-set"; readonly question: string; readonly changes: Partial<QuestionSpec> }
  | { readonly op: "subindicator-add"; readonly indicator: string; readonly id: string; readonly label: LabelText }
  | { readonly op: "subindicator-remove"; readonly indicator: string; readonly subindicator: string }
  | {
      readonly op: "subindicator-label";
      readonly indicator: string;
      readonly subindicator: string;
      readonly label: LabelText;
    }
  | { readonly op: "subindicator-move"; readonly indicator: string; readonly subindicator: string; readonly by: -1 | 1 }
  | {
      readonly op: "answer-set";
      readonly scale: string;
      readonly answer: number;
      readonly text?: string;
      /** `null`: skipped ("don't know"), counted for nothing. */
      readonly points?: number | null;
    }
  | {
      readonly op: "answer-add";
      readonly scale: string;
      readonly text: string;
      readonly code?: string;
      readonly points: number | null;
    }
  | { readonly op: "answer-remove"; readonly scale: string; readonly answer: number }
  | { readonly op: "answer-move"; readonly scale: string; readonly answer: number; readonly by: -1 | 1 }
  | { readonly op: "scale-label"; readonly scale: string; readonly label: LabelText };

interface Change {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** A refused edit: why, in Thai and English. */
class Refusal {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {}
}

const refuse = (th: string, en: string): never => {
  throw new Refusal(th, en);
};

const endOf = (s: SourceSpan): number => s.offset + s.length;
const replace = (s: SourceSpan, insert: string): Change => ({ from: s.offset, to: endOf(s), insert });
const insertAt = (at: number, insert: string): Change => ({ from: at, to: at, insert });

const NAME = /^[A-Za-z_\u0E01-\u0E4F\u0E5A-\u0E7F][A-Za-z0-9_\u0E00-\u0E7F]*$/;
const INDICATOR_ID = /^[0-9]+$/;
const SUB_ID = /^([0-9]+(\.[0-9]+)*|[A-Za-z_\u0E01-\u0E4F\u0E5A-\u0E7F][A-Za-z0-9_\u0E00-\u0E7F]*)$/;

/** A number as the rules file writes it: 35, 84.99, never 3.5e1. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}

function number(n: number, what: { th: string; en: string }, max = 100): string {
  if (!Number.isFinite(n) || n < 0 || n > max) {
    refuse(`${what.th} ต้องเป็นตัวเลข 0–${max}`, `${what.en} must be a number from 0 to ${max}`);
  }
  return formatNumber(n);
}

function text(value: string, what: { th: string; en: string }): string {
  const v = value.trim();
  if (!v) refuse(`${what.th} ต้องไม่ว่าง`, `${what.en} must not be empty`);
  return quote(v);
}

function labelText(l: LabelText, what: { th: string; en: string }): string {
  const en = l.en?.trim();
  return `${text(l.th, what)}${en ? ` ${quote(en)}` : ""}`;
}

// --- lines and indentation ----------------------------------------------------

function lineStart(src: string, offset: number): number {
  return src.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just after the line break ending the line that holds `offset` (or the end of the text). */
function nextLineStart(src: string, offset: number): number {
  const nl = src.indexOf("\n", offset);
  return nl < 0 ? src.length : nl + 1;
}

function indentAt(src: string, offset: number): string {
  return /^[ \t]*/.exec(src.slice(lineStart(src, offset), offset))![0];
}

/** Whether only spaces stand between the start of its line and `offset`. */
function startsLine(src: string, offset: number): boolean {
  return /^[ \t]*$/.test(src.slice(lineStart(src, offset), offset));
}

/** Whether only spaces or a comment follow `offset` on its line. */
function endsLine(src: string, offset: number): boolean {
  const nl = src.indexOf("\n", offset);
  return /^[ \t]*(#.*)?$/.test(src.slice(offset, nl < 0 ? src.length : nl));
}

const isBlankLine = (src: string, start: number): boolean => {
  const nl = src.indexOf("\n", start);
  return start < src.length && /^[ \t]*$/.test(src.slice(start, nl < 0 ? src.length : nl));
};

/**
 * The whole lines a node takes, when it has its lines to itself; with the comment
 * lines right above it when `withComments` (a question's note goes with the question).
 */
function blockOf(src: string, span: SourceSpan, withComments = false): { from: number; to: number } {
  const end = endOf(span);
  if (!startsLine(src, span.offset) || !endsLine(src, end)) return { from: span.offset, to: end };
  let from = lineStart(src, span.offset);
  if (withComments) {
    while (from > 0) {
      const prev = lineStart(src, from - 1);
      if (!/^[ \t]*#/.test(src.slice(prev, from))) break;
      from = prev;
    }
  }
  return { from, to: nextLineStart(src, end) };
}

/** Remove a block; a blank line left doubled (blank above and below) loses one. */
function removeBlock(src: string, span: SourceSpan, withComments = false): Change {
  const b = blockOf(src, span, withComments);
  const blankBefore = b.from > 0 && isBlankLine(src, lineStart(src, b.from - 1));
  const blankAfter = isBlankLine(src, b.to);
  const to = blankBefore && blankAfter ? nextLineStart(src, b.to) : b.to;
  return { from: b.from, to, insert: "" };
}

/** Swap two blocks (a before b), keeping what lies between them. */
function swap(src: string, a: { from: number; to: number }, b: { from: number; to: number }): Change {
  return {
    from: a.from,
    to: b.to,
    insert: src.slice(b.from, b.to) + src.slice(a.to, b.from) + src.slice(a.from, a.to),
  };
}

/** Insert whole lines after the line that holds `offset`. */
function linesAfter(src: string, offset: number, lines: readonly string[], blankFirst = false): Change {
  const at = nextLineStart(src, offset);
  const needsBreak = at === src.length && !src.endsWith("\n") && src.length > 0;
  return insertAt(at, `${needsBreak ? "\n" : ""}${blankFirst ? "\n" : ""}${lines.join("\n")}\n`);
}

/** Insert whole lines before the line that holds `offset`. */
function linesBefore(src: string, offset: number, lines: readonly string[]): Change {
  return insertAt(lineStart(src, offset), `${lines.join("\n")}\n`);
}

/** Lines inside a block closed by the `}` at `close`, just before it. */
function linesInside(src: string, close: number, lines: readonly string[]): Change {
  if (startsLine(src, close)) return linesBefore(src, close, lines);
  return insertAt(close, `\n${lines.join("\n")}\n${indentAt(src, close)}`);
}

/** The file's indentation step: how far its first nested line sits in from its statement. */
function indentUnit(src: string, file: A.RulesFile): string {
  for (const s of file.statements) {
    if (s.kind === "indicator" && s.items[0]) {
      const inner = indentAt(src, s.items[0].span.offset);
      const outer = indentAt(src, s.span.offset);
      if (inner.length > outer.length) return inner.slice(outer.length);
    }
  }
  return "  ";
}

// --- finding things -------------------------------------------------------------

const statements = <K extends A.Statement["kind"]>(f: A.RulesFile, kind: K): Extract<A.Statement, { kind: K }>[] =>
  f.statements.filter((s): s is Extract<A.Statement, { kind: K }> => s.kind === kind);

function the<K extends A.Statement["kind"]>(
  f: A.RulesFile,
  kind: K,
  what: { th: string; en: string },
): Extract<A.Statement, { kind: K }> {
  const found = statements(f, kind)[0];
  return found ?? refuse(`ไม่มี${what.th}ในเกณฑ์`, `the rules have no ${what.en}`);
}

function tool(f: A.RulesFile, id: string): A.ToolNode {
  return statements(f, "tool").find((t) => t.id?.value === id) ?? refuse(`ไม่พบแบบวัด ${id}`, `no tool ${id}`);
}

function indicator(f: A.RulesFile, id: string): A.IndicatorNode {
  return statements(f, "indicator").find((i) => i.id?.value === id) ?? refuse(`ไม่พบตัวชี้วัด ${id}`, `no indicator ${id}`);
}

function subindicator(ind: A.IndicatorNode, id: string): A.SubindicatorNode {
  return (
    ind.items.find((i): i is A.SubindicatorNode => i.kind === "subindicator" && i.id?.value === id) ??
    refuse(`ไม่พบตัวชี้วัดย่อย ${id}`, `no sub-indicator ${id}`)
  );
}

interface QuestionPlace {
  readonly question: A.QuestionNode;
  /** The questions it sits among (its indicator's or its sub-indicator's). */
  readonly siblings: readonly A.QuestionNode[];
  readonly indicator: A.IndicatorNode;
}

function allQuestions(f: A.RulesFile): QuestionPlace[] {
  const out: QuestionPlace[] = [];
  for (const ind of statements(f, "indicator")) {
    const direct = ind.items.filter((i): i is A.QuestionNode => i.kind === "question");
    for (const q of direct) out.push({ question: q, siblings: direct, indicator: ind });
    for (const sub of ind.items) {
      if (sub.kind !== "subindicator") continue;
      for (const q of sub.questions) out.push({ question: q, siblings: sub.questions, indicator: ind });
    }
  }
  return out;
}

function question(f: A.RulesFile, id: string): QuestionPlace {
  return allQuestions(f).find((p) => p.question.id?.value === id) ?? refuse(`ไม่พบข้อ ${id}`, `no question ${id}`);
}

function scale(f: A.RulesFile, id: string): A.ScaleNode {
  return statements(f, "scale").find((s) => s.id?.value === id) ?? refuse(`ไม่พบมาตรวัด ${id}`, `no answer scale ${id}`);
}

function band(f: A.RulesFile, index: number): A.BandNode {
  const rating = the(f, "rating", { th: "ระดับผลการประเมิน", en: "rating" });
  return rating.bands[index] ?? refuse(`ไม่มีระดับที่ ${index + 1}`, `there is no band ${index + 1}`);
}

function answer(s: A.ScaleNode, index: number): A.AnswerNode {
  return s.answers[index] ?? refuse(`ไม่มีคำตอบที่ ${index + 1}`, `there is no answer ${index + 1}`);
}

function toolIdOk(f: A.RulesFile, id: string): string {
  if (!NAME.test(id)) {
    refuse(
      `รหัสแบบวัด "${id}" ต้องขึ้นต้นด้วยตัวอักษร ตามด้วยตัวอักษรหรือตัวเลข ไม่มีเว้นวรรค`,
      `tool id "${id}" must start with a letter, then letters or digits, no spaces`,
    );
  }
  if (statements(f, "tool").some((t) => t.id?.value === id)) refuse(`มีแบบวัด ${id} แล้ว`, `tool ${id} exists already`);
  return id;
}

function indicatorIdOk(f: A.RulesFile, id: string): string {
  if (!INDICATOR_ID.test(id)) refuse(`ตัวชี้วัดต้องมีเลขที่ (เช่น 11)`, `an indicator's id is a number (e.g. 11)`);
  if (statements(f, "indicator").some((i) => i.id?.value === id)) {
    refuse(`มีตัวชี้วัดที่ ${id} แล้ว`, `indicator ${id} exists already`);
  }
  return id;
}

function questionIdOk(f: A.RulesFile, id: string): string {
  if (!NAME.test(id)) {
    refuse(
      `รหัสข้อ "${id}" ต้องขึ้นต้นด้วยตัวอักษร ตามด้วยตัวอักษรหรือตัวเลข (เช่น i16)`,
      `question id "${id}" must start with a letter, then letters or digits (e.g. i16)`,
    );
  }
  if (allQuestions(f).some((p) => p.question.id?.value === id))
    refuse(`มีข้อ ${id} แล้ว`, `question ${id} exists already`);
  return id;
}

function knownTools(f: A.RulesFile, ids: readonly string[]): void {
  if (ids.length === 0) refuse("เลือกแบบวัดอย่างน้อยหนึ่งแบบวัด", "choose at least one tool");
  for (const id of ids) tool(f, id);
  if (new Set(ids).size !== ids.length) refuse("เลือกแบบวัดซ้ำ", "a tool is chosen twice");
}

// --- rendering new text -----------------------------------------------------------

function renderCondition(f: A.RulesFile, c: ConditionSpec): string {
  const subject =
    c.subject === "total"
      ? "total"
      : c.subject === "tool"
        ? `tool ${c.tool && tool(f, c.tool).id!.value}`
        : `${c.subject} tool`;
  if (c.subject === "tool" && !c.tool) refuse("เลือกแบบวัดของเงื่อนไข", "choose the condition's tool");
  const what = { th: "ขอบเขตของเงื่อนไข", en: "a condition's bound" };
  const min = c.min !== undefined ? number(c.min, what) : undefined;
  const max = c.max !== undefined ? number(c.max, what) : undefined;
  if (min !== undefined && max !== undefined) {
    if (c.min! > c.max!) refuse(`ค่าเริ่ม ${min} มากกว่าค่าสิ้นสุด ${max}`, `from ${min} is above to ${max}`);
    return `${subject} ${min} - ${max}`;
  }
  if (min !== undefined) return `${subject} >= ${min}`;
  if (max !== undefined) return `${subject} <= ${max}`;
  return refuse("เงื่อนไขต้องมีค่าเริ่มหรือค่าสิ้นสุด", "a condition needs a from or a to value");
}

function renderBand(f: A.RulesFile, label: LabelText, conditions: readonly ConditionSpec[]): string {
  if (conditions.length === 0) refuse("ระดับต้องมีเงื่อนไขอย่างน้อยหนึ่งข้อ", "a band needs at least one condition");
  return `${labelText(label, { th: "ชื่อระดับ", en: "the band's name" })} when ${conditions.map((c) => renderCondition(f, c)).join(" and ")}`;
}

function renderQuestion(f: A.RulesFile, q: QuestionSpec, indent: string, unit: string): string[] {
  const head = [
    `question ${questionIdOk(f, q.id.trim())}`,
    labelText({ th: q.th, en: q.en }, { th: "ข้อความของข้อ", en: "the question's text" }),
  ];
  if (q.scale) head.push(`scale ${scale(f, q.scale).id!.value}${q.reversed ? " reversed" : ""}`);
  else if (q.reversed) refuse("ข้อที่กลับคะแนนต้องมีมาตรวัด", "a reversed question needs an answer scale");
  const lines = [`${indent}${head.join(" ")}`];
  if (q.maintain?.trim()) lines.push(`${indent}${unit}maintain ${quote(q.maintain.trim())}`);
  if (q.raise?.trim()) lines.push(`${indent}${unit}raise ${quote(q.raise.trim())}`);
  return lines;
}

// --- the edits ----------------------------------------------------------------------

/** Change a label in place: the Thai text, and the English added, changed or removed. */
function relabel(l: A.Label | undefined, to: LabelText, at: number): Change[] {
  const th = text(to.th, { th: "ชื่อภาษาไทย", en: "the Thai name" });
  const en = to.en?.trim();
  if (!l) return [insertAt(at, ` ${th}${en ? ` ${quote(en)}` : ""}`)];
  const out: Change[] = [];
  if (quote(l.th.value) !== th) out.push(replace(l.th.span, th));
  if (l.en && !en) out.push({ from: endOf(l.th.span), to: endOf(l.en.span), insert: "" });
  else if (l.en && en && l.en.value !== en) out.push(replace(l.en.span, quote(en)));
  else if (!l.en && en) out.push(insertAt(endOf(l.th.span), ` ${quote(en)}`));
  return out;
}

function labelEnd(l: A.Label | undefined, fallback: number): number {
  return l ? endOf((l.en ?? l.th).span) : fallback;
}

/** The offset of the last occurrence of `word` before `offset`, as a whole word. */
function keywordBefore(src: string, offset: number, word: string): number {
  const i = src.lastIndexOf(word, offset);
  return i < 0 ? refuse("ข้อความเกณฑ์ไม่ตรงกับที่คาด", "the rules text is not as expected") : i;
}

function editAssessment(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  const a = the(f, "assessment", { th: "บรรทัดการประเมิน (assessment)", en: "assessment statement" });
  if (e.op === "assessment-label") return relabel(a.label, e.label, a.span.offset + "assessment".length);
  if (e.op !== "assessment-year") return [];
  if (!Number.isInteger(e.year) || e.year < 2500 || e.year > 2700) {
    refuse("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569", "the fiscal year is a Buddhist-era year such as 2569");
  }
  const out: Change[] = [];
  const old = a.year?.value;
  if (e.relabel && old !== undefined && a.label) {
    const swapYear = (t: string): string =>
      t.replaceAll(String(old), String(e.year)).replaceAll(thaiDigits(String(old)), thaiDigits(String(e.year)));
    for (const part of [a.label.th, a.label.en]) {
      if (part && swapYear(part.value) !== part.value) out.push(replace(part.span, quote(swapYear(part.value))));
    }
  }
  if (a.year) out.push(replace(a.year.span, String(e.year)));
  else out.push(insertAt(labelEnd(a.label, a.span.offset + "assessment".length), ` year ${e.year}`));
  return out;
}

function thaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

function editTool(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  switch (e.op) {
    case "tool-label": {
      const t = tool(f, e.tool);
      return relabel(t.label, e.label, endOf(t.id!.span));
    }
    case "tool-weight": {
      const t = tool(f, e.tool);
      const w = number(e.weight, { th: "น้ำหนัก", en: "a weight" });
      return t.weight ? [replace(t.weight.span, w)] : [insertAt(labelEnd(t.label, endOf(t.id!.span)), ` weight ${w}`)];
    }
    case "tool-id": {
      const t = tool(f, e.tool);
      const id = toolIdOk(f, e.id.trim());
      const out = [replace(t.id!.span, id)];
      for (const ind of statements(f, "indicator")) {
        for (const ref of ind.tools) if (ref.value === e.tool) out.push(replace(ref.span, id));
      }
      for (const b of statements(f, "rating").flatMap((r) => r.bands)) {
        for (const c of b.conditions) if (c.toolId?.value === e.tool) out.push(replace(c.toolId.span, id));
      }
      return out;
    }
    case "tool-add": {
      const id = toolIdOk(f, e.id.trim());
      const w = number(e.weight, { th: "น้ำหนัก", en: "a weight" });
      const line = `tool ${id} ${labelText(e.label, { th: "ชื่อแบบวัด", en: "the tool's name" })} weight ${w} mean of indicators`;
      const tools = statements(f, "tool");
      const last = tools[tools.length - 1];
      if (last) return [linesAfter(src, endOf(last.span), [`${indentAt(src, last.span.offset)}${line}`])];
      const anchor = statements(f, "indicator")[0] ?? statements(f, "total")[0];
      return anchor ? [linesBefore(src, anchor.span.offset, [line, ""])] : [linesAfter(src, src.length, [line], true)];
    }
    case "tool-remove": {
      const t = tool(f, e.tool);
      const users = statements(f, "indicator").filter((i) => i.tools.some((r) => r.value === e.tool));
      if (users.length > 0) {
        const ids = users.map((i) => i.id?.value ?? "?").join(", ");
        refuse(
          `ยังมีตัวชี้วัด ${ids} ใช้แบบวัด ${e.tool}: ย้ายหรือลบตัวชี้วัดเหล่านั้นก่อน`,
          `indicators ${ids} still use tool ${e.tool}: move or remove them first`,
        );
      }
      const inBands = statements(f, "rating")
        .flatMap((r) => r.bands)
        .some((b) => b.conditions.some((c) => c.toolId?.value === e.tool));
      if (inBands) {
        refuse(
          `มีระดับผลการประเมินที่อ้างถึงแบบวัด ${e.tool}: แก้เงื่อนไขนั้นก่อน`,
          `a rating band refers to tool ${e.tool}: change that condition first`,
        );
      }
      return [removeBlock(src, t.span)];
    }
    default:
      return [];
  }
}

function editScoring(f: A.RulesFile, e: RulesEdit): Change[] {
  if (e.op === "pass-threshold") {
    const p = the(f, "pass", { th: "เกณฑ์ผ่าน (pass at)", en: "pass mark" });
    const v = number(e.value, { th: "เกณฑ์ผ่าน", en: "the pass mark" });
    return p.threshold
      ? [replace(p.threshold.span, v)]
      : refuse("แก้เกณฑ์ผ่านในมุมมองข้อความ", "fix the pass mark in the text view");
  }
  if (e.op === "pass-labels") {
    const p = the(f, "pass", { th: "เกณฑ์ผ่าน (pass at)", en: "pass mark" });
    if (!p.passLabel || !p.failLabel) return refuse("แก้เกณฑ์ผ่านในมุมมองข้อความ", "fix the pass mark in the text view");
    return [...relabel(p.passLabel, e.pass, 0), ...relabel(p.failLabel, e.fail, 0)];
  }
  if (e.op === "rounding-decimals") {
    const r = the(f, "rounding", { th: "การปัดเศษ (rounding)", en: "rounding" });
    if (!Number.isInteger(e.decimals) || e.decimals < 0 || e.decimals > 6) {
      refuse("จำนวนตำแหน่งทศนิยมต้องเป็น 0–6", "decimals must be a whole number from 0 to 6");
    }
    return r.decimals
      ? [replace(r.decimals.span, String(e.decimals))]
      : refuse("แก้การปัดเศษในมุมมองข้อความ", "fix the rounding in the text view");
  }
  return [];
}

/** A condition changed in place: only the numbers when its subject and shape stay, else the whole condition. */
function setCondition(f: A.RulesFile, c: A.ConditionNode, spec: ConditionSpec): Change[] {
  const rendered = renderCondition(f, spec);
  const r = c.range;
  const sameSubject = c.subject === spec.subject && (spec.subject !== "tool" || c.toolId?.value === spec.tool);
  const inclusive =
    r && r.minInclusive && r.maxInclusive && (r.written === "between" || r.written === ">=" || r.written === "<=");
  if (
    r &&
    sameSubject &&
    inclusive &&
    (r.min !== undefined) === (spec.min !== undefined) &&
    (r.max !== undefined) === (spec.max !== undefined)
  ) {
    const out: Change[] = [];
    const what = { th: "ขอบเขตของเงื่อนไข", en: "a condition's bound" };
    if (r.min && spec.min !== undefined && r.min.value !== spec.min)
      out.push(replace(r.min.span, number(spec.min, what)));
    if (r.max && spec.max !== undefined && r.max.value !== spec.max)
      out.push(replace(r.max.span, number(spec.max, what)));
    return out;
  }
  return [replace(c.span, rendered)];
}

function editRating(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  switch (e.op) {
    case "band-label": {
      const b = band(f, e.band);
      return relabel(b.label, e.label, b.span.offset);
    }
    case "band-condition": {
      const c = band(f, e.band).conditions[e.condition];
      return c ? setCondition(f, c, e.spec) : refuse("ไม่มีเงื่อนไขนี้", "there is no such condition");
    }
    case "band-condition-add": {
      const b = band(f, e.band);
      const last = b.conditions[b.conditions.length - 1];
      const rendered = renderCondition(f, e.spec);
      return last ? [insertAt(endOf(last.span), ` and ${rendered}`)] : [insertAt(endOf(b.span), ` ${rendered}`)];
    }
    case "band-condition-remove": {
      const b = band(f, e.band);
      const c = b.conditions[e.condition] ?? refuse("ไม่มีเงื่อนไขนี้", "there is no such condition");
      if (b.conditions.length === 1) refuse("ระดับต้องมีเงื่อนไขอย่างน้อยหนึ่งข้อ", "a band needs at least one condition");
      // Take the " and " on the side that has one.
      const prev = b.conditions[e.condition - 1];
      const next = b.conditions[e.condition + 1];
      return prev
        ? [{ from: endOf(prev.span), to: endOf(c.span), insert: "" }]
        : [{ from: c.span.offset, to: next!.span.offset, insert: "" }];
    }
    case "band-add": {
      const rating = the(f, "rating", { th: "ระดับผลการประเมิน", en: "rating" });
      const line = renderBand(f, e.label, e.conditions);
      const bands = rating.bands;
      if (e.at < 0 || e.at > bands.length) refuse("ตำแหน่งของระดับไม่ถูกต้อง", "no such band position");
      const after = bands[e.at - 1];
      if (after) return [linesAfter(src, endOf(after.span), [`${indentAt(src, after.span.offset)}${line}`])];
      const before = bands[0];
      if (before) return [linesBefore(src, before.span.offset, [`${indentAt(src, before.span.offset)}${line}`])];
      const close = endOf(rating.span) - 1;
      return [linesInside(src, close, [`${indentAt(src, rating.span.offset)}${indentUnit(src, f)}${line}`])];
    }
    case "band-remove": {
      const rating = the(f, "rating", { th: "ระดับผลการประเมิน", en: "rating" });
      if (rating.bands.length === 1) refuse("ต้องมีระดับผลการประเมินอย่างน้อยหนึ่งระดับ", "the rating needs at least one band");
      return [removeBlock(src, band(f, e.band).span, true)];
    }
    case "band-move": {
      const rating = the(f, "rating", { th: "ระดับผลการประเมิน", en: "rating" });
      const a = band(f, e.band);
      const b = rating.bands[e.band + e.by] ?? refuse("ย้ายต่อไม่ได้แล้ว", "it cannot move further");
      const [first, second] = e.by < 0 ? [b, a] : [a, b];
      return [swap(src, blockOf(src, first.span, true), blockOf(src, second.span, true))];
    }
    default:
      return [];
  }
}

function methodText(weighted: boolean, of: A.ChildKind): string {
  return `${weighted ? "weighted " : ""}mean of ${of}`;
}

function editIndicator(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  const unit = indentUnit(src, f);
  switch (e.op) {
    case "indicator-add": {
      const id = indicatorIdOk(f, e.id.trim());
      knownTools(f, e.tools);
      const tools = e.tools.length === 1 ? `tool ${e.tools[0]!}` : `tools ${e.tools.join(", ")}`;
      const combined = e.tools.length > 1 ? " combined mean of tools" : "";
      const indicators = statements(f, "indicator");
      const anchor =
        [...indicators].reverse().find((i) => i.tools.some((t) => e.tools.includes(t.value))) ??
        indicators[indicators.length - 1];
      const indent = anchor ? indentAt(src, anchor.span.offset) : "";
      const head = `${indent}indicator ${id} ${labelText(e.label, { th: "ชื่อตัวชี้วัด", en: "the indicator's name" })} ${tools} mean of questions${combined} {`;
      const body: string[] = [];
      const seen: QuestionSpec[] = [];
      for (const q of e.questions ?? []) {
        if (seen.some((s) => s.id.trim() === q.id.trim())) refuse(`มีข้อ ${q.id} ซ้ำ`, `question ${q.id} is given twice`);
        seen.push(q);
        body.push(...renderQuestion(f, q, indent + unit, unit));
      }
      const lines = [head, ...body, `${indent}}`];
      if (anchor) return [linesAfter(src, endOf(anchor.span), lines, true)];
      const rating = statements(f, "rating")[0];
      return rating
        ? [linesBefore(src, rating.span.offset, [...lines, ""])]
        : [linesAfter(src, src.length, lines, true)];
    }
    case "indicator-remove":
      return [removeBlock(src, indicator(f, e.indicator).span)];
    case "indicator-label": {
      const ind = indicator(f, e.indicator);
      return relabel(ind.label, e.label, endOf(ind.id!.span));
    }
    case "indicator-id": {
      const ind = indicator(f, e.indicator);
      return [replace(ind.id!.span, indicatorIdOk(f, e.id.trim()))];
    }
    case "indicator-tools": {
      const ind = indicator(f, e.indicator);
      knownTools(f, e.tools);
      const first = ind.tools[0];
      const last = ind.tools[ind.tools.length - 1];
      if (!first || !last) return refuse("แก้ตัวชี้วัดนี้ในมุมมองข้อความ", "fix this indicator in the text view");
      const kw = keywordBefore(src, first.span.offset, ind.toolsKeyword);
      const out: Change[] = [
        {
          from: kw,
          to: endOf(last.span),
          insert: e.tools.length === 1 ? `tool ${e.tools[0]!}` : `tools ${e.tools.join(", ")}`,
        },
      ];
      const after = ind.method ? endOf(ind.method.span) : endOf(last.span);
      if (e.tools.length > 1 && !ind.combined) out.push(insertAt(after, " combined mean of tools"));
      if (e.tools.length === 1 && ind.combined) out.push({ from: after, to: endOf(ind.combined.span), insert: "" });
      return out;
    }
    case "indicator-method": {
      const ind = indicator(f, e.indicator);
      const of: A.ChildKind = ind.items.some((i) => i.kind === "subindicator") ? "subindicators" : "questions";
      const out: Change[] = [];
      if (ind.method) out.push(replace(ind.method.span, methodText(e.weighted, ind.method.of)));
      else
        out.push(
          insertAt(endOf(ind.tools[ind.tools.length - 1]?.span ?? ind.id!.span), ` ${methodText(e.weighted, of)}`),
        );
      if (e.combinedWeighted !== undefined && ind.combined) {
        out.push(replace(ind.combined.span, methodText(e.combinedWeighted, "tools")));
      }
      return out;
    }
    case "subindicator-add": {
      const ind = indicator(f, e.indicator);
      const id = e.id.trim();
      if (!SUB_ID.test(id))
        refuse(`รหัสตัวชี้วัดย่อย "${id}" ไม่ถูกต้อง (เช่น 9.6)`, `sub-indicator id "${id}" is not valid (e.g. 9.6)`);
      if (ind.items.some((i) => i.kind === "subindicator" && i.id?.value === id)) {
        refuse(`มีตัวชี้วัดย่อย ${id} แล้ว`, `sub-indicator ${id} exists already`);
      }
      const subs = ind.items.filter((i): i is A.SubindicatorNode => i.kind === "subindicator");
      const last = subs[subs.length - 1];
      const indent = last ? indentAt(src, last.span.offset) : indentAt(src, ind.span.offset) + unit;
      const lines = [
        `${indent}subindicator ${id} ${labelText(e.label, { th: "ชื่อตัวชี้วัดย่อย", en: "the sub-indicator's name" })} mean of questions {`,
        `${indent}}`,
      ];
      if (last) return [linesAfter(src, endOf(last.span), lines)];
      const plan = ind.items.find((i) => i.kind === "plan");
      return plan ? [linesBefore(src, plan.span.offset, lines)] : [linesInside(src, endOf(ind.span) - 1, lines)];
    }
    case "subindicator-remove":
      return [removeBlock(src, subindicator(indicator(f, e.indicator), e.subindicator).span, true)];
    case "subindicator-label": {
      const sub = subindicator(indicator(f, e.indicator), e.subindicator);
      return relabel(sub.label, e.label, endOf(sub.id!.span));
    }
    case "subindicator-move": {
      const ind = indicator(f, e.indicator);
      const subs = ind.items.filter((i): i is A.SubindicatorNode => i.kind === "subindicator");
      const i = subs.indexOf(subindicator(ind, e.subindicator));
      const other = subs[i + e.by] ?? refuse("ย้ายต่อไม่ได้แล้ว", "it cannot move further");
      const [a, b] = e.by < 0 ? [other, subs[i]!] : [subs[i]!, other];
      return [swap(src, blockOf(src, a.span, true), blockOf(src, b.span, true))];
    }
    default:
      return [];
  }
}

function editQuestion(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  const unit = indentUnit(src, f);
  switch (e.op) {
    case "question-add": {
      const ind = indicator(f, e.indicator);
      const container = e.subindicator ? subindicator(ind, e.subindicator) : ind;
      const questions =
        container.kind === "subindicator"
          ? container.questions
          : ind.items.filter((i): i is A.QuestionNode => i.kind === "question");
      if (container.kind === "indicator" && ind.items.some((i) => i.kind === "subindicator")) {
        refuse(
          "ตัวชี้วัดนี้แบ่งเป็นตัวชี้วัดย่อย: เพิ่มข้อในตัวชี้วัดย่อย",
          "this indicator has sub-indicators: add the question to one of them",
        );
      }
      const last = questions[questions.length - 1];
      const indent = last ? indentAt(src, last.span.offset) : indentAt(src, container.span.offset) + unit;
      const lines = renderQuestion(f, e.question, indent, unit);
      if (last) return [linesAfter(src, endOf(last.span), lines)];
      const plan = container.kind === "indicator" ? ind.items.find((i) => i.kind === "plan") : undefined;
      return plan ? [linesBefore(src, plan.span.offset, lines)] : [linesInside(src, endOf(container.span) - 1, lines)];
    }
    case "question-remove":
      return [removeBlock(src, question(f, e.question).question.span, true)];
    case "question-move": {
      const p = question(f, e.question);
      const i = p.siblings.indexOf(p.question);
      const other = p.siblings[i + e.by] ?? refuse("ย้ายต่อไม่ได้แล้ว", "it cannot move further");
      const [a, b] = e.by < 0 ? [other, p.question] : [p.question, other];
      return [swap(src, blockOf(src, a.span, true), blockOf(src, b.span, true))];
    }
    case "question-set":
      return setQuestion(src, f, question(f, e.question).question, e.changes, unit);
    default:
      return [];
  }
}

function setQuestion(src: string, f: A.RulesFile, q: A.QuestionNode, c: Partial<QuestionSpec>, unit: string): Change[] {
  const out: Change[] = [];
  if (c.id !== undefined && c.id.trim() !== q.id?.value) out.push(replace(q.id!.span, questionIdOk(f, c.id.trim())));
  if (c.th !== undefined || c.en !== undefined) {
    out.push(
      ...relabel(q.label, { th: c.th ?? q.label?.th.value ?? "", en: c.en ?? q.label?.en?.value }, endOf(q.id!.span)),
    );
  }
  const afterLabel = labelEnd(q.label, endOf(q.id!.span));
  const reversedAt = q.scale ? /^[ \t]+reversed\b/.exec(src.slice(endOf(q.scale.span))) : null;
  const wantsScale = c.scale !== undefined ? c.scale || undefined : q.scale?.value;
  const wantsReversed = wantsScale ? (c.reversed ?? q.reversed) : false;
  if (c.reversed && !wantsScale) refuse("ข้อที่กลับคะแนนต้องมีมาตรวัด", "a reversed question needs an answer scale");
  if (c.scale !== undefined && wantsScale !== q.scale?.value) {
    if (!wantsScale) {
      // Drop "scale x" (and "reversed"), from the end of the label.
      const to = q.scale ? endOf(q.scale.span) + (reversedAt ? reversedAt[0].length : 0) : afterLabel;
      out.push({ from: afterLabel, to, insert: "" });
    } else if (q.scale) out.push(replace(q.scale.span, scale(f, wantsScale).id!.value));
    else out.push(insertAt(afterLabel, ` scale ${scale(f, wantsScale).id!.value}${wantsReversed ? " reversed" : ""}`));
  }
  if (wantsScale && q.scale && c.reversed !== undefined && wantsReversed !== q.reversed) {
    const at = endOf(q.scale.span);
    out.push(wantsReversed ? insertAt(at, " reversed") : { from: at, to: at + reversedAt![0].length, insert: "" });
  }
  out.push(...guidance(src, q, "maintain", c.maintain, unit), ...guidance(src, q, "raise", c.raise, unit));
  return out;
}

/** A question's maintain/raise text: replaced, removed (with its keyword and line), or added on a line of its own. */
function guidance(
  src: string,
  q: A.QuestionNode,
  which: "maintain" | "raise",
  value: string | undefined,
  unit: string,
): Change[] {
  if (value === undefined) return [];
  const current = q[which];
  const v = value.trim();
  if (current && v) return current.value === v ? [] : [replace(current.span, quote(v))];
  if (current) {
    const kw = keywordBefore(src, current.span.offset, which);
    if (startsLine(src, kw) && endsLine(src, endOf(current.span))) {
      return [{ from: lineStart(src, kw), to: nextLineStart(src, endOf(current.span)), insert: "" }];
    }
    return [{ from: src.slice(0, kw).trimEnd().length, to: endOf(current.span), insert: "" }];
  }
  if (!v) return [];
  const line = `${indentAt(src, q.span.offset)}${unit}${which} ${quote(v)}`;
  // maintain goes before raise; raise after everything.
  if (which === "maintain" && q.raise)
    return [linesBefore(src, keywordBefore(src, q.raise.span.offset, "raise"), [line])];
  return [linesAfter(src, endOf(q.span), [line])];
}

function editScale(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  switch (e.op) {
    case "scale-label": {
      const s = scale(f, e.scale);
      return relabel(s.label, e.label, endOf(s.id!.span));
    }
    case "answer-set": {
      const a = answer(scale(f, e.scale), e.answer);
      const out: Change[] = [];
      if (e.text !== undefined) {
        const t = text(e.text, { th: "คำตอบ", en: "an answer" });
        if (t !== quote(a.text.value)) out.push(replace(a.text.span, t));
      }
      if (e.points !== undefined) {
        const p = e.points === null ? "skip" : number(e.points, { th: "คะแนนของคำตอบ", en: "an answer's points" });
        if (a.points) {
          if (e.points !== a.points.value) out.push(replace(a.points.span, p));
        } else {
          const eq = src.indexOf("=", a.code ? endOf(a.code.span) : endOf(a.text.span));
          const skip = /^[ \t]*skip/.exec(src.slice(eq + 1));
          if (eq < 0 || !skip) refuse("แก้คำตอบนี้ในมุมมองข้อความ", "fix this answer in the text view");
          if (e.points !== null) out.push({ from: eq + 1, to: eq + 1 + skip![0].length, insert: ` ${p}` });
        }
      }
      return out;
    }
    case "answer-add": {
      const s = scale(f, e.scale);
      const code = e.code?.trim();
      if (code && !/^[A-Za-z0-9_\u0E00-\u0E7F]+$/.test(code))
        refuse("รหัสคำตอบต้องเป็นตัวอักษรหรือตัวเลข", "an answer's code is letters or digits");
      const p = e.points === null ? "skip" : number(e.points, { th: "คะแนนของคำตอบ", en: "an answer's points" });
      const line = `${text(e.text, { th: "คำตอบ", en: "an answer" })}${code ? ` code ${code}` : ""} = ${p}`;
      // Before a skipped answer ("ไม่ทราบ" stays last), else after the last.
      const skipped = s.answers.find((a) => !a.points);
      if (skipped && e.points !== null)
        return [linesBefore(src, skipped.span.offset, [`${indentAt(src, skipped.span.offset)}${line}`])];
      const last = s.answers[s.answers.length - 1];
      if (last) return [linesAfter(src, endOf(last.span), [`${indentAt(src, last.span.offset)}${line}`])];
      return [linesInside(src, endOf(s.span) - 1, [`${indentAt(src, s.span.offset)}${indentUnit(src, f)}${line}`])];
    }
    case "answer-remove": {
      const s = scale(f, e.scale);
      if (s.answers.length === 1) refuse("มาตรวัดต้องมีคำตอบอย่างน้อยหนึ่งคำตอบ", "a scale needs at least one answer");
      return [removeBlock(src, answer(s, e.answer).span, true)];
    }
    case "answer-move": {
      const s = scale(f, e.scale);
      const a = answer(s, e.answer);
      const other = s.answers[e.answer + e.by] ?? refuse("ย้ายต่อไม่ได้แล้ว", "it cannot move further");
      const [x, y] = e.by < 0 ? [other, a] : [a, other];
      return [swap(src, blockOf(src, x.span, true), blockOf(src, y.span, true))];
    }
    default:
      return [];
  }
}

function changesFor(src: string, f: A.RulesFile, e: RulesEdit): Change[] {
  if (e.op.startsWith("assessment-")) return editAssessment(src, f, e);
  if (e.op.startsWith("tool-")) return editTool(src, f, e);
  if (e.op.startsWith("pass-") || e.op.startsWith("rounding-")) return editScoring(f, e);
  if (e.op.startsWith("band-")) return editRating(src, f, e);
  if (e.op.startsWith("indicator-") || e.op.startsWith("subindicator-")) return editIndicator(src, f, e);
  if (e.op.startsWith("question-")) return editQuestion(src, f, e);
  return editScale(src, f, e);
}

function isSyntaxError(d: Diagnostic): boolean {
  return d.severity === "error" && (d.code.startsWith("ITA-L") || d.code.startsWith("ITA-P"));
}

/**
 * The parts of the text a form must not edit: around every syntax error, from the
 * end of the last statement that parsed before it to the start of the next one
 * after it (or the whole statement holding it). Checker errors (weights not adding
 * up, a band gap) leave the text editable: fixing them is what the form is for.
 */
export function brokenRanges(src: string): { from: number; to: number }[] {
  const parsed = parseText(src);
  const spans = parsed.ast.statements.map((s) => ({ from: s.span.offset, to: endOf(s.span) }));
  const out: { from: number; to: number }[] = [];
  for (const d of parsed.diagnostics.filter(isSyntaxError)) {
    const inside = spans.find((s) => d.offset >= s.from && d.offset <= s.to);
    if (inside) out.push(inside);
    else {
      const before = [...spans].reverse().find((s) => s.to < d.offset);
      const after = spans.find((s) => s.from > d.offset);
      out.push({ from: before ? before.to : 0, to: after ? after.from : src.length });
    }
  }
  return out;
}

/** Whether a node lies in a part of the text that does not parse (the form shows it read-only). */
export function isBroken(ranges: readonly { from: number; to: number }[], span: SourceSpan): boolean {
  return ranges.some((r) => span.offset <= r.to && endOf(span) >= r.from);
}

function apply(src: string, changes: readonly Change[]): string {
  let out = src;
  for (const c of [...changes].sort((a, b) => b.from - a.from || b.to - a.to)) {
    out = out.slice(0, c.from) + c.insert + out.slice(c.to);
  }
  return out;
}

/** Apply one form edit to rules text: the new text and its diagnostics, or why it cannot be done. Never throws. */
export function applyEdit(src: string, edit: RulesEdit): EditResult {
  try {
    const parsed = parseText(src);
    const changes = changesFor(src, parsed.ast, edit);
    const broken = brokenRanges(src);
    if (changes.some((c) => broken.some((r) => c.from <= r.to && c.to >= r.from))) {
      return {
        ok: false,
        th: "ส่วนนี้ของเกณฑ์มีข้อผิดพลาดในข้อความ: แก้ในมุมมองข้อความก่อน",
        en: "this part of the rules has a syntax error: fix it in the text view first",
      };
    }
    const text = apply(src, changes);
    const result = parseRules(text);
    const before = parsed.diagnostics.filter(isSyntaxError).length;
    if (result.diagnostics.filter(isSyntaxError).length > before) {
      return {
        ok: false,
        th: "การแก้ไขนี้จะทำให้ข้อความเกณฑ์ผิดรูปแบบ จึงไม่ได้ทำ",
        en: "this edit would break the rules text, so it was not made",
      };
    }
    return { ok: true, text, diagnostics: result.diagnostics };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, th: e.th, en: e.en };
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, th: `แก้ไขไม่ได้: ${m}`, en: `cannot edit: ${m}` };
  }
}
