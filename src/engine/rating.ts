/**
 * Rating and its explanation: the first row of the rules' rating table whose
 * conditions hold on the published figures, and what keeps the agency from the
 * row above it (which tools and indicators, by how many points). Rows are read as
 * best first, the way NACC prints them.
 */
import { conditionHolds, type Condition, type Label, type ScoringModel, toUnits, unitsToText } from "../dsl/runtime.js";
import type { Figure, IndicatorResult, ToolResult } from "./evaluate.js";

export interface Shortfall {
  readonly subject: "total" | "tool" | "indicator";
  /** Tool id, or indicator id; for an indicator, `tool` names the part that falls short. */
  readonly id: string;
  readonly tool?: string;
  readonly current: number;
  readonly target: number;
  /** Points still needed, at the published precision. */
  readonly gap: number;
  readonly th: string;
  readonly en: string;
}

export interface RatingOutcome {
  /** Index of the row that held; -1 only if the table has a gap the checker could not see. */
  readonly row: number;
  readonly label: Label;
  readonly nextUp: { readonly row: number; readonly label: Label; readonly shortfalls: readonly Shortfall[] } | null;
}

const NO_RATING: Label = { th: "ไม่มีระดับที่ตรงเงื่อนไข", en: "no rating row matches" };

export function rate(
  model: ScoringModel,
  total: Figure,
  tools: readonly ToolResult[],
  indicators: readonly IndicatorResult[],
): RatingOutcome {
  const d = model.decimals;
  const totalUnits = toUnits(total.published, d);
  const toolUnits = tools.map((t) => toUnits(t.value.published, d));
  const toolIds = tools.map((t) => t.id);
  const rows = model.rating.rows;
  const row = rows.findIndex((r) => r.conditions.every((c) => conditionHolds(c, totalUnits, toolUnits, toolIds)));
  if (row < 0) return { row, label: NO_RATING, nextUp: null };
  if (row === 0) return { row, label: rows[0]!.label, nextUp: null };

  const up = rows[row - 1]!;
  const shortfalls: Shortfall[] = [];
  const pts = (units: number): number => units / 10 ** d;
  const fmt = (units: number): string => unitsToText(units, d);
  const toolShort = (t: number, c: Condition): void => {
    const tool = tools[t]!;
    const gapUnits = c.lo - toolUnits[t]!;
    shortfalls.push({
      subject: "tool",
      id: tool.id,
      current: tool.value.published,
      target: pts(c.lo),
      gap: pts(gapUnits),
      th: `แบบวัด ${tool.id} ได้ ${fmt(toolUnits[t]!)} ต้องได้อย่างน้อย ${fmt(c.lo)} (ขาด ${fmt(gapUnits)})`,
      en: `tool ${tool.id} scored ${fmt(toolUnits[t]!)}, needs at least ${fmt(c.lo)} (${fmt(gapUnits)} short)`,
    });
    for (const ind of indicators) {
      const part = ind.parts.find((p) => p.tool === tool.id);
      if (!part) continue;
      const u = toUnits(part.value.published, d);
      if (u >= c.lo) continue;
      shortfalls.push({
        subject: "indicator",
        id: ind.id,
        tool: tool.id,
        current: part.value.published,
        target: pts(c.lo),
        gap: pts(c.lo - u),
        th: `ตัวชี้วัดที่ ${ind.id} ${ind.label.th} (${tool.id}) ได้ ${fmt(u)} ต่ำกว่า ${fmt(c.lo)} อยู่ ${fmt(c.lo - u)}`,
        en: `indicator ${ind.id} ${ind.label.en || ind.label.th} (${tool.id}) scored ${fmt(u)}, ${fmt(c.lo - u)} below ${fmt(c.lo)}`,
      });
    }
  };
  for (const c of up.conditions) {
    if (conditionHolds(c, totalUnits, toolUnits, toolIds)) continue;
    if (c.subject === "total" && totalUnits < c.lo) {
      const gap = c.lo - totalUnits;
      shortfalls.push({
        subject: "total",
        id: "total",
        current: total.published,
        target: pts(c.lo),
        gap: pts(gap),
        th: `คะแนนรวมได้ ${fmt(totalUnits)} ต้องได้อย่างน้อย ${fmt(c.lo)} (ขาด ${fmt(gap)})`,
        en: `the total is ${fmt(totalUnits)}, needs at least ${fmt(c.lo)} (${fmt(gap)} short)`,
      });
    } else if (c.subject === "every") {
      toolUnits.forEach((u, t) => {
        if (u < c.lo) toolShort(t, c);
      });
    } else if (c.subject === "tool") {
      const t = toolIds.indexOf(c.tool ?? "");
      if (t >= 0 && toolUnits[t]! < c.lo) toolShort(t, c);
    } else if (c.subject === "any") {
      // The cheapest way up: the tool nearest the bound.
      let best = -1;
      toolUnits.forEach((u, t) => {
        if (u < c.lo && (best < 0 || u > toolUnits[best]!)) best = t;
      });
      if (best >= 0) toolShort(best, c);
    }
  }
  return { row, label: rows[row]!.label, nextUp: { row: row - 1, label: up.label, shortfalls } };
}

/**
 * What stands between a rating and the next band up, as rows of (sentence, points
 * short): what ITA.GAP spills and what the results sheet shows until Excel computes it.
 */
export function gapRows(outcome: RatingOutcome): [string, number | ""][] {
  if (!outcome.nextUp) return [[`อยู่ระดับสูงสุดแล้ว (${outcome.label.th})`, ""]];
  if (outcome.nextUp.shortfalls.length === 0) return [[`ระดับถัดไป: ${outcome.nextUp.label.th}`, ""]];
  return outcome.nextUp.shortfalls.map((s) => [s.th, s.gap]);
}
