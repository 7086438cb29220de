/**
 * Does the indicators' pass mark agree with the rating table? NACC's target is "ผ่านเกณฑ์
 * (85 คะแนนขึ้นไป)": an agency scoring the pass mark everywhere should land exactly where a
 * rating row begins. Otherwise (`pass at 90` while ผ่านดี still begins at 85, or `pass at 80`
 * while the first passing row begins at 85) staff see one number on the criteria step and
 * another in the bands, so both lines get a warning.
 *
 * Only agencies whose total and every tool score are the same value are considered: they
 * are the ones the pass mark speaks of, and for them the winning row changes only at the
 * bounds written in the table, so only those points are evaluated, in one sweep.
 */
import type { PassNode, RatingNode } from "./ast.js";
import { makeDiagnostic, type Diagnostic, type SourceSpan } from "./diagnostics.js";
import type { RatingRow } from "./model.js";
import { toUnits, unitsToText } from "./precision.js";

/**
 * The units an agency with `u` everywhere must have for a row to hold: every condition
 * then reads the same value, so the row is one interval (empty when it names no tool
 * the file has, or asks `any tool` of a file without tools), as conditionHolds decides.
 */
function uniformInterval(row: RatingRow, toolIds: readonly string[]): { lo: number; hi: number } {
  let lo = -Infinity;
  let hi = Infinity;
  for (const c of row.conditions) {
    if (c.subject === "every" && toolIds.length === 0) continue;
    if ((c.subject === "any" && toolIds.length === 0) || (c.subject === "tool" && !toolIds.includes(c.tool ?? ""))) {
      return { lo: 1, hi: 0 };
    }
    lo = Math.max(lo, c.lo);
    hi = Math.min(hi, c.hi);
  }
  return { lo, hi };
}

/**
 * The first row an agency with `u` units everywhere reaches (-1 in a gap), for each of
 * `points`: one sweep over the points in order with a heap of the rows in force, so a
 * table of thousands of rows is O(n log n) rather than rows × points.
 */
function rowsAt(
  rows: readonly RatingRow[],
  toolIds: readonly string[],
  points: readonly number[],
): Map<number, number> {
  const intervals = rows.map((r) => uniformInterval(r, toolIds));
  const byLo = rows.map((_, r) => r).sort((a, b) => intervals[a]!.lo - intervals[b]!.lo);
  const heap: number[] = [];
  const push = (v: number): void => {
    let i = heap.push(v) - 1;
    while (i > 0 && heap[(i - 1) >> 1]! > v) {
      heap[i] = heap[(i - 1) >> 1]!;
      i = (i - 1) >> 1;
    }
    heap[i] = v;
  };
  const pop = (): void => {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const c = l + 1 < heap.length && heap[l + 1]! < heap[l]! ? l + 1 : l;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
  };
  const out = new Map<number, number>();
  let next = 0;
  for (const u of [...new Set(points)].sort((a, b) => a - b)) {
    for (; next < byLo.length && intervals[byLo[next]!]!.lo <= u; next++) push(byLo[next]!);
    while (heap.length > 0 && intervals[heap[0]!]!.hi < u) pop();
    out.set(u, heap.length > 0 ? heap[0]! : -1);
  }
  return out;
}

/** Where a row begins for uniform agencies: the bound that makes it start there, or the row itself. */
function startSpan(node: RatingNode, row: number, units: number, rows: readonly RatingRow[]): SourceSpan {
  const band = node.bands[row];
  const i = rows[row]?.conditions.findIndex((c) => c.lo === units) ?? -1;
  const written = i >= 0 ? band?.conditions[i]?.range?.min?.span : undefined;
  return written ?? band?.label?.th.span ?? band?.span ?? node.span;
}

export function checkPassAgainstBands(
  pass: PassNode,
  threshold: number,
  rows: readonly RatingRow[],
  node: RatingNode,
  toolIds: readonly string[],
  decimals: number,
): Diagnostic[] {
  const max = 100 * 10 ** decimals;
  const p = toUnits(threshold, decimals);
  if (p <= 0 || rows.length === 0) return [];
  const candidates = new Set<number>();
  for (const r of rows) {
    for (const c of r.conditions) {
      if (c.lo > 0 && c.lo <= max) candidates.add(c.lo);
      if (c.hi + 1 > 0 && c.hi + 1 <= max) candidates.add(c.hi + 1);
    }
  }
  const at = rowsAt(
    rows,
    toolIds,
    [...candidates].flatMap((u) => [u, u - 1]),
  );
  const rowAt = (u: number): number => at.get(u)!;
  const starts = [...candidates].filter((u) => rowAt(u) !== rowAt(u - 1)).sort((a, b) => a - b);
  if (starts.length === 0 || starts.includes(p)) return [];
  // The pass mark was most likely meant to sit on the nearest row start: below it, that row
  // lets agencies under the pass mark in; above it, passing agencies miss it. On a tie, the
  // row the pass mark itself falls in (`pass at 90` against rows at 85 and 95: the 85 one).
  const nearest = starts.reduce((best, u) => (Math.abs(u - p) < Math.abs(best - p) ? u : best));
  const row = rowAt(nearest);
  const label = rows[row]?.label;
  const bandAt = startSpan(node, row, nearest, rows);
  const passAt = pass.threshold?.span ?? pass.span;
  const values = {
    pass: threshold,
    passLine: passAt.line,
    band: label ? label.th : "",
    start: unitsToText(nearest, decimals),
    bandLine: bandAt.line,
  };
  return [makeDiagnostic("ITA-C021", passAt, values), makeDiagnostic("ITA-C021", bandAt, values)];
}
