/**
 * One agency's results across years, side by side: each year is evaluated with its
 * own rules by the one evaluator (evaluate.ts), then indicators are matched by id and
 * tools by id, and every figure gets the change from the year before it. Where the
 * criteria changed between two years (a tool split, new rating bands, an indicator
 * that did not exist, a weight) the comparison says so, from the rules models
 * themselves (rules-diff.ts), never from a list of years kept here.
 * Years given only in part (some tools) are compared for what they hold.
 */
import { type Label, type RulesModel, questionsOf } from "../dsl/runtime.js";
import type { CompiledRules } from "./compile.js";
import type { ScoreProblem } from "./errors.js";
import type { Evaluation, IndicatorResult, ScoreRow, ToolResult } from "./evaluate.js";
import { evaluateRows } from "./rows.js";
import { figure, type Figure } from "./publish.js";
import type { RatingOutcome } from "./rating.js";
import { diffRules, type RulesChange } from "./rules-diff.js";

/** One year's scores and the rules that year was assessed by. */
export interface YearScores {
  readonly rules: CompiledRules;
  readonly rows: readonly ScoreRow[];
  /** Where the scores came from ("history.xlsx!2566", a URL): shown beside the year. */
  readonly source?: string;
}

export type YearStatus = "complete" | "partial" | "failed";

export interface HistoryYear {
  readonly year: number;
  readonly rules: Evaluation["rules"];
  /** complete: every figure; partial: some tools or indicators not given; failed: scores with errors. */
  readonly status: YearStatus;
  readonly indicators: readonly IndicatorResult[];
  readonly tools: readonly ToolResult[];
  readonly total: Figure | null;
  readonly rating: RatingOutcome | null;
  /** For a partial year, what its total and rating still need. */
  readonly needs?: Label;
  /** For a failed year, why nothing was computed. */
  readonly problems: readonly ScoreProblem[];
  readonly source?: string;
}

/** A criteria change between two consecutive years of the comparison. */
export interface CriteriaNote extends RulesChange {
  readonly from: number;
  readonly to: number;
}

export interface HistoryCell {
  /** The year's figure, or null when the year does not have it (no such indicator or tool, or not given). */
  readonly value: Figure | null;
  /**
   * This year minus the year before it in the comparison, computed on the unrounded
   * figures and published the way this year's rules publish the level; null for the
   * first year or when either year lacks the figure.
   */
  readonly change: Figure | null;
}

export interface HistoryRow {
  readonly kind: "indicator" | "tool" | "total";
  /** "6", "EIT1", "total". */
  readonly id: string;
  /** As the latest year that has it names it. */
  readonly label: Label;
  /** One per year, oldest first (the order of `History.years`). */
  readonly cells: readonly HistoryCell[];
  /** Criteria changes that concern this row. */
  readonly notes: readonly CriteriaNote[];
}

/** up: a better band than the year before; bands-changed: the two years' bands cannot be compared. */
export type RatingMove = "up" | "down" | "same" | "bands-changed";

export interface RatingHistory {
  readonly cells: readonly { readonly label: Label | null; readonly move: RatingMove | null }[];
  readonly notes: readonly CriteriaNote[];
}

export interface History {
  /** Oldest first. */
  readonly years: readonly HistoryYear[];
  readonly indicators: readonly HistoryRow[];
  readonly tools: readonly HistoryRow[];
  readonly total: HistoryRow;
  readonly rating: RatingHistory;
  /** Every criteria change that bears on the comparison, per pair of consecutive years. */
  readonly criteria: readonly CriteriaNote[];
}

function evaluateYear(y: YearScores): HistoryYear {
  const outcome = evaluateRows(y.rules, y.rows);
  const m = y.rules.model;
  const rules = { name: m.name, year: m.year, decimals: m.decimals, pass: m.pass };
  const base = { year: m.year, rules, source: y.source };
  if (outcome.ok) {
    const e = outcome.evaluation;
    return { ...base, status: "complete", ...pick(e), problems: [] };
  }
  if (outcome.partial) {
    const p = outcome.partial;
    return { ...base, status: "partial", ...pick(p), needs: p.needs, problems: [] };
  }
  return {
    ...base,
    status: "failed",
    indicators: [],
    tools: [],
    total: null,
    rating: null,
    problems: outcome.problems.filter((p) => p.severity === "error"),
  };
}

function pick(e: {
  indicators: readonly IndicatorResult[];
  tools: readonly ToolResult[];
  total: Figure | null;
  rating: RatingOutcome | null;
}): Pick<HistoryYear, "indicators" | "tools" | "total" | "rating"> {
  return { indicators: e.indicators, tools: e.tools, total: e.total, rating: e.rating };
}

/**
 * Ids in an order that reads across years: the earliest year's order, and an id new in
 * a later year placed just before the next id that year shares with earlier ones
 * (IIT, EIT, EIT1, EIT2, OIT).
 */
function mergeOrder(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) {
    list.forEach((id, k) => {
      if (out.includes(id)) return;
      const anchor = list.slice(k + 1).find((x) => out.includes(x));
      out.splice(anchor === undefined ? out.length : out.indexOf(anchor), 0, id);
    });
  }
  return out;
}

/** Ratings as a single sentence when a whole band table was replaced; else the diff's own lines. */
function ratingNotes(changes: readonly RulesChange[], a: RulesModel, b: RulesModel): RulesChange[] {
  const rating = changes.filter((c) => c.section === "rating");
  const removed = rating.filter((c) => c.kind === "removed").length;
  const added = rating.filter((c) => c.kind === "added").length;
  if (removed === a.rating.rows.length && added === b.rating.rows.length && removed > 0) {
    const before = a.rating.rows.map((r) => r.label.th).join(", ");
    const after = b.rating.rows.map((r) => r.label.th).join(", ");
    const afterEn = b.rating.rows.map((r) => r.label.en || r.label.th).join(", ");
    const beforeEn = a.rating.rows.map((r) => r.label.en || r.label.th).join(", ");
    return [
      {
        section: "rating",
        kind: "changed",
        subject: "",
        th: `ระดับผลการประเมินเปลี่ยนทั้งชุด: ${before} → ${after}`,
        en: `the rating bands were replaced: ${beforeEn} → ${afterEn}`,
      },
    ];
  }
  return rating;
}

/** Question changes counted per indicator: one line for each indicator whose questions changed. */
function questionNotes(changes: readonly RulesChange[], a: RulesModel, b: RulesModel): RulesChange[] {
  const home = new Map<string, string>();
  for (const m of [a, b]) for (const ind of m.indicators) for (const q of questionsOf(ind)) home.set(q.id, ind.id);
  const byIndicator = new Map<string, string[]>();
  for (const c of changes) {
    if (c.section !== "questions" || c.subject.includes(",")) continue; // the guidance summary line
    if (c.th.startsWith("แนวทาง")) continue;
    const ind = home.get(c.subject);
    if (!ind) continue;
    const ids = byIndicator.get(ind) ?? [];
    if (!ids.includes(c.subject)) ids.push(c.subject);
    byIndicator.set(ind, ids);
  }
  return [...byIndicator].map(([ind, ids]) => ({
    section: "indicators" as const,
    kind: "changed" as const,
    subject: ind,
    th: `ตัวชี้วัดที่ ${ind}: ข้อคำถามเปลี่ยน ${ids.length} ข้อ (${ids.join(", ")})`,
    en: `indicator ${ind}: ${ids.length} question(s) changed (${ids.join(", ")})`,
  }));
}

/**
 * The changes between two years' rules that bear on comparing their results: tools and
 * weights, indicators, their questions (counted per indicator), rating bands and the
 * pass mark and rounding. Wording of guidance and improvement-plan templates does not
 * change a score and is left out.
 */
function criteriaChanges(a: RulesModel, b: RulesModel): CriteriaNote[] {
  const diff = diffRules(a, b).changes;
  const kept: RulesChange[] = [
    ...diff.filter((c) => c.section === "tools"),
    ...diff.filter((c) => c.section === "indicators" && !c.th.startsWith("แม่แบบแผนพัฒนา")),
    ...questionNotes(diff, a, b),
    ...ratingNotes(diff, a, b),
    ...diff.filter((c) => c.section === "scoring"),
  ];
  return kept.map((c) => ({ ...c, from: a.year, to: b.year }));
}

function changeOf(model: RulesModel, level: "indicator" | "tool" | "total", now: Figure | null, before: Figure | null) {
  if (!now || !before) return null;
  return figure(model, level, now.exact - before.exact);
}

/**
 * Compare an agency's years. Years are put oldest first; each is evaluated with its
 * own rules. A year whose scores have errors stays in the comparison as "failed"
 * (its problems kept) so the reader sees it was given and why it shows nothing.
 */
export function compareYears(inputs: readonly YearScores[]): History {
  const sorted = [...inputs].sort((x, y) => x.rules.model.year - y.rules.model.year);
  const years = sorted.map(evaluateYear);
  const models = sorted.map((y) => y.rules.model);
  const criteria: CriteriaNote[] = [];
  for (let i = 1; i < models.length; i++) criteria.push(...criteriaChanges(models[i - 1]!, models[i]!));

  const latestLabel = <T extends { id: string; label: Label }>(id: string, pick: (m: RulesModel) => readonly T[]) => {
    for (let i = models.length - 1; i >= 0; i--) {
      const hit = pick(models[i]!).find((x) => x.id === id);
      if (hit) return hit.label;
    }
    return { th: id, en: id };
  };
  const row = (
    kind: HistoryRow["kind"],
    id: string,
    label: Label,
    valueOf: (y: HistoryYear) => Figure | null,
    notes: readonly CriteriaNote[],
  ): HistoryRow => {
    const values = years.map(valueOf);
    const level = kind;
    return {
      kind,
      id,
      label,
      cells: values.map((value, i) => ({
        value,
        change: i === 0 ? null : changeOf(models[i]!, level, value, values[i - 1]!),
      })),
      notes,
    };
  };

  const indicatorIds = mergeOrder(models.map((m) => m.indicators.map((i) => i.id)));
  const indicators = indicatorIds.map((id) =>
    row(
      "indicator",
      id,
      latestLabel(id, (m) => m.indicators),
      (y) => y.indicators.find((i) => i.id === id)?.value ?? null,
      criteria.filter((c) => c.section === "indicators" && c.subject === id),
    ),
  );
  const toolIds = mergeOrder(models.map((m) => m.tools.map((t) => t.id)));
  const tools = toolIds.map((id) =>
    row(
      "tool",
      id,
      latestLabel(id, (m) => m.tools),
      (y) => y.tools.find((t) => t.id === id)?.value ?? null,
      criteria.filter((c) => c.section === "tools" && c.subject === id),
    ),
  );
  const total = row(
    "total",
    "total",
    { th: "คะแนนรวม", en: "Total" },
    (y) => y.total,
    // Every change of tools or weights moves the total; a renamed tool does not.
    criteria.filter((c) => c.section === "tools" && !c.en.includes("renamed")),
  );
  const ratingNotesAll = criteria.filter((c) => c.section === "rating");
  const rating: RatingHistory = {
    cells: years.map((y, i) => {
      const label = y.rating?.label ?? null;
      if (i === 0 || !y.rating) return { label, move: null };
      const before = years[i - 1]!.rating;
      if (!before) return { label, move: null };
      const changed = ratingNotesAll.some((c) => c.to === y.year);
      if (changed) return { label, move: "bands-changed" };
      const move: RatingMove = y.rating.row < before.row ? "up" : y.rating.row > before.row ? "down" : "same";
      return { label, move };
    }),
    notes: ratingNotesAll,
  };
  return { years, indicators, tools, total, rating, criteria };
}
