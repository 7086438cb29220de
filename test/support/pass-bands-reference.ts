/**
 * The pass-mark check as first written (each candidate point evaluated against every row,
 * quadratic in the rows); kept only as the reference the property test holds
 * src/dsl/pass-bands.ts to.
 */
import type { PassNode, RatingNode } from "../../src/dsl/ast.js";
import { makeDiagnostic, type Diagnostic, type SourceSpan } from "../../src/dsl/diagnostics.js";
import { conditionHolds, type RatingRow } from "../../src/dsl/model.js";
import { toUnits, unitsToText } from "../../src/dsl/precision.js";

/** The first row an agency with `u` units everywhere reaches, or -1 in a gap. */
function rowAt(rows: readonly RatingRow[], toolIds: readonly string[], u: number): number {
  const tools = toolIds.map(() => u);
  return rows.findIndex((r) => r.conditions.every((c) => conditionHolds(c, u, tools, toolIds)));
}

/** Where a row begins for uniform agencies: the bound that makes it start there, or the row itself. */
function startSpan(node: RatingNode, row: number, units: number, rows: readonly RatingRow[]): SourceSpan {
  const band = node.bands[row];
  const i = rows[row]?.conditions.findIndex((c) => c.lo === units) ?? -1;
  const written = i >= 0 ? band?.conditions[i]?.range?.min?.span : undefined;
  return written ?? band?.label?.th.span ?? band?.span ?? node.span;
}

export function referencePassAgainstBands(
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
  const starts = [...candidates]
    .filter((u) => rowAt(rows, toolIds, u) !== rowAt(rows, toolIds, u - 1))
    .sort((a, b) => a - b);
  if (starts.length === 0 || starts.includes(p)) return [];
  // The pass mark was most likely meant to sit on the nearest row start: below it, that row
  // lets agencies under the pass mark in; above it, passing agencies miss it. On a tie, the
  // row the pass mark itself falls in (`pass at 90` against rows at 85 and 95: the 85 one).
  const nearest = starts.reduce((best, u) => (Math.abs(u - p) < Math.abs(best - p) ? u : best));
  const row = rowAt(rows, toolIds, nearest);
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
