/**
 * The report's history section (ReportHistory in model.ts) from the engine's
 * comparison of years: printed figures and signed changes at each year's published
 * precision, rating moves in words, and the criteria changes as "2567→2568: …"
 * lines. Nothing is scored or compared here; the engine's History holds every figure.
 */
import { type Label, formatFixed, toThaiDigits } from "../dsl/runtime.js";
import type { CriteriaNote, History, HistoryRow, RatingMove } from "../engine/index.js";
import type { HistoryLine, ReportHistory } from "./model.js";

const MOVES: Record<RatingMove, Label> = {
  up: { th: "ดีขึ้น", en: "up" },
  down: { th: "ลดลง", en: "down" },
  same: { th: "คงเดิม", en: "same" },
  "bands-changed": { th: "เกณฑ์ระดับเปลี่ยน", en: "bands changed" },
};

const NONE = "—";

function noteText(n: CriteriaNote, thai: boolean): Label {
  const years = `${n.from}→${n.to}`;
  return { th: `${thai ? toThaiDigits(years) : years}: ${n.th}`, en: `${n.from}→${n.to}: ${n.en}` };
}

export function historySection(history: History, thai: boolean): ReportHistory {
  const digits = (s: string): string => (thai ? toThaiDigits(s) : s);
  const decimals = history.years.map((y) => y.rules.decimals);
  const line = (row: HistoryRow): HistoryLine => {
    const values = row.cells.map((c) => c.value?.published ?? null);
    const changes = row.cells.map((c) => c.change?.published ?? null);
    return {
      kind: row.kind,
      id: row.id,
      idText: row.kind === "indicator" ? digits(row.id) : row.id,
      label: row.label,
      values,
      texts: values.map((v, i) => (v === null ? NONE : formatFixed(v, decimals[i]!, thai))),
      changes,
      changeTexts: changes.map((v, i) =>
        v === null ? "" : `${v > 0 ? "+" : v < 0 ? "-" : ""}${formatFixed(Math.abs(v), decimals[i]!, thai)}`,
      ),
      notes: row.notes.map((n) => noteText(n, thai)),
    };
  };
  return {
    years: history.years.map((y) => ({
      year: y.year,
      yearText: digits(String(y.year)),
      rules: y.rules.name,
      status: y.status,
      remark:
        y.status === "partial"
          ? y.needs
          : y.status === "failed"
            ? {
                th: `คำนวณไม่ได้: ${y.problems
                  .slice(0, 3)
                  .map((p) => `${p.tool} ${p.question} ${p.th}`.trim())
                  .join("; ")}`,
                en: `nothing computed: ${y.problems
                  .slice(0, 3)
                  .map((p) => `${p.tool} ${p.question} ${p.en}`.trim())
                  .join("; ")}`,
              }
            : undefined,
      source: y.source,
    })),
    lines: [history.total, ...history.tools, ...history.indicators].map(line),
    rating: {
      labels: history.rating.cells.map((c) => c.label?.th ?? NONE),
      moves: history.rating.cells.map((c) => (c.move ? MOVES[c.move] : { th: "", en: "" })),
    },
    criteria: history.criteria.map((n) => noteText(n, thai)),
  };
}
