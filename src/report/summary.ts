/**
 * The many-agencies summary shared by its renderers: column headings, the order
 * (highest total first) and each agency's weakest indicators in words.
 */
import { weakestIndicators, type ReportModel } from "./model.js";

export const SUMMARY_HEADINGS = [
  { th: "ลำดับ", en: "#" },
  { th: "หน่วยงาน", en: "Agency" },
  { th: "อำเภอ / จังหวัด", en: "District / province" },
  { th: "คะแนนรวม", en: "Total" },
  { th: "ระดับผลการประเมิน", en: "Rating" },
  { th: "ตัวชี้วัดที่อ่อนที่สุด", en: "Weakest indicators" },
] as const;

export function weakestText(r: ReportModel, count = 3): string {
  return weakestIndicators(r, count)
    .map((i) => `${i.idText} ${i.label.th} ${i.score}`)
    .join("\n");
}

/** Highest total first; equal totals by agency name (Thai collation). */
export function sortForSummary(reports: readonly ReportModel[]): ReportModel[] {
  return [...reports].sort(
    (a, b) => b.summary.total - a.summary.total || a.agency.name.localeCompare(b.agency.name, "th"),
  );
}
