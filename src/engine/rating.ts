/**
 * Rating and its explanation: the first row of the rules' rating table whose
 * conditions hold on the published figures, and what keeps the agency from the
 * row above it (which tools and indicators, by how many points). Rows are read as
 * best first, the way NACC prints them.
 */
import { conditionHolds, fromUnits, type Label, type ScoringModel, toUnits, unitsToText } from "../dsl/runtime.js";
import type { Figure, IndicatorResult, ToolPartResult, ToolResult } from "./evaluate.js";

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

/** The label of rating row `row` (-1: no row held, which the checker should have prevented). */
export function ratingLabel(model: Pick<ScoringModel, "rating">, row: number): Label {
  return row < 0 ? NO_RATING : model.rating.rows[row]!.label;
}

/**
 * A shortfall whose sentence is built when it is read (`th`, `en`), from the figures
 * it holds: most evaluations (a province's agencies, ITA.TOTAL) never show it, and
 * formatting the numbers of every sentence was most of an evaluation's time.
 * `toJSON` gives the same plain object with the sentences.
 */
class LazyShortfall implements Shortfall {
  readonly subject: Shortfall["subject"];
  readonly id: string;
  readonly tool?: string;
  readonly current: number;
  readonly target: number;
  readonly gap: number;
  /** Current score and target, in units of the published precision. */
  readonly #units: number;
  readonly #lo: number;
  readonly #decimals: number;
  /** The indicator's label (indicators only). */
  readonly #label: Label | null;

  constructor(
    subject: Shortfall["subject"],
    id: string,
    tool: string | undefined,
    current: number,
    units: number,
    lo: number,
    decimals: number,
    label: Label | null,
  ) {
    this.subject = subject;
    this.id = id;
    if (tool !== undefined) this.tool = tool;
    this.current = current;
    this.target = fromUnits(lo, decimals);
    this.gap = fromUnits(lo - units, decimals);
    this.#units = units;
    this.#lo = lo;
    this.#decimals = decimals;
    this.#label = label;
  }

  get th(): string {
    const d = this.#decimals;
    const now = unitsToText(this.#units, d);
    const lo = unitsToText(this.#lo, d);
    const gap = unitsToText(this.#lo - this.#units, d);
    if (this.subject === "total") return `คะแนนรวมได้ ${now} ต้องได้อย่างน้อย ${lo} (ขาด ${gap})`;
    if (this.subject === "tool") return `แบบวัด ${this.id} ได้ ${now} ต้องได้อย่างน้อย ${lo} (ขาด ${gap})`;
    return `ตัวชี้วัดที่ ${this.id} ${this.#label!.th} (${this.tool!}) ได้ ${now} ต่ำกว่า ${lo} อยู่ ${gap}`;
  }

  get en(): string {
    const d = this.#decimals;
    const now = unitsToText(this.#units, d);
    const lo = unitsToText(this.#lo, d);
    const gap = unitsToText(this.#lo - this.#units, d);
    if (this.subject === "total") return `the total is ${now}, needs at least ${lo} (${gap} short)`;
    if (this.subject === "tool") return `tool ${this.id} scored ${now}, needs at least ${lo} (${gap} short)`;
    const label = this.#label!;
    return `indicator ${this.id} ${label.en || label.th} (${this.tool!}) scored ${now}, ${gap} below ${lo}`;
  }

  toJSON(): Shortfall {
    const { subject, id, tool, current, target, gap, th, en } = this;
    return tool === undefined
      ? { subject, id, current, target, gap, th, en }
      : { subject, id, tool, current, target, gap, th, en };
  }
}

/**
 * What rating looks up in the rules, once per rules: the tools' ids in the rules'
 * order, and for each tool the indicators measuring it, each with its part's place
 * among the indicator's parts (the result tree lists an indicator's parts in the
 * rules' tool order).
 */
interface RatingLayout {
  readonly toolIds: readonly string[];
  /** Per tool: (indicator position, part position) pairs, flat, in the rules' indicator order. */
  readonly toolParts: readonly Int32Array[];
}

const layouts = new WeakMap<Pick<ScoringModel, "tools" | "indicators">, RatingLayout>();

function layoutOf(model: Pick<ScoringModel, "tools" | "indicators">): RatingLayout {
  let layout = layouts.get(model);
  if (!layout) {
    const toolIds = model.tools.map((t) => t.id);
    const toolParts = toolIds.map((id) => {
      const pairs: number[] = [];
      model.indicators.forEach((ind, i) => {
        // The part's place: how many of the rules' tools before this one measure the indicator.
        const measuring = toolIds.filter((t) => ind.tools.includes(t));
        const k = measuring.indexOf(id);
        if (k >= 0) pairs.push(i, k);
      });
      return Int32Array.from(pairs);
    });
    layout = { toolIds, toolParts };
    layouts.set(model, layout);
  }
  return layout;
}

/** `ind`'s part measured by `tool`, looked for at `k` first (where the result tree puts it). */
function partOf(ind: IndicatorResult, tool: string, k: number): ToolPartResult | undefined {
  const at = ind.parts[k];
  if (at !== undefined && at.tool === tool) return at;
  for (const p of ind.parts) if (p.tool === tool) return p;
  return undefined;
}

/**
 * Tool `t`'s shortfall, then each of its indicators below the bound, in the rules'
 * order. `places` (the layout's pairs) when `indicators` are every indicator of the
 * rules in their order and the tools the rules' tools; otherwise every indicator is
 * looked through.
 */
function toolShortfalls(
  out: Shortfall[],
  tools: readonly ToolResult[],
  toolUnits: readonly number[],
  t: number,
  lo: number,
  d: number,
  indicators: readonly IndicatorResult[],
  places: readonly Int32Array[] | null,
): void {
  const tool = tools[t]!;
  out.push(new LazyShortfall("tool", tool.id, undefined, tool.value.published, toolUnits[t]!, lo, d, null));
  const mine = places ? places[t]! : null;
  const n = mine ? mine.length >> 1 : indicators.length;
  for (let j = 0; j < n; j++) {
    const ind = indicators[mine ? mine[2 * j]! : j]!;
    const part = partOf(ind, tool.id, mine ? mine[2 * j + 1]! : 0);
    if (!part) continue;
    const u = toUnits(part.value.published, d);
    if (u >= lo) continue;
    out.push(new LazyShortfall("indicator", ind.id, tool.id, part.value.published, u, lo, d, ind.label));
  }
}

/** The first row whose conditions all hold, or -1. */
function matchingRow(
  rows: ScoringModel["rating"]["rows"],
  totalUnits: number,
  toolUnits: readonly number[],
  toolIds: readonly string[],
): number {
  for (let r = 0; r < rows.length; r++) {
    let ok = true;
    for (const c of rows[r]!.conditions) {
      if (!conditionHolds(c, totalUnits, toolUnits, toolIds)) {
        ok = false;
        break;
      }
    }
    if (ok) return r;
  }
  return -1;
}

/** Whether `indicators` are the rules' indicators, every one, in the rules' order. */
function everyIndicator(model: Pick<ScoringModel, "indicators">, indicators: readonly IndicatorResult[]): boolean {
  if (indicators.length !== model.indicators.length) return false;
  for (let i = 0; i < indicators.length; i++) if (indicators[i]!.id !== model.indicators[i]!.id) return false;
  return true;
}

export function rate(
  model: ScoringModel,
  total: Figure,
  tools: readonly ToolResult[],
  indicators: readonly IndicatorResult[],
): RatingOutcome {
  const d = model.decimals;
  const layout = layoutOf(model);
  const totalUnits = toUnits(total.published, d);
  const n = tools.length;
  const toolUnits = new Array<number>(n);
  // The rules' own list of ids when the tools are the rules' tools in order (the result tree's), else theirs.
  let toolIds: readonly string[] = layout.toolIds;
  let ruleTools = n === toolIds.length;
  for (let t = 0; t < n; t++) {
    toolUnits[t] = toUnits(tools[t]!.value.published, d);
    if (ruleTools && tools[t]!.id !== toolIds[t]) ruleTools = false;
  }
  if (!ruleTools) toolIds = tools.map((t) => t.id);
  const rows = model.rating.rows;
  const row = matchingRow(rows, totalUnits, toolUnits, toolIds);
  if (row <= 0) return { row, label: ratingLabel(model, row), nextUp: null };

  const up = rows[row - 1]!;
  const shortfalls: Shortfall[] = [];
  // No closure here: a function made per rating costs more than the loops it would save.
  const places = ruleTools && everyIndicator(model, indicators) ? layout.toolParts : null;
  for (const c of up.conditions) {
    if (conditionHolds(c, totalUnits, toolUnits, toolIds)) continue;
    if (c.subject === "total" && totalUnits < c.lo) {
      shortfalls.push(new LazyShortfall("total", "total", undefined, total.published, totalUnits, c.lo, d, null));
    } else if (c.subject === "every") {
      for (let t = 0; t < n; t++)
        if (toolUnits[t]! < c.lo) toolShortfalls(shortfalls, tools, toolUnits, t, c.lo, d, indicators, places);
    } else if (c.subject === "tool") {
      const t = toolIds.indexOf(c.tool ?? "");
      if (t >= 0 && toolUnits[t]! < c.lo) toolShortfalls(shortfalls, tools, toolUnits, t, c.lo, d, indicators, places);
    } else if (c.subject === "any") {
      // The cheapest way up: the tool nearest the bound.
      let best = -1;
      for (let t = 0; t < n; t++) {
        const u = toolUnits[t]!;
        if (u < c.lo && (best < 0 || u > toolUnits[best]!)) best = t;
      }
      if (best >= 0) toolShortfalls(shortfalls, tools, toolUnits, best, c.lo, d, indicators, places);
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
