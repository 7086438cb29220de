/**
 * The hand-written baselines of `npm run bench`. One agency: the 2568 formula as a developer
 * without the rules engine would write it for speed: plain loops over typed
 * arrays, no closure, array or tuple per call, and the rules' own rounding
 * (precision.roundHalfUp at tool and total, rating on the published figures).
 * It is checked to agree with the engine on many generated agencies before any
 * timing, so the ratio compares the same arithmetic. One agency's full result tree:
 * the same tree of plain objects `evaluate` returns for 2568 (every level's node and
 * figure, labels, pass marks, rating and the explanation's shortfalls), built by a
 * 2568-only builder with nothing but the tree's own objects allocated: the floor any
 * plain-object tree of this shape has. National volume: the mean of
 * answer codes over a typed array, what scoring answers would cost with nothing to
 * read (the bench checks it against the product's path first).
 */
import type { Label } from "../src/dsl/model.js";
import { roundHalfUp } from "../src/dsl/precision.js";
import type { CompiledRules, scaleFor } from "../src/engine/index.js";
import type {
  Evaluation,
  Figure,
  IndicatorResult,
  QuestionResult,
  SubindicatorResult,
  ToolPartResult,
  ToolResult,
} from "../src/engine/evaluate.js";
import type { Shortfall } from "../src/engine/rating.js";

/** One agency's 2568 question scores, laid out as the hand-written function reads them. */
export interface Agency2568 {
  readonly iit: Float64Array; // i1..i15: indicators 1-5, three questions each
  readonly eit1: Float64Array; // e1..e9: indicators 6-8, three questions each
  readonly eit2: Float64Array;
  readonly oit: Float64Array; // o1..o28: sub-indicators 9.1-9.5 and 10.1-10.2
}

/** OIT sub-indicators as [first, end) item positions: 9.1 o1-o4, 9.2 o5-o11, 9.3 o12-o13, 9.4 o14-o15, 9.5 o16-o20. */
const IND9 = Int32Array.of(0, 4, 11, 13, 15, 20);
/** 10.1 o21-o26, 10.2 o27-o28. */
const IND10 = Int32Array.of(20, 26, 28);

function meanOfThrees(q: Float64Array, indicators: number): number {
  let s = 0;
  for (let i = 0; i < indicators; i++) s += (q[3 * i]! + q[3 * i + 1]! + q[3 * i + 2]!) / 3;
  return s / indicators;
}

function meanOfGroups(q: Float64Array, bounds: Int32Array): number {
  let s = 0;
  for (let g = 0; g + 1 < bounds.length; g++) {
    let t = 0;
    for (let k = bounds[g]!; k < bounds[g + 1]!; k++) t += q[k]!;
    s += t / (bounds[g + 1]! - bounds[g]!);
  }
  return s / (bounds.length - 1);
}

/**
 * Published total of one agency; published tool scores go to `tools` (IIT, EIT1,
 * EIT2, OIT) and the rating row (0 ผ่านดีเยี่ยม … 4 ต้องปรับปรุงโดยด่วน) to `row[0]`.
 * The total weighs the unrounded tools, as the rules do.
 */
export function handWritten2568(a: Agency2568, tools: Float64Array, row: Int32Array): number {
  const iit = meanOfThrees(a.iit, 5);
  const eit1 = meanOfThrees(a.eit1, 3);
  const eit2 = meanOfThrees(a.eit2, 3);
  const oit = (meanOfGroups(a.oit, IND9) + meanOfGroups(a.oit, IND10)) / 2;
  tools[0] = roundHalfUp(iit, 2);
  tools[1] = roundHalfUp(eit1, 2);
  tools[2] = roundHalfUp(eit2, 2);
  tools[3] = roundHalfUp(oit, 2);
  const total = roundHalfUp((iit * 30 + eit1 * 15 + eit2 * 15 + oit * 40) / 100, 2);
  const low = Math.min(tools[0], tools[1], tools[2], tools[3]);
  row[0] = total >= 95 && low >= 95 ? 0 : total >= 85 && low >= 85 ? 1 : total >= 85 ? 2 : total >= 70 ? 3 : 4;
  return total;
}

/** The engine's slot of each 2568 question, in the hand-written layout's order (per compiled rules). */
const layouts = new WeakMap<CompiledRules, readonly Int32Array[]>();

/** The same agency in the hand-written layout, from the engine's slot values. */
export function agency2568(compiled: CompiledRules, values: Float64Array): Agency2568 {
  let slots = layouts.get(compiled);
  if (!slots) {
    const at = (tool: string, prefix: string, n: number): Int32Array =>
      Int32Array.from({ length: n }, (_, k) => compiled.slotByKey.get(`${tool}\u0000${prefix}${k + 1}`)!);
    slots = [at("IIT", "i", 15), at("EIT1", "e", 9), at("EIT2", "e", 9), at("OIT", "o", 28)];
    layouts.set(compiled, slots);
  }
  const [iit, eit1, eit2, oit] = slots.map((s) => Float64Array.from(s, (slot) => values[slot]!));
  return { iit: iit!, eit1: eit1!, eit2: eit2!, oit: oit! };
}

/**
 * `codes[r]` is respondent r's answer as a position in the scale (negative: no
 * answer): the mean points over scored answers (NaN if none).
 */
export function meanOfCodes(scale: NonNullable<ReturnType<typeof scaleFor>>, codes: Int8Array): number {
  const pts = scale.points;
  let sum = 0;
  let n = 0;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (c < 0 || c >= pts.length) continue;
    const p = pts[c]!;
    if (p === p) {
      sum += p;
      n++;
    }
  }
  return n ? sum / n : Number.NaN;
}

/**
 * The labels a hand-written 2568 tree builder holds as literals, taken from the rules
 * once before timing so that they are the same text as the engine's; the ids, the
 * roll-up and the rating table are written into the builder itself.
 */
export interface Text2568 {
  readonly rules: Evaluation["rules"];
  /** IIT, EIT1, EIT2, OIT. */
  readonly tools: readonly Label[];
  /** Indicators 1-10. */
  readonly indicators: readonly Label[];
  /** 9.1-9.5, 10.1-10.2. */
  readonly subindicators: readonly Label[];
  readonly pass: Label;
  readonly fail: Label;
  /** The five rating rows, best first. */
  readonly rating: readonly Label[];
}

export function text2568(compiled: CompiledRules): Text2568 {
  const m = compiled.model;
  return {
    rules: { name: m.name, year: m.year, decimals: m.decimals, pass: m.pass },
    tools: m.tools.map((t) => t.label),
    indicators: m.indicators.map((i) => i.label),
    subindicators: m.indicators.flatMap((i) => i.subindicators.map((s) => s.label)),
    pass: m.pass!.passLabel,
    fail: m.pass!.failLabel,
    rating: m.rating.rows.map((r) => r.label),
  };
}

const IIT_QUESTIONS = Array.from({ length: 15 }, (_, k) => `i${k + 1}`);
const EIT_QUESTIONS = Array.from({ length: 9 }, (_, k) => `e${k + 1}`);
const OIT_QUESTIONS = Array.from({ length: 28 }, (_, k) => `o${k + 1}`);
const INDICATOR_IDS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
const SUB_IDS = ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"];
/** OIT items by sub-indicator, [first, end): 9.1 o1-o4 … 9.5 o16-o20, 10.1 o21-o26, 10.2 o27-o28. */
const OIT_GROUPS = Int32Array.of(0, 4, 11, 13, 15, 20, 26, 28);
/** Each indicator's tools, one array per kind, shared by every tree (never changed). */
const ONLY_IIT: readonly string[] = Object.freeze(["IIT"]);
const BOTH_EIT: readonly string[] = Object.freeze(["EIT1", "EIT2"]);
const ONLY_OIT: readonly string[] = Object.freeze(["OIT"]);
/** The empty list of a part with questions directly (no sub-indicators) or the reverse: one, shared. */
const EMPTY: readonly never[] = Object.freeze([]);

/** A figure at 2568's precision: every level is published to two decimals, half-up. */
function fig(exact: number): Figure {
  return { exact, published: roundHalfUp(exact, 2) };
}

/** Questions `3i … 3i+2` of `q` as one indicator's part of `tool`. */
function threeQuestions(tool: string, q: Float64Array, ids: readonly string[], i: number): ToolPartResult {
  const a = q[3 * i]!;
  const b = q[3 * i + 1]!;
  const c = q[3 * i + 2]!;
  return {
    tool,
    value: fig((a + b + c) / 3),
    given: false,
    subindicators: EMPTY,
    questions: [
      { id: ids[3 * i]!, value: fig(a) },
      { id: ids[3 * i + 1]!, value: fig(b) },
      { id: ids[3 * i + 2]!, value: fig(c) },
    ],
  };
}

/** OIT sub-indicator groups [g0, g1) as one indicator's OIT part. */
function oitPart(oit: Float64Array, labels: readonly Label[], g0: number, g1: number): ToolPartResult {
  const subs = new Array<SubindicatorResult>(g1 - g0);
  let s = 0;
  for (let g = g0; g < g1; g++) {
    const from = OIT_GROUPS[g]!;
    const to = OIT_GROUPS[g + 1]!;
    const questions = new Array<QuestionResult>(to - from);
    let t = 0;
    for (let k = from; k < to; k++) {
      const x = oit[k]!;
      t += x;
      questions[k - from] = { id: OIT_QUESTIONS[k]!, value: fig(x) };
    }
    const m = t / (to - from);
    s += m;
    subs[g - g0] = { id: SUB_IDS[g]!, label: labels[g]!, value: fig(m), given: false, questions };
  }
  return { tool: "OIT", value: fig(s / (g1 - g0)), given: false, subindicators: subs, questions: EMPTY };
}

/**
 * The 2568 result tree builder, written once for the year's labels: `build(agency)`
 * gives the same tree `evaluate` gives for that agency's complete scores (the bench
 * checks it, node by node, on generated agencies and the seed).
 */
export function treeBuilder2568(text: Text2568): (a: Agency2568) => Evaluation {
  const { pass, fail, indicators: indicatorLabels } = text;

  /**
   * A shortfall: the figures as fields, the sentence built when it is read, as the
   * product does. At 2568's precision every figure is already published to two
   * decimals, so the sentence is the figures' own two-decimal text.
   */
  class Shortfall2568 implements Shortfall {
    readonly subject: Shortfall["subject"];
    readonly id: string;
    readonly tool?: string;
    readonly current: number;
    readonly target: number;
    readonly gap: number;

    constructor(subject: Shortfall["subject"], id: string, tool: string | undefined, current: number, target: number) {
      this.subject = subject;
      this.id = id;
      if (tool !== undefined) this.tool = tool;
      this.current = current;
      this.target = target;
      this.gap = (target * 100 - Math.round(current * 100)) / 100;
    }

    get th(): string {
      const now = this.current.toFixed(2);
      const lo = this.target.toFixed(2);
      const gap = this.gap.toFixed(2);
      if (this.subject === "total") return `คะแนนรวมได้ ${now} ต้องได้อย่างน้อย ${lo} (ขาด ${gap})`;
      if (this.subject === "tool") return `แบบวัด ${this.id} ได้ ${now} ต้องได้อย่างน้อย ${lo} (ขาด ${gap})`;
      const label = indicatorLabels[Number(this.id) - 1]!;
      return `ตัวชี้วัดที่ ${this.id} ${label.th} (${this.tool!}) ได้ ${now} ต่ำกว่า ${lo} อยู่ ${gap}`;
    }

    get en(): string {
      const now = this.current.toFixed(2);
      const lo = this.target.toFixed(2);
      const gap = this.gap.toFixed(2);
      if (this.subject === "total") return `the total is ${now}, needs at least ${lo} (${gap} short)`;
      if (this.subject === "tool") return `tool ${this.id} scored ${now}, needs at least ${lo} (${gap} short)`;
      const label = indicatorLabels[Number(this.id) - 1]!;
      return `indicator ${this.id} ${label.en || label.th} (${this.tool!}) scored ${now}, ${gap} below ${lo}`;
    }
  }

  /** The tool's shortfall, then each of its indicators [i0, i1) whose part `k` is below `target`, in order. */
  const toolShortfalls = (
    out: Shortfall[],
    tool: ToolResult,
    indicators: readonly IndicatorResult[],
    i0: number,
    i1: number,
    k: number,
    target: number,
  ): void => {
    out.push(new Shortfall2568("tool", tool.id, undefined, tool.value.published, target));
    for (let i = i0; i < i1; i++) {
      const current = indicators[i]!.parts[k]!.value.published;
      if (current < target) out.push(new Shortfall2568("indicator", INDICATOR_IDS[i]!, tool.id, current, target));
    }
  };

  const indicator = (i: number, tools: readonly string[], parts: ToolPartResult[], exact: number): IndicatorResult => {
    const value = fig(exact);
    const ok = value.published >= 85;
    return {
      id: INDICATOR_IDS[i]!,
      label: indicatorLabels[i]!,
      tools,
      parts,
      value,
      pass: ok,
      result: ok ? pass : fail,
    };
  };

  return (a: Agency2568): Evaluation => {
    const indicators = new Array<IndicatorResult>(10);
    let iit = 0;
    for (let i = 0; i < 5; i++) {
      const p = threeQuestions("IIT", a.iit, IIT_QUESTIONS, i);
      iit += p.value.exact;
      indicators[i] = indicator(i, ONLY_IIT, [p], p.value.exact);
    }
    iit /= 5;
    let eit1 = 0;
    let eit2 = 0;
    for (let i = 0; i < 3; i++) {
      const p1 = threeQuestions("EIT1", a.eit1, EIT_QUESTIONS, i);
      const p2 = threeQuestions("EIT2", a.eit2, EIT_QUESTIONS, i);
      eit1 += p1.value.exact;
      eit2 += p2.value.exact;
      indicators[5 + i] = indicator(5 + i, BOTH_EIT, [p1, p2], (p1.value.exact + p2.value.exact) / 2);
    }
    eit1 /= 3;
    eit2 /= 3;
    const p9 = oitPart(a.oit, text.subindicators, 0, 5);
    const p10 = oitPart(a.oit, text.subindicators, 5, 7);
    indicators[8] = indicator(8, ONLY_OIT, [p9], p9.value.exact);
    indicators[9] = indicator(9, ONLY_OIT, [p10], p10.value.exact);
    const oit = (p9.value.exact + p10.value.exact) / 2;
    const tools: ToolResult[] = [
      { id: "IIT", label: text.tools[0]!, weight: 30, value: fig(iit) },
      { id: "EIT1", label: text.tools[1]!, weight: 15, value: fig(eit1) },
      { id: "EIT2", label: text.tools[2]!, weight: 15, value: fig(eit2) },
      { id: "OIT", label: text.tools[3]!, weight: 40, value: fig(oit) },
    ];

    const total = fig((iit * 30 + eit1 * 15 + eit2 * 15 + oit * 40) / 100);
    // The rating table: ผ่านดีเยี่ยม, ผ่านดี, ผ่าน, ต้องปรับปรุง, ต้องปรับปรุงโดยด่วน; then what the row above needs.
    const t = total.published;
    const iitP = tools[0]!.value.published;
    const eit1P = tools[1]!.value.published;
    const eit2P = tools[2]!.value.published;
    const oitP = tools[3]!.value.published;
    const low = Math.min(iitP, eit1P, eit2P, oitP);
    const row = t >= 95 && low >= 95 ? 0 : t >= 85 && low >= 85 ? 1 : t >= 85 ? 2 : t >= 70 ? 3 : 4;
    let nextUp: Evaluation["rating"]["nextUp"] = null;
    if (row > 0) {
      const shortfalls: Shortfall[] = [];
      if (row <= 2) {
        // Up to ผ่านดีเยี่ยม (total and every tool ≥ 95) or ผ่านดี (every tool ≥ 85; the total already is).
        const target = row === 1 ? 95 : 85;
        if (t < target) shortfalls.push(new Shortfall2568("total", "total", undefined, t, target));
        if (iitP < target) toolShortfalls(shortfalls, tools[0]!, indicators, 0, 5, 0, target);
        if (eit1P < target) toolShortfalls(shortfalls, tools[1]!, indicators, 5, 8, 0, target);
        if (eit2P < target) toolShortfalls(shortfalls, tools[2]!, indicators, 5, 8, 1, target);
        if (oitP < target) toolShortfalls(shortfalls, tools[3]!, indicators, 8, 10, 0, target);
      } else {
        shortfalls.push(new Shortfall2568("total", "total", undefined, t, row === 3 ? 85 : 70));
      }
      nextUp = { row: row - 1, label: text.rating[row - 1]!, shortfalls };
    }
    return { rules: text.rules, indicators, tools, total, rating: { row, label: text.rating[row]!, nextUp } };
  };
}
