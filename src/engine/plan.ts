/**
 * The full result tree's compiled plan: the rules' roll-up flattened once into index,
 * weight and label arrays, so that evaluating an agency whose every score is there is
 * plain loops that allocate only the result objects themselves (no Map, closure,
 * spread or string per call). It covers the common case, a complete input without
 * errors; `evaluate` takes it first and falls back to the general path
 * (`evaluateGeneral`) for everything else: missing, rejected or conflicting scores and
 * partial results. Both must give the same tree, bit for bit (tested).
 */
import { fromUnits, type Label, type ScoringModel, roundHalfUp, toUnits } from "../dsl/runtime.js";
import type { CompiledRules } from "./compile.js";
import type {
  Evaluation,
  Figure,
  IndicatorResult,
  QuestionResult,
  ScoreValues,
  SubindicatorResult,
  ToolPartResult,
  ToolResult,
} from "./evaluate.js";
import { rate } from "./rating.js";

/**
 * Weights are stored as the mean uses them: a level that is not weighted gets 1 for
 * each part, which gives the same bits as the unweighted mean (x·1 and sums of ones are exact).
 */
export interface TreePlan {
  readonly model: ScoringModel;
  readonly rules: Evaluation["rules"];
  readonly decimals: number;
  readonly publishQuestion: boolean;
  readonly publishSub: boolean;
  readonly publishIndicator: boolean;
  readonly publishTool: boolean;
  readonly publishTotal: boolean;
  readonly passLabel: Label | null;
  readonly failLabel: Label | null;
  /** The pass mark in units of the published precision (as `passes` compares); NaN when the rules have none. */
  readonly passUnits: number;
  /** The same mark as a published figure (`passUnits` back from units), for figures already rounded. */
  readonly passMark: number;
  readonly pass: ScoringModel["pass"];

  // Tools, in the rules' order.
  readonly toolSlot: Int32Array;
  readonly toolId: readonly string[];
  readonly toolLabel: readonly Label[];
  readonly toolWeight: readonly number[];
  /** The tool's weight in the total (1 when the total is not weighted). */
  readonly totalWeight: Float64Array;
  /** Parts of tool t: [partStart[t], partStart[t + 1]). */
  readonly partStart: Int32Array;

  // Parts: one tool's share of one indicator, tool by tool.
  readonly partSlot: Int32Array;
  readonly partWeight: Float64Array;
  readonly partTool: readonly string[];
  /** Sub-indicators of part k: [subStart[k], subStart[k + 1]); none when it has questions directly. */
  readonly subStart: Int32Array;
  /** Every question under part k (directly or through its sub-indicators): [partQuestionStart[k], partQuestionStart[k + 1]). */
  readonly partQuestionStart: Int32Array;

  // Sub-indicators.
  readonly subSlot: Int32Array;
  readonly subWeight: Float64Array;
  readonly subId: readonly string[];
  readonly subLabel: readonly Label[];
  /** Questions of sub-indicator j: [subQuestionFrom[j], subQuestionTo[j]). */
  readonly subQuestionFrom: Int32Array;
  readonly subQuestionTo: Int32Array;

  // Questions.
  readonly questionSlot: Int32Array;
  readonly questionWeight: Float64Array;
  readonly questionId: readonly string[];

  // Indicators, in the rules' order, with the parts (global indexes) that measure them.
  readonly indicatorId: readonly string[];
  readonly indicatorLabel: readonly Label[];
  readonly indicatorTools: readonly (readonly string[])[];
  /** Parts of indicator i: indicatorPart[indicatorPartStart[i] … indicatorPartStart[i + 1]). */
  readonly indicatorPartStart: Int32Array;
  readonly indicatorPart: Int32Array;
  /** Each part's weight in its indicator's combined score (1 when not weighted). */
  readonly indicatorPartWeight: Float64Array;
}

export function compilePlan(compiled: CompiledRules<ScoringModel>): TreePlan {
  const model = compiled.model;
  const partStart = [0];
  const partSlot: number[] = [];
  const partWeight: number[] = [];
  const partTool: string[] = [];
  const subStart = [0];
  const partQuestionStart = [0];
  const subSlot: number[] = [];
  const subWeight: number[] = [];
  const subId: string[] = [];
  const subLabel: Label[] = [];
  const subQuestionFrom: number[] = [];
  const subQuestionTo: number[] = [];
  const questionSlot: number[] = [];
  const questionWeight: number[] = [];
  const questionId: string[] = [];
  /** Global part index of [tool, position in tool] (compiled.indicatorParts's pairs). */
  const partIndex: number[][] = [];
  const question = (q: { id: string; slot: number; weight: number }, weighted: boolean): void => {
    questionSlot.push(q.slot);
    questionWeight.push(weighted ? q.weight : 1);
    questionId.push(q.id);
  };
  for (const tool of compiled.tools) {
    const here: number[] = [];
    for (const ti of tool.indicators) {
      here.push(partSlot.length);
      partSlot.push(ti.slot);
      partWeight.push(tool.weighted ? ti.weight : 1);
      partTool.push(tool.id);
      const ind = model.indicators[ti.indicator]!;
      ti.subs.forEach((s, k) => {
        subSlot.push(s.slot);
        subWeight.push(ti.weighted ? s.weight : 1);
        subId.push(s.id);
        subLabel.push(ind.subindicators[k]!.label);
        subQuestionFrom.push(questionSlot.length);
        for (const q of s.questions) question(q, s.weighted);
        subQuestionTo.push(questionSlot.length);
      });
      for (const q of ti.questions) question(q, ti.weighted);
      subStart.push(subSlot.length);
      partQuestionStart.push(questionSlot.length);
    }
    partIndex.push(here);
    partStart.push(partSlot.length);
  }
  const indicatorPartStart = [0];
  const indicatorPart: number[] = [];
  const indicatorPartWeight: number[] = [];
  model.indicators.forEach((ind, i) => {
    for (const [t, k] of compiled.indicatorParts[i]!) {
      indicatorPart.push(partIndex[t]![k]!);
      indicatorPartWeight.push(ind.combined?.weighted ? model.tools[t]!.weight : 1);
    }
    indicatorPartStart.push(indicatorPart.length);
  });
  const d = model.decimals;
  return {
    model,
    rules: { name: model.name, year: model.year, decimals: d, pass: model.pass },
    decimals: d,
    publishQuestion: model.publish.includes("question"),
    publishSub: model.publish.includes("subindicator"),
    publishIndicator: model.publish.includes("indicator"),
    publishTool: model.publish.includes("tool"),
    publishTotal: model.publish.includes("total"),
    passLabel: model.pass?.passLabel ?? null,
    failLabel: model.pass?.failLabel ?? null,
    pass: model.pass,
    passUnits: model.pass ? toUnits(model.pass.threshold, d) : Number.NaN,
    passMark: model.pass ? fromUnits(toUnits(model.pass.threshold, d), d) : Number.NaN,
    toolSlot: Int32Array.from(compiled.tools, (t) => t.slot),
    toolId: compiled.tools.map((t) => t.id),
    toolLabel: model.tools.map((t) => t.label),
    toolWeight: model.tools.map((t) => t.weight),
    totalWeight: Float64Array.from(model.tools, (t) => (model.total.weighted ? t.weight : 1)),
    partStart: Int32Array.from(partStart),
    partSlot: Int32Array.from(partSlot),
    partWeight: Float64Array.from(partWeight),
    partTool,
    subStart: Int32Array.from(subStart),
    partQuestionStart: Int32Array.from(partQuestionStart),
    subSlot: Int32Array.from(subSlot),
    subWeight: Float64Array.from(subWeight),
    subId,
    subLabel,
    subQuestionFrom: Int32Array.from(subQuestionFrom),
    subQuestionTo: Int32Array.from(subQuestionTo),
    questionSlot: Int32Array.from(questionSlot),
    questionWeight: Float64Array.from(questionWeight),
    questionId,
    indicatorId: model.indicators.map((i) => i.id),
    indicatorLabel: model.indicators.map((i) => i.label),
    indicatorTools: model.indicators.map((i) => i.tools),
    indicatorPartStart: Int32Array.from(indicatorPartStart),
    indicatorPart: Int32Array.from(indicatorPart),
    indicatorPartWeight: Float64Array.from(indicatorPartWeight),
  };
}

/** The list of a level given whole (nothing under it), one for every tree: it is never changed. */
const NONE: readonly never[] = Object.freeze([]);

/** Scratch for a mean computed beside a result list (one call at a time: evaluation is synchronous). */
const MEAN = new Float64Array(1);

function fig(exact: number, publish: boolean, decimals: number): Figure {
  return { exact, published: publish ? roundHalfUp(exact, decimals) : exact };
}

/** Whether any of `slots[from … to)` holds a value. */
function anyGiven(values: Float64Array, slots: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const v = values[slots[i]!]!;
    if (v === v) return true;
  }
  return false;
}

/**
 * Question results of [from, to) and their (weighted) mean, or null when one is missing.
 * The mean goes to `mean[0]`.
 */
function questionResults(
  plan: TreePlan,
  values: Float64Array,
  from: number,
  to: number,
  mean: Float64Array,
): QuestionResult[] | null {
  const { questionSlot, questionWeight, questionId, publishQuestion, decimals } = plan;
  if (to - from === 3) {
    // Three questions (most indicators of every bundled year): the list as a literal,
    // made in one allocation with its items; the mean as the loop below sums it.
    const a = values[questionSlot[from]!]!;
    const b = values[questionSlot[from + 1]!]!;
    const c = values[questionSlot[from + 2]!]!;
    if (a !== a || b !== b || c !== c) return null;
    const wa = questionWeight[from]!;
    const wb = questionWeight[from + 1]!;
    const wc = questionWeight[from + 2]!;
    mean[0] = (0 + a * wa + b * wb + c * wc) / (0 + wa + wb + wc);
    return [
      { id: questionId[from]!, value: fig(a, publishQuestion, decimals) },
      { id: questionId[from + 1]!, value: fig(b, publishQuestion, decimals) },
      { id: questionId[from + 2]!, value: fig(c, publishQuestion, decimals) },
    ];
  }
  const out = new Array<QuestionResult>(to - from);
  let sum = 0;
  let w = 0;
  for (let q = from; q < to; q++) {
    const v = values[questionSlot[q]!]!;
    if (v !== v) return null;
    out[q - from] = { id: questionId[q]!, value: fig(v, publishQuestion, decimals) };
    const wq = questionWeight[q]!;
    sum += v * wq;
    w += wq;
  }
  mean[0] = sum / w;
  return out;
}

/** One tool's share of one indicator (part k), or null when the plan does not apply. */
function partResult(plan: TreePlan, values: Float64Array, k: number, mean: Float64Array): ToolPartResult | null {
  const { subStart, partQuestionStart, subSlot, subQuestionFrom, subQuestionTo, decimals } = plan;
  const tool = plan.partTool[k]!;
  const s0 = subStart[k]!;
  const s1 = subStart[k + 1]!;
  const q0 = partQuestionStart[k]!;
  const q1 = partQuestionStart[k + 1]!;
  const direct = values[plan.partSlot[k]!]!;
  if (direct === direct) {
    // The indicator given whole together with a part of it is a conflict: the general path names it.
    if (anyGiven(values, subSlot, s0, s1) || anyGiven(values, plan.questionSlot, q0, q1)) return null;
    return {
      tool,
      value: fig(direct, plan.publishIndicator, decimals),
      given: true,
      subindicators: NONE,
      questions: NONE,
    };
  }
  if (s0 === s1) {
    const qs = questionResults(plan, values, q0, q1, mean);
    if (!qs) return null;
    return {
      tool,
      value: fig(mean[0]!, plan.publishIndicator, decimals),
      given: false,
      subindicators: NONE,
      questions: qs,
    };
  }
  const subs = new Array<SubindicatorResult>(s1 - s0);
  let sum = 0;
  let w = 0;
  for (let j = s0; j < s1; j++) {
    const given = values[subSlot[j]!]!;
    let exact: number;
    if (given === given) {
      if (anyGiven(values, plan.questionSlot, subQuestionFrom[j]!, subQuestionTo[j]!)) return null;
      exact = given;
      subs[j - s0] = {
        id: plan.subId[j]!,
        label: plan.subLabel[j]!,
        value: fig(given, plan.publishSub, decimals),
        given: true,
        questions: NONE,
      };
    } else {
      const qs = questionResults(plan, values, subQuestionFrom[j]!, subQuestionTo[j]!, mean);
      if (!qs) return null;
      exact = mean[0]!;
      subs[j - s0] = {
        id: plan.subId[j]!,
        label: plan.subLabel[j]!,
        value: fig(exact, plan.publishSub, decimals),
        given: false,
        questions: qs,
      };
    }
    const wj = plan.subWeight[j]!;
    sum += exact * wj;
    w += wj;
  }
  return {
    tool,
    value: fig(sum / w, plan.publishIndicator, decimals),
    given: false,
    subindicators: subs,
    questions: NONE,
  };
}

/**
 * The full result tree of an agency whose every score is there, or null when the
 * plan does not apply (a score missing or rejected, a level given together with a
 * part of it): the caller then takes the general path, which says why.
 */
export function evaluatePlanned(plan: TreePlan, input: ScoreValues): Evaluation | null {
  for (let i = 0; i < input.problems.length; i++) if (input.problems[i]!.severity === "error") return null;
  const values = input.values;
  const { partStart, partWeight, decimals } = plan;
  const mean = MEAN;
  const nTools = plan.toolId.length;
  const parts = new Array<ToolPartResult>(plan.partSlot.length);
  const tools = new Array<ToolResult>(nTools);
  let total = 0;
  let totalW = 0;
  for (let t = 0; t < nTools; t++) {
    let sum = 0;
    let w = 0;
    for (let k = partStart[t]!; k < partStart[t + 1]!; k++) {
      const part = partResult(plan, values, k, mean);
      if (!part) return null;
      parts[k] = part;
      sum += part.value.exact * partWeight[k]!;
      w += partWeight[k]!;
    }
    const whole = values[plan.toolSlot[t]!]!;
    const given = whole === whole;
    const exact = given ? whole : sum / w;
    const value = fig(exact, plan.publishTool, decimals);
    tools[t] = given
      ? { id: plan.toolId[t]!, label: plan.toolLabel[t]!, weight: plan.toolWeight[t]!, value, given: true }
      : { id: plan.toolId[t]!, label: plan.toolLabel[t]!, weight: plan.toolWeight[t]!, value };
    total += exact * plan.totalWeight[t]!;
    totalW += plan.totalWeight[t]!;
  }

  const { indicatorPartStart, indicatorPart, indicatorPartWeight } = plan;
  const nIndicators = plan.indicatorId.length;
  const indicators = new Array<IndicatorResult>(nIndicators);
  for (let i = 0; i < nIndicators; i++) {
    const p0 = indicatorPartStart[i]!;
    const p1 = indicatorPartStart[i + 1]!;
    // An indicator measured by one tool or two (every bundled year) gets its list as a
    // literal, made in one allocation with its items; longer lists are filled in a loop.
    let own: ToolPartResult[];
    let value: Figure;
    if (p1 - p0 === 1) {
      // One part: its figure is the indicator's, published at the same level: copied, not rounded again.
      const part = parts[indicatorPart[p0]!]!;
      own = [part];
      value = { exact: part.value.exact, published: part.value.published };
    } else if (p1 - p0 === 2) {
      const a = parts[indicatorPart[p0]!]!;
      const b = parts[indicatorPart[p0 + 1]!]!;
      const wa = indicatorPartWeight[p0]!;
      const wb = indicatorPartWeight[p0 + 1]!;
      own = [a, b];
      // The loop's sums, in its order, from 0: the same bits.
      value = fig((0 + a.value.exact * wa + b.value.exact * wb) / (0 + wa + wb), plan.publishIndicator, decimals);
    } else {
      own = new Array<ToolPartResult>(p1 - p0);
      let sum = 0;
      let w = 0;
      for (let p = p0; p < p1; p++) {
        const part = parts[indicatorPart[p]!]!;
        own[p - p0] = part;
        sum += part.value.exact * indicatorPartWeight[p]!;
        w += indicatorPartWeight[p]!;
      }
      value = fig(sum / w, plan.publishIndicator, decimals);
    }
    // As publish.passes decides, with the pass mark's units computed once. A published
    // figure is already whole units (k / 10^d), so comparing it with the mark's k / 10^d
    // is comparing the units; an unrounded one is taken to units first.
    const pass =
      plan.pass === null
        ? null
        : plan.publishIndicator
          ? value.published >= plan.passMark
          : toUnits(value.published, decimals) >= plan.passUnits;
    indicators[i] = {
      id: plan.indicatorId[i]!,
      label: plan.indicatorLabel[i]!,
      tools: plan.indicatorTools[i]!,
      parts: own,
      value,
      pass,
      result: pass === null ? null : pass ? plan.passLabel : plan.failLabel,
    };
  }
  const totalFigure = fig(total / totalW, plan.publishTotal, decimals);
  const rating = rate(plan.model, totalFigure, tools, indicators);
  return { rules: plan.rules, indicators, tools, total: totalFigure, rating };
}
