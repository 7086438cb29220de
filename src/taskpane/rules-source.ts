/**
 * The rules the wizard can use: the bundled years, and rules saved in this
 * workbook (read through the rules store, src/workbook/rules-store.ts). Saved rules
 * are registered with the custom functions as they are read, so `=ITA.*(…, "name")`
 * formulas the wizard writes resolve. Also: the rating bands in words (dsl/describe.ts).
 */
import { describeBand, type Diagnostic, type ProvisionalKind, type RulesModel } from "../dsl/runtime.js";
import { bundledText, bundledYears, loadRulesText, type CompiledRules } from "../engine/index.js";
import type { WorkbookPort } from "../workbook/port.js";
import { RulesStore } from "../workbook/rules-store.js";

export interface RulesChoice {
  readonly name: string;
  readonly source: "bundled" | "workbook";
  readonly compiled?: CompiledRules;
  /** Why the rules cannot be used (text with errors, a name that shadows a bundled year). */
  readonly problem?: { readonly th: string; readonly en: string };
  /** What the rules checker warns about in usable rules (shown before any result). */
  readonly warnings?: readonly Diagnostic[];
}

function compiledOrProblem(text: string): Pick<RulesChoice, "compiled" | "problem" | "warnings"> {
  const loaded = loadRulesText(text);
  if (loaded.ok) {
    const warnings = loaded.diagnostics.filter((d) => d.severity === "warning");
    return warnings.length ? { compiled: loaded.compiled, warnings } : { compiled: loaded.compiled };
  }
  const d = loaded.diagnostics.find((x) => x.severity === "error") ?? loaded.diagnostics[0];
  return {
    problem: d
      ? { th: `บรรทัด ${d.line} คอลัมน์ ${d.column}: ${d.th}`, en: `line ${d.line}, column ${d.column}: ${d.en}` }
      : { th: "เกณฑ์มีข้อผิดพลาด", en: "the rules have errors" },
  };
}

export function bundledChoices(): RulesChoice[] {
  return bundledYears()
    .reverse()
    .map((year) => ({ name: year, source: "bundled" as const, ...compiledOrProblem(bundledText(year)!) }));
}

/** Rules saved in the workbook, registered with the functions as they are read. */
export async function workbookChoices(port: WorkbookPort): Promise<RulesChoice[]> {
  return (await new RulesStore(port).savedRules()).map(({ name, text, problem }) =>
    problem ? { name, source: "workbook", problem } : { name, source: "workbook", ...compiledOrProblem(text) },
  );
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

export function ratingRows(model: RulesModel, t: T): { label: string; when: string }[] {
  return model.rating.rows.map((r) => {
    const when = describeBand(r);
    return { label: t(r.label.th, r.label.en || r.label.th), when: t(when.th, when.en) };
  });
}
