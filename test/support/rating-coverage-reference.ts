/**
 * The rating-coverage analysis as it was written first: for each tool-score case,
 * evaluate every row at every band edge (quadratic in the number of rows). Kept only
 * as the reference the property test compares src/dsl/rating-coverage.ts with, so the
 * faster sweep is pinned to the same findings.
 */
import type { RatingNode } from "../../src/dsl/ast.js";
import { makeDiagnostic, type Diagnostic } from "../../src/dsl/diagnostics.js";
import { conditionHolds, type Condition, type RatingRow } from "../../src/dsl/model.js";
import { unitsToText } from "../../src/dsl/precision.js";

const MAX_CASES = 20000;

interface Cell {
  readonly lo: number;
  readonly hi: number;
}

function appliesTo(c: Condition, tool: string): boolean {
  return c.subject === "every" || c.subject === "any" || (c.subject === "tool" && c.tool === tool);
}

/** Tool conditions only; the total is handled by intervals below. */
function toolConditionsHold(row: RatingRow, toolIds: readonly string[], values: readonly number[]): boolean {
  return row.conditions.every((c) => c.subject === "total" || conditionHolds(c, Number.NaN, values, toolIds));
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

export function referenceRatingCoverage(
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

  // Overlaps between rows that differ only in their total ranges.
  for (let j = 0; j < rows.length; j++) {
    for (let i = 0; i < j; i++) {
      if (toolSignature(rows[i]!) !== toolSignature(rows[j]!)) continue;
      const a = totalInterval(rows[i]!, max);
      const b = totalInterval(rows[j]!, max);
      const lo = Math.max(a.lo, b.lo);
      const hi = Math.min(a.hi, b.hi);
      if (lo <= hi && a.lo <= a.hi && b.lo <= b.hi) {
        out.push(
          makeDiagnostic("ITA-C008", spanOf(j), {
            label: rows[j]!.label.th,
            other: rows[i]!.label.th,
            from: text(lo),
            to: text(hi),
          }),
        );
        break;
      }
    }
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
  if (cases > MAX_CASES) {
    out.push(makeDiagnostic("ITA-C020", node.span, { n: cases }));
    return out;
  }

  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const reached = rows.map(() => false);
  const gaps = new Map<string, { from: number; to: number; when: Cell[] }>();
  const index = toolIds.map(() => 0);
  const hasToolConditions = rows.some((r) => r.conditions.some((c) => c.subject !== "total"));

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

    const eligible = rows.map((r) => toolConditionsHold(r, toolIds, reps));
    const intervals = rows.map((r) => totalInterval(r, max));
    const points = new Set<number>([tLo]);
    rows.forEach((_, r) => {
      if (!eligible[r]) return;
      for (const p of [intervals[r]!.lo, intervals[r]!.hi + 1]) if (p > tLo && p <= tHi) points.add(p);
    });
    const sorted = [...points].sort((a, b) => a - b);
    sorted.forEach((p, k) => {
      const end = k + 1 < sorted.length ? sorted[k + 1]! - 1 : tHi;
      const winner = rows.findIndex((_, r) => eligible[r] && p >= intervals[r]!.lo && p <= intervals[r]!.hi);
      if (winner >= 0) reached[winner] = true;
      else {
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

  for (const g of [...gaps.values()].slice(0, 3)) {
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
