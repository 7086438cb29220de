/**
 * Does the indicators' pass mark agree with the rating table? NACC's target is "ผ่านเกณฑ์
 * (85 คะแนนขึ้นไป)": an agency scoring the pass mark everywhere should land exactly where a
 * rating row begins. Otherwise (`pass at 90` while ผ่านดี still begins at 85, or `pass at 80`
 * while the first passing row begins at 85) staff see one number on the criteria step and
 * another in the bands, so both lines get a warning.
 *
 * Only agencies whose total and every tool score are the same value are considered: they
 * are the ones the pass mark speaks of, and for them the winning row changes only at the
 * bounds written in the table, so only those points are evaluated.
 */
import type { PassNode, RatingNode } from "./ast.js";
import { makeDiagnostic, type Diagnostic, type SourceSpan } from "./diagnostics.js";
import { conditionHolds, type RatingRow } from "./model.js";
import { toUnits, unitsToText } from "./precision.js";

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
