/**
 * The rules the wizard can use: the bundled years, and rules saved in this workbook
 * (read through the rules store, src/workbook/rules-store.ts). In two stages, so the
 * pane's first screen needs neither the parser nor the rules texts: `listedChoices`
 * names them at once (a bundled year with its precompiled scoring model, which is
 * enough for the Criteria step's summary), and `checkedChoices` loads the parser and
 * the texts (rules-check.ts, its own chunk) and compiles each, with its problems and
 * warnings. Saved rules are registered with the custom functions as they are read, so
 * `=ITA.*(…, "name")` formulas the wizard writes resolve. Also: the rating bands in
 * words (dsl/describe.ts) and the rules' provenance.
 */
import {
  describeBand,
  type Diagnostic,
  type ProvisionalKind,
  type RulesModel,
  type ScoringModel,
} from "../dsl/runtime.js";
import { bundledScoring, bundledYears, type CompiledRules } from "../engine/scoring.js";
import type { WorkbookPort } from "../workbook/port.js";
import { nameProblem, RulesStore } from "../workbook/rules-store.js";

export interface RulesChoice {
  readonly name: string;
  readonly source: "bundled" | "workbook";
  /** The rules compiled with their texts, once checked. */
  readonly compiled?: CompiledRules;
  /** Not checked yet: the parser and the rules texts are still loading. */
  readonly pending?: boolean;
  /** Before the check, a bundled year's scoring model (no texts): what the Criteria step can show meanwhile. */
  readonly scoring?: ScoringModel;
  /** Why the rules cannot be used (text with errors, a name that shadows a bundled year). */
  readonly problem?: { readonly th: string; readonly en: string };
  /** What the rules checker warns about in usable rules (shown before any result). */
  readonly warnings?: readonly Diagnostic[];
}

/** The rules on offer before any is checked: names, and the bundled years' scoring models. */
export async function listedChoices(port: WorkbookPort): Promise<RulesChoice[]> {
  const bundled = bundledYears()
    .reverse()
    .map((year): RulesChoice => ({
      name: year,
      source: "bundled",
      pending: true,
      scoring: bundledScoring(year)!.model,
    }));
  const saved = (await new RulesStore(port).savedNames()).map((name): RulesChoice => {
    const problem = nameProblem(name);
    return problem ? { name, source: "workbook", problem } : { name, source: "workbook", pending: true };
  });
  return [...bundled, ...saved];
}

/** Every choice parsed and compiled (loads the parser and the rules texts the first time). */
export async function checkedChoices(port: WorkbookPort): Promise<RulesChoice[]> {
  const check = await import(/* webpackChunkName: "rules-check" */ "./rules-check.js");
  return [...check.bundledChoices(), ...(await check.workbookChoices(port))];
}

type T = (th: string, en: string) => string;

const PART: Record<ProvisionalKind, [string, string]> = {
  assessment: ["เกณฑ์ทั้งปี", "the year's criteria"],
  rounding: ["การปัดเศษ", "rounding"],
  pass: ["เกณฑ์ผ่าน", "the pass mark"],
  scale: ["มาตรวัด", "scale"],
  tool: ["แบบวัด", "tool"],
  total: ["คะแนนรวม", "the total"],
  indicator: ["ตัวชี้วัด", "indicator"],
  subindicator: ["ตัวชี้วัดย่อย", "sub-indicator"],
  rating: ["ระดับผลการประเมิน", "the rating table"],
};

export interface Provenance {
  /** The file's `note` statements, then its `source` statements, in the chosen language. */
  readonly notes: readonly string[];
  readonly sources: readonly string[];
  /** Each part marked `provisional`: what it is and why it is not confirmed. */
  readonly provisional: readonly { readonly what: string; readonly why: string }[];
}

/** What the rules file says about where its criteria come from, for "ที่มา / sources" and "ยังไม่ยืนยัน / provisional". */
export function provenanceOf(model: RulesModel, t: T): Provenance {
  const say = (l: { th: string; en: string }): string => t(l.th, l.en || l.th);
  const notes = model.notes ?? [];
  return {
    notes: notes.filter((n) => n.kind === "note").map((n) => say(n.text)),
    sources: notes.filter((n) => n.kind === "source").map((n) => say(n.text)),
    provisional: (model.provisional ?? []).map((p) => {
      const [th, en] = PART[p.part];
      return { what: t(`${th}${p.id ? ` ${p.id}` : ""}`, `${en}${p.id ? ` ${p.id}` : ""}`), why: say(p.reason) };
    }),
  };
}

/** Whether a tool's weight is marked provisional in the rules. */
export function isProvisionalTool(model: RulesModel, tool: string): boolean {
  return (model.provisional ?? []).some((p) => p.part === "tool" && p.id === tool);
}

export function ratingRows(model: ScoringModel, t: T): { label: string; when: string }[] {
  return model.rating.rows.map((r) => {
    const when = describeBand(r);
    return { label: t(r.label.th, r.label.en || r.label.th), when: t(when.th, when.en) };
  });
}
