/**
 * The many-agencies summary shared by its renderers: column headings, the order
 * (highest total first), each agency's weakest indicators in words, and the few
 * figures of a report the summary needs (SummaryEntry), so a run over a province
 * keeps one small entry per agency instead of every report.
 */
import { weakestIndicators, type ReportIndicator, type ReportModel } from "./model.js";

export const SUMMARY_HEADINGS = [
  { th: "ลำดับ", en: "#" },
  { th: "หน่วยงาน", en: "Agency" },
  { th: "อำเภอ / จังหวัด", en: "District / province" },
  { th: "คะแนนรวม", en: "Total" },
  { th: "ระดับผลการประเมิน", en: "Rating" },
  { th: "ตัวชี้วัดที่อ่อนที่สุด", en: "Weakest indicators" },
] as const;

/** How many weakest indicators the summary names. */
const WEAKEST = 3;

/**
 * What the summary shows of one agency's report. A ReportModel is one; `summaryEntry`
 * keeps only these fields (and the weakest indicators alone) once a report is written.
 */
export interface SummaryEntry {
  readonly agency: ReportModel["agency"];
  readonly thaiDigits: boolean;
  readonly title: Pick<ReportModel["title"], "fiscalYear" | "placeLine">;
  readonly rules: Pick<ReportModel["rules"], "decimals">;
  readonly summary: Pick<ReportModel["summary"], "total" | "totalText" | "rating">;
  readonly indicators: readonly Pick<ReportIndicator, "idText" | "label" | "value" | "score">[];
  readonly audit?: ReportModel["audit"];
}

/** The summary's part of a report: its weakest indicators (in report order, so ties order as before) and figures. */
export function summaryEntry(r: ReportModel): SummaryEntry {
  const weakest = new Set(weakestIndicators(r, WEAKEST));
  return {
    agency: r.agency,
    thaiDigits: r.thaiDigits,
    title: { fiscalYear: r.title.fiscalYear, placeLine: r.title.placeLine },
    rules: { decimals: r.rules.decimals },
    summary: { total: r.summary.total, totalText: r.summary.totalText, rating: r.summary.rating },
    indicators: r.indicators
      .filter((i) => weakest.has(i))
      .map((i) => ({ idText: i.idText, label: i.label, value: i.value, score: i.score })),
    ...(r.audit ? { audit: r.audit } : {}),
  };
}

export function weakestText(r: SummaryEntry, count = WEAKEST): string {
  return weakestIndicators(r, count)
    .map((i) => `${i.idText} ${i.label.th} ${i.score}`)
    .join("\n");
}

/** Highest total first; equal totals by agency name (Thai collation). */
export function sortForSummary<T extends SummaryEntry>(reports: readonly T[]): T[] {
  return [...reports].sort(
    (a, b) => b.summary.total - a.summary.total || a.agency.name.localeCompare(b.agency.name, "th"),
  );
}
