/**
 * The hand-written baselines of `npm run bench`. One agency: the 2568 formula as a developer
 * without the rules engine would write it for speed: plain loops over typed
 * arrays, no closure, array or tuple per call, and the rules' own rounding
 * (precision.roundHalfUp at tool and total, rating on the published figures).
 * It is checked to agree with the engine on many generated agencies before any
 * timing, so the ratio compares the same arithmetic. National volume: the mean of
 * answer codes over a typed array, what scoring answers would cost with nothing to
 * read (the bench checks it against the product's path first).
 */
import { roundHalfUp } from "../src/dsl/precision.js";
import type { CompiledRules, scaleFor } from "../src/engine/index.js";

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

/** The same agency in the hand-written layout, from the engine's slot values. */
export function agency2568(compiled: CompiledRules, values: Float64Array): Agency2568 {
  const v = (tool: string, q: string): number => values[compiled.slotByKey.get(`${tool}\u0000${q}`)!]!;
  return {
    iit: Float64Array.from({ length: 15 }, (_, k) => v("IIT", `i${k + 1}`)),
    eit1: Float64Array.from({ length: 9 }, (_, k) => v("EIT1", `e${k + 1}`)),
    eit2: Float64Array.from({ length: 9 }, (_, k) => v("EIT2", `e${k + 1}`)),
    oit: Float64Array.from({ length: 28 }, (_, k) => v("OIT", `o${k + 1}`)),
  };
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
