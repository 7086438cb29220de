/**
 * The lean evaluation path: tool scores, total and rating row only, from slot
 * values, with no allocation per call. The roll-up is flattened once per rules
 * into index and weight arrays, so one agency is a few plain loops. `totalsOfRows`
 * (rows.ts) takes it for the functions that need only the total, a tool or the
 * rating when the input is complete (`isComplete`); `evaluate` builds the full
 * result tree and must agree with it (tested).
 */
import { roundHalfUp, type ScoringModel } from "../dsl/runtime.js";
import type { CompiledRules } from "./compile.js";

export interface TotalsProgram {
  readonly rules: CompiledRules<ScoringModel>;
  readonly toolWeights: Float64Array;
  /**
   * Sums of weights, added in the order the loops below would add them (so the same
   * bits): of the tools in the total, of each tool's parts, of each part's
   * sub-indicators, of each sub-indicator's questions. Every level is always there
   * (given or computed), so they do not depend on the agency.
   */
  readonly totalWeight: number;
  readonly toolPartWeight: Float64Array;
  readonly partSubWeight: Float64Array;
  readonly subQuestionWeight: Float64Array;
  /** Slot of each tool's whole score: used instead of its indicators when a row gives it. */
  readonly toolSlot: Int32Array;
  readonly toolStart: Int32Array;
  readonly partSlot: Int32Array;
  readonly partWeight: Float64Array;
  readonly partStart: Int32Array;
  readonly subSlot: Int32Array;
  readonly subWeight: Float64Array;
  readonly subStart: Int32Array;
  readonly questionSlot: Int32Array;
  readonly questionWeight: Float64Array;
  /**
   * The first question slot where a sub-indicator's questions all weigh 1 and sit in
   * consecutive slots (the common case: a plain mean read straight from `values`); -1 otherwise.
   */
  readonly subRun: Int32Array;
  /**
   * The first question slot where a part has no sub-indicators and its questions form
   * such a run (IIT and EIT indicators): its mean is the run's mean, with no
   * sub-indicator level between (x·1 and x/1 are exact); -1 otherwise.
   */
  readonly partRun: Int32Array;
  /** The number of questions in `partRun`'s run. */
  readonly partRunLength: Int32Array;
  /** Every slot of a level above the questions (tools, indicators, sub-indicators). */
  readonly levelSlot: Int32Array;
  /** Rating conditions flattened: subject (0 total, 1 every, 2 any, 3 tool), tool index, lo, hi. */
  readonly condSubject: Int8Array;
  readonly condTool: Int32Array;
  readonly condLo: Float64Array;
  readonly condHi: Float64Array;
  readonly rowStart: Int32Array;
  readonly roundTool: boolean;
  readonly roundTotal: boolean;
  readonly decimals: number;
  /** 10 ** decimals. */
  readonly factor: number;
  /** Scratch: each tool's published score in units, filled per call (no allocation per agency). */
  readonly toolUnits: Float64Array;
}

function compileTotals(rules: CompiledRules<ScoringModel>): TotalsProgram {
  const toolStart = [0];
  const partSlot: number[] = [];
  const partWeight: number[] = [];
  const partStart = [0];
  const subSlot: number[] = [];
  const subWeight: number[] = [];
  const subStart = [0];
  const questionSlot: number[] = [];
  const questionWeight: number[] = [];
  for (const tool of rules.tools) {
    for (const part of tool.indicators) {
      partSlot.push(part.slot);
      partWeight.push(tool.weighted ? part.weight : 1);
      const subs = part.subs.length
        ? part.subs.map((s) => ({
            slot: s.slot,
            weight: part.weighted ? s.weight : 1,
            weighted: s.weighted,
            qs: s.questions,
          }))
        : [{ slot: -1, weight: 1, weighted: part.weighted, qs: part.questions }];
      for (const s of subs) {
        subSlot.push(s.slot);
        subWeight.push(s.weight);
        for (const q of s.qs) {
          questionSlot.push(q.slot);
          questionWeight.push(s.weighted ? q.weight : 1);
        }
        subStart.push(questionSlot.length);
      }
      partStart.push(subSlot.length);
    }
    toolStart.push(partSlot.length);
  }
  const subRun = Int32Array.from(subSlot, (_, j) => {
    const q0 = subStart[j]!;
    for (let q = q0; q < subStart[j + 1]!; q++) {
      if (questionWeight[q] !== 1 || questionSlot[q] !== questionSlot[q0]! + (q - q0)) return -1;
    }
    return q0 < subStart[j + 1]! ? questionSlot[q0]! : -1;
  });
  const only = (k: number): number =>
    partStart[k + 1]! - partStart[k]! === 1 && subSlot[partStart[k]!] === -1 ? partStart[k]! : -1;
  const model = rules.model;
  const subj = { total: 0, every: 1, any: 2, tool: 3 } as const;
  const conds = model.rating.rows.map((r) => r.conditions);
  const flat = conds.flat();
  const rowStart = [0];
  for (const c of conds) rowStart.push(rowStart[rowStart.length - 1]! + c.length);
  const toolWeights = Float64Array.from(model.tools, (t) => (model.total.weighted ? t.weight : 1));
  const sum = (weights: readonly number[] | Float64Array, from: number, to: number): number => {
    let w = 0;
    for (let i = from; i < to; i++) w += weights[i]!;
    return w;
  };
  return {
    rules,
    toolWeights,
    totalWeight: sum(toolWeights, 0, toolWeights.length),
    toolPartWeight: Float64Array.from(rules.tools, (_, t) => sum(partWeight, toolStart[t]!, toolStart[t + 1]!)),
    partSubWeight: Float64Array.from(partSlot, (_, k) => sum(subWeight, partStart[k]!, partStart[k + 1]!)),
    subQuestionWeight: Float64Array.from(subSlot, (_, j) => sum(questionWeight, subStart[j]!, subStart[j + 1]!)),
    toolSlot: Int32Array.from(rules.tools, (t) => t.slot),
    toolStart: Int32Array.from(toolStart),
    partSlot: Int32Array.from(partSlot),
    partWeight: Float64Array.from(partWeight),
    partStart: Int32Array.from(partStart),
    subSlot: Int32Array.from(subSlot),
    subWeight: Float64Array.from(subWeight),
    subStart: Int32Array.from(subStart),
    questionSlot: Int32Array.from(questionSlot),
    questionWeight: Float64Array.from(questionWeight),
    subRun,
    partRun: Int32Array.from(partSlot, (_, k) => (only(k) >= 0 ? subRun[only(k)]! : -1)),
    levelSlot: Int32Array.from([...rules.tools.map((t) => t.slot), ...partSlot, ...subSlot.filter((x) => x >= 0)]),
    partRunLength: Int32Array.from(partSlot, (_, k) =>
      only(k) >= 0 ? subStart[only(k) + 1]! - subStart[only(k)]! : 0,
    ),
    condSubject: Int8Array.from(flat, (c) => subj[c.subject]),
    condTool: Int32Array.from(flat, (c) => model.tools.findIndex((t) => t.id === c.tool)),
    condLo: Float64Array.from(flat, (c) => c.lo),
    condHi: Float64Array.from(flat, (c) => c.hi),
    rowStart: Int32Array.from(rowStart),
    roundTool: model.publish.includes("tool"),
    roundTotal: model.publish.includes("total"),
    decimals: model.decimals,
    factor: 10 ** model.decimals,
    toolUnits: new Float64Array(model.tools.length),
  };
}

/** Each compiled rules' totals program, made on first use. */
const programs = new WeakMap<CompiledRules<ScoringModel>, TotalsProgram>();

export function totalsProgram(rules: CompiledRules<ScoringModel>): TotalsProgram {
  let p = programs.get(rules);
  if (!p) {
    p = compileTotals(rules);
    programs.set(rules, p);
  }
  return p;
}

/** Whether any of `values[slots[from … to)]` holds a value. */
function anyGiven(values: Float64Array, slots: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const v = values[slots[i]!]!;
    if (v === v) return true;
  }
  return false;
}

/**
 * Whether the values are what the full tree's plan takes (plan.ts): every part
 * computable, each from exactly one level (a part or sub-indicator given whole and
 * nothing under it, or every question under it), whole tools or not. Anything else
 * (a missing question, a level given together with a part of it, a tool given only
 * whole) has problems or a partial result to report, which only the full evaluation gives.
 */
export function isComplete(p: TotalsProgram, values: Float64Array): boolean {
  const { partSlot, partStart, subSlot, subStart, questionSlot } = p;
  for (let k = 0; k < partSlot.length; k++) {
    const j0 = partStart[k]!;
    const j1 = partStart[k + 1]!;
    const direct = values[partSlot[k]!]!;
    if (direct === direct) {
      for (let j = j0; j < j1; j++) {
        const slot = subSlot[j]!;
        if (slot >= 0 && values[slot]! === values[slot]!) return false;
      }
      if (anyGiven(values, questionSlot, subStart[j0]!, subStart[j1]!)) return false;
      continue;
    }
    for (let j = j0; j < j1; j++) {
      const slot = subSlot[j]!;
      if (slot >= 0 && values[slot]! === values[slot]!) {
        if (anyGiven(values, questionSlot, subStart[j]!, subStart[j + 1]!)) return false;
        continue;
      }
      for (let q = subStart[j]!; q < subStart[j + 1]!; q++) {
        const v = values[questionSlot[q]!]!;
        if (v !== v) return false;
      }
    }
  }
  return true;
}

/**
 * Fill `tools` with published tool scores and return the published total; the
 * rating row index goes to `out[0]` (-1 when no row holds). NaN when a needed score
 * is missing (`isComplete` says whether the values are fit; `evaluate` says what is wrong).
 * `levels` is `ScoreValues.levels`: false when the reader saw only questions, so the
 * slots of the levels above them need not be looked at.
 */
export function scoreTotals(
  p: TotalsProgram,
  values: Float64Array,
  tools: Float64Array,
  out: Int32Array,
  levels: boolean | undefined,
): number {
  const d = p.decimals;
  const { toolWeights, toolSlot, toolStart, partSlot, partWeight, partStart, subSlot, subWeight, subStart } = p;
  const { questionSlot, questionWeight, subRun, partRun, partRunLength, roundTool, roundTotal } = p;
  const { toolPartWeight, partSubWeight, subQuestionWeight } = p;
  const nTools = toolWeights.length;
  // Most tables give questions only: when the reader did not say, one pass over the
  // higher levels' slots tells; when none is given the roll-up below reads questions alone.
  if (levels === undefined) levels = anyGiven(values, p.levelSlot, 0, p.levelSlot.length);
  let total = 0;
  for (let t = 0; t < nTools; t++) {
    const whole = levels ? values[toolSlot[t]!]! : Number.NaN;
    let exact: number;
    if (whole === whole) exact = whole;
    else {
      let toolSum = 0;
      const k1 = toolStart[t + 1]!;
      for (let k = toolStart[t]!; k < k1; k++) {
        let v = levels ? values[partSlot[k]!]! : Number.NaN;
        if (v === v) {
          // The part given whole.
        } else if (partRun[k]! >= 0) {
          const first = partRun[k]!;
          const n = partRunLength[k]!;
          let qs = 0;
          for (let i = first; i < first + n; i++) qs += values[i]!;
          v = qs / n;
        } else {
          let s = 0;
          for (let j = partStart[k]!; j < partStart[k + 1]!; j++) {
            const slot = subSlot[j]!;
            let sv = levels && slot >= 0 ? values[slot]! : Number.NaN;
            if (sv !== sv) {
              let qs = 0;
              const q0 = subStart[j]!;
              const q1 = subStart[j + 1]!;
              const first = subRun[j]!;
              if (first >= 0) {
                // Equal weights over consecutive slots (compile gives a sub-indicator's questions
                // consecutive slots): x·1 and a sum of ones are exact, so skipping them changes no bit.
                const end = first + q1 - q0;
                for (let i = first; i < end; i++) qs += values[i]!;
                sv = qs / (q1 - q0);
              } else {
                for (let q = q0; q < q1; q++) qs += values[questionSlot[q]!]! * questionWeight[q]!;
                sv = qs / subQuestionWeight[j]!;
              }
            }
            s += sv * subWeight[j]!;
          }
          v = s / partSubWeight[k]!;
        }
        toolSum += v * partWeight[k]!;
      }
      exact = toolSum / toolPartWeight[t]!;
    }
    tools[t] = roundTool ? roundHalfUp(exact, d) : exact;
    total += exact * toolWeights[t]!;
  }
  const totalExact = total / p.totalWeight;
  const published = roundTotal ? roundHalfUp(totalExact, d) : totalExact;
  out[0] = ratingRow(p, tools, published);
  return published;
}

/**
 * The first rating row whose conditions hold on the published figures, or -1.
 * Ratings compare whole units of the published precision; each figure is converted
 * once, and "every tool" and "any tool" read the lowest and highest tool.
 */
function ratingRow(p: TotalsProgram, tools: Float64Array, published: number): number {
  const d = p.decimals;
  const f = p.factor;
  const units = p.toolUnits;
  const nTools = units.length;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < nTools; t++) {
    const u = Math.round((p.roundTool ? tools[t]! : roundHalfUp(tools[t]!, d)) * f);
    units[t] = u;
    if (u < lowest) lowest = u;
    if (u > highest) highest = u;
  }
  const tu = Math.round((p.roundTotal ? published : roundHalfUp(published, d)) * f);
  const { rowStart, condLo, condHi, condSubject, condTool } = p;
  const nRows = rowStart.length - 1;
  for (let r = 0; r < nRows; r++) {
    let ok = true;
    for (let c = rowStart[r]!; ok && c < rowStart[r + 1]!; c++) {
      const lo = condLo[c]!;
      const hi = condHi[c]!;
      const s = condSubject[c]!;
      if (s === 0) ok = tu >= lo && tu <= hi;
      else if (s === 1) ok = lowest >= lo && highest <= hi;
      else if (s === 3) {
        const u = units[condTool[c]!]!;
        ok = u >= lo && u <= hi;
      } else {
        ok = false;
        for (let t = 0; !ok && t < nTools; t++) ok = units[t]! >= lo && units[t]! <= hi;
      }
    }
    if (ok) return r;
  }
  return -1;
}
