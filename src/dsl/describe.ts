/**
 * A rating condition and a band in words, with bounds as the rules file writes them
 * ("คะแนนรวม ≥ 95 และ ทุกแบบวัด ≥ 95" / "the total ≥ 95 and every tool ≥ 95"): the
 * one wording the task pane's criteria and the rules diff both show.
 */
import type { Condition, Label, RatingRow } from "./model.js";

/** A condition in words, with its bounds as written: "คะแนนรวม ≥ 95" / "the total ≥ 95". */
function describeCondition(c: Condition): Label {
  const who =
    c.subject === "total"
      ? { th: "คะแนนรวม", en: "the total" }
      : c.subject === "every"
        ? { th: "ทุกแบบวัด", en: "every tool" }
        : c.subject === "any"
          ? { th: "แบบวัดใดแบบวัดหนึ่ง", en: "any tool" }
          : { th: `แบบวัด ${c.tool ?? ""}`, en: `tool ${c.tool ?? ""}` };
  let range: string;
  if (c.min !== undefined && c.max !== undefined && c.minInclusive && c.maxInclusive) range = `${c.min}–${c.max}`;
  else {
    const parts: string[] = [];
    if (c.min !== undefined) parts.push(`${c.minInclusive ? "≥" : ">"} ${c.min}`);
    if (c.max !== undefined) parts.push(`${c.maxInclusive ? "≤" : "<"} ${c.max}`);
    range = parts.join(" ") || "0–100";
  }
  return { th: `${who.th} ${range}`, en: `${who.en} ${range}` };
}

/** Every condition of a band, joined with "และ" / "and". */
export function describeBand(row: RatingRow): Label {
  const parts = row.conditions.map(describeCondition);
  return { th: parts.map((p) => p.th).join(" และ "), en: parts.map((p) => p.en).join(" and ") };
}
