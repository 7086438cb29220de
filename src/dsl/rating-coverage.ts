/**
 * Static analysis of a first-match rating table at the published precision: every
 * reachable (total, tool scores) case must hit some row (no gap), two rows with the
 * same tool conditions must not claim the same totals (overlap), and every row must
 * win somewhere (reachable).
 *
 * Tool scores are split into cells inside which no condition changes its truth, so
 * one representative per cell stands for all of them; totals are limited to what the
 * cell's tool scores can produce under the total's weights. Within a cell the winning
 * row changes only at row bounds, so the total axis is swept once over the sorted
 * band edges with a heap of the rows in force (first match = lowest row index).
 * Overlaps are found with an interval tree per group of rows sharing tool conditions.
 * Both are O(n log n) in the number of rows, so a file of thousands of bands checks in
 * well under a second; test/support/rating-coverage-reference.ts holds the first,
 * quadratic version, which the property test holds this one to.
 */
import type { RatingNode } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "./diagnostics.js";
import { conditionHolds, type Condition, type RatingRow } from "./model.js";
import { unitsToText } from "./precision.js";

const MAX_CASES = 20000;
/**
 * Cases × rows beyond which the per-case sweep is not run either: every case sweeps
 * the rows, so one tool with thousands of `every tool >=` bands would otherwise take
 * minutes. Real tables (a handful of rows) stay orders of magnitude below it.
 */
const MAX_WORK = 20_000_000;
/** Only the first gaps are reported; later ones add nothing the user can act on. */
const GAPS_SHOWN = 3;

interface Cell {
  readonly lo: number;
  readonly hi: number;
}

function appliesTo(c: Condition, tool: string): boolean {
  return c.subject === "every" || c.subject === "any" || (c.subject === "tool" && c.tool === tool);
}

function totalInterval(row: RatingRow, max: number): Cell {
  let lo = 0;
  let hi = max;
  for (const c of row.conditions) {
    if (c.subject !== "total") continue;
    lo = Math.max(lo, c.lo);
    hi = Math.min(hi, c.hi);
  }
  return { lo, hi };
}

function toolSignature(row: RatingRow): string {
  return row.conditions
    .filter((c) => c.subject !== "total")
    .map((c) => `${c.subject}:${c.tool ?? ""}:${c.lo}:${c.hi}`)
    .sort()
    .join("|");
}

/** Binary min-heap of row indices: the row in force that comes first wins. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number | undefined {
    return this.items[0];
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= v) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = v;
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (a.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const c = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
      if (a[c]! >= last) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
  }
}

/**
 * Segments [0, size) holding the lowest row index that covers them: `cover` lowers a
 * range, `lowest` reads the minimum over a range. Lazy tags are never pushed down:
 * a tag holds for its whole node, so a query crossing the node takes it into account.
 */
class MinCoverTree {
  private readonly min: Float64Array;
  private readonly tag: Float64Array;
  constructor(private readonly size: number) {
    this.min = new Float64Array(4 * Math.max(1, size)).fill(Infinity);
    this.tag = new Float64Array(4 * Math.max(1, size)).fill(Infinity);
  }
  cover(from: number, to: number, v: number): void {
    this.update(1, 0, this.size - 1, from, to, v);
  }
  lowest(from: number, to: number): number {
    return this.query(1, 0, this.size - 1, from, to);
  }
  private update(n: number, l: number, r: number, from: number, to: number, v: number): void {
    if (to < l || r < from) return;
    if (from <= l && r <= to) {
      this.min[n] = Math.min(this.min[n]!, v);
      this.tag[n] = Math.min(this.tag[n]!, v);
      return;
    }
    const m = (l + r) >> 1;
    this.update(2 * n, l, m, from, to, v);
    this.update(2 * n + 1, m + 1, r, from, to, v);
    this.min[n] = Math.min(this.tag[n]!, this.min[2 * n]!, this.min[2 * n + 1]!);
  }
  private query(n: number, l: number, r: number, from: number, to: number): number {
    if (to < l || r < from) return Infinity;
    if (from <= l && r <= to) return this.min[n]!;
    const m = (l + r) >> 1;
    return Math.min(this.tag[n]!, this.query(2 * n, l, m, from, to), this.query(2 * n + 1, m + 1, r, from, to));
  }
}

interface Overlap {
  readonly row: number;
  readonly other: number;
  readonly from: number;
  readonly to: number;
}

/**
 * For each row, the first earlier row with the same tool conditions whose total range
 * meets its own (rows with an empty range neither overlap nor are overlapped).
 */
function findOverlaps(intervals: readonly Cell[], signatures: readonly string[]): Overlap[] {
  const groups = new Map<string, number[]>();
  signatures.forEach((s, r) => {
    const a = intervals[r]!;
    if (a.lo > a.hi) return;
    const g = groups.get(s);
    if (g) g.push(r);
    else groups.set(s, [r]);
  });
  const out: Overlap[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Segments between consecutive edges; a range [lo, hi] covers [seg(lo), seg(hi + 1) - 1].
    const edges = [...new Set(group.flatMap((r) => [intervals[r]!.lo, intervals[r]!.hi + 1]))].sort((a, b) => a - b);
    const seg = new Map(edges.map((e, k) => [e, k]));
    const tree = new MinCoverTree(edges.length - 1);
    for (const j of group) {
      const b = intervals[j]!;
      const from = seg.get(b.lo)!;
      const to = seg.get(b.hi + 1)! - 1;
      const i = tree.lowest(from, to);
      if (i !== Infinity) {
        const a = intervals[i]!;
        out.push({ row: j, other: i, from: Math.max(a.lo, b.lo), to: Math.min(a.hi, b.hi) });
      }
      tree.cover(from, to, j);
    }
  }
  return out.sort((x, y) => x.row - y.row);
}

export function checkRatingCoverage(
  rows: readonly RatingRow[],
  node: RatingNode,
  toolIds: readonly string[],
  weights: readonly number[],
  decimals: number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const max = 100 * 10 ** decimals;
  const text = (u: number): string => unitsToText(u, decimals);
  const spanOf = (i: number) => node.bands[i]?.span ?? node.span;
  const intervals = rows.map((r) => totalInterval(r, max));

  // Overlaps between rows that differ only in their total ranges.
  for (const o of findOverlaps(intervals, rows.map(toolSignature))) {
    out.push(
      makeDiagnostic("ITA-C008", spanOf(o.row), {
        label: rows[o.row]!.label.th,
        other: rows[o.other]!.label.th,
        from: text(o.from),
        to: text(o.to),
      }),
    );
  }

  // Cells of each tool's score.
  const cells: Cell[][] = toolIds.map((t) => {
    const points = new Set<number>([0, max + 1]);
    for (const r of rows)
      for (const c of r.conditions) {
        if (!appliesTo(c, t)) continue;
        for (const p of [c.lo, c.hi + 1]) if (p > 0 && p <= max) points.add(p);
      }
    const sorted = [...points].sort((a, b) => a - b);
    return sorted.slice(0, -1).map((p, k) => ({ lo: p, hi: sorted[k + 1]! - 1 }));
  });
  const cases = cells.reduce((n, c) => n * c.length, 1);
  if (cases > MAX_CASES || cases * rows.length > MAX_WORK) {
    out.push(makeDiagnostic("ITA-C020", node.span, { n: cases }));
    return out;
  }

  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const reached = rows.map(() => false);
  const gaps = new Map<string, { from: number; to: number; when: Cell[] }>();
  const index = toolIds.map(() => 0);
  const toolConditions = rows.map((r) => r.conditions.filter((c) => c.subject !== "total"));
  const hasToolConditions = toolConditions.some((cs) => cs.length > 0);
  // Rows by where their total range starts, and every band edge in order, sorted once.
  const byLo = rows.map((_, r) => r).sort((a, b) => intervals[a]!.lo - intervals[b]!.lo || a - b);
  const edges = intervals
    .flatMap((iv, r) => [
      { at: iv.lo, row: r },
      { at: iv.hi + 1, row: r },
    ])
    .sort((a, b) => a.at - b.at);

  for (let n = 0; n < cases; n++) {
    const chosen = index.map((k, t) => cells[t]![k]!);
    const reps = chosen.map((c) => c.lo);
    let minTotal = 0;
    let maxTotal = 0;
    chosen.forEach((c, t) => {
      minTotal += (weights[t]! * c.lo) / weightSum;
      maxTotal += (weights[t]! * c.hi) / weightSum;
    });
    const tLo = toolIds.length ? Math.floor(Number(minTotal.toPrecision(12)) + 0.5) : 0;
    const tHi = toolIds.length ? Math.min(max, Math.floor(Number(maxTotal.toPrecision(12)) + 0.5)) : max;

    const eligible = toolConditions.map((cs) => cs.every((c) => conditionHolds(c, Number.NaN, reps, toolIds)));
    // The winner changes only at edges of eligible rows; between two edges it is constant.
    const points = [tLo];
    for (const e of edges) {
      if (e.at > tLo && e.at <= tHi && eligible[e.row] && e.at !== points[points.length - 1]) points.push(e.at);
    }
    const inForce = new MinHeap();
    let next = 0;
    points.forEach((p, k) => {
      const end = k + 1 < points.length ? points[k + 1]! - 1 : tHi;
      for (; next < byLo.length && intervals[byLo[next]!]!.lo <= p; next++) {
        if (eligible[byLo[next]!]) inForce.push(byLo[next]!);
      }
      while (inForce.size > 0 && intervals[inForce.peek()!]!.hi < p) inForce.pop();
      const winner = inForce.peek();
      if (winner !== undefined) reached[winner] = true;
      else if (gaps.size < GAPS_SHOWN) {
        const key = `${p}-${end}`;
        if (!gaps.has(key)) gaps.set(key, { from: p, to: end, when: chosen });
      }
    });

    for (let t = 0; t < index.length; t++) {
      index[t]!++;
      if (index[t]! < cells[t]!.length) break;
      index[t] = 0;
    }
  }

  for (const g of gaps.values()) {
    const narrowed = hasToolConditions
      ? g.when
          .map((c, t) => (c.lo === 0 && c.hi === max ? "" : `${toolIds[t]} ${text(c.lo)}–${text(c.hi)}`))
          .filter(Boolean)
          .join(", ")
      : "";
    out.push(
      makeDiagnostic("ITA-C007", node.span, {
        from: text(g.from),
        to: text(g.to),
        whenTh: narrowed ? ` เมื่อ ${narrowed}` : "",
        whenEn: narrowed ? ` when ${narrowed}` : "",
      }),
    );
  }
  rows.forEach((r, i) => {
    if (!reached[i]) out.push(makeDiagnostic("ITA-C009", spanOf(i), { label: r.label.th }));
  });
  return out;
}
