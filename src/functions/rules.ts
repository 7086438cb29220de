/**
 * Which rules a function uses: a bundled year ("2568", 2568, "๒๕๖๘") or the name of
 * rules saved in the workbook, which the task pane registers here. Bundled years
 * win: a workbook cannot shadow an official year, and registering one is refused.
 *
 * Bundled years come precompiled (engine/bundled-scoring.ts), so nothing here
 * parses: the functions' bundle carries no parser and no rules texts. Workbook rules
 * arrive already compiled (or with their diagnostics) from register-rules.ts, which
 * the pane loads with the parser; a recalculation parses nothing either way.
 *
 * This module's state is shared by the functions and the task pane because the
 * shared runtime loads one page with one webpack runtime (`runtimeChunk: "single"`).
 */
import type { Diagnostic } from "../dsl/diagnostics.js";
import type { ScoringModel } from "../dsl/model.js";
import { bundledScoring, bundledYear, latestYear } from "../engine/bundled-scoring.js";
import type { CompiledRules } from "../engine/compile.js";
import { isBlank, normaliseKey } from "../engine/values.js";
import { excelError } from "./excel-errors.js";

/** Rules text checked and compiled by the caller (see register-rules.ts). */
export type CheckedRules =
  | { readonly ok: true; readonly compiled: CompiledRules<ScoringModel> }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface Saved {
  readonly name: string;
  readonly rules: CheckedRules;
}

const workbookRules = new Map<string, Saved>();
/** Names asked for that were not known at the time (the pane recalculates once they load). */
const unresolved = new Set<string>();

/** The name as it will be shown; throws (Thai and English) for an empty name or a bundled year. */
export function workbookRulesName(name: string): string {
  const shown = String(name).trim();
  if (!shown) throw new Error("ชื่อเกณฑ์ว่าง / rules name is empty");
  if (bundledYear(shown) !== undefined) {
    throw new Error(`"${shown}" เป็นปีของเกณฑ์ที่ติดมากับโปรแกรม ใช้ชื่ออื่น / "${shown}" is a bundled year; choose another name`);
  }
  return shown;
}

/** Register (or replace) checked rules saved in the workbook under a name. */
export function storeWorkbookRules(name: string, rules: CheckedRules): void {
  const shown = workbookRulesName(name);
  workbookRules.set(normaliseKey(shown), { name: shown, rules });
}

export function unregisterWorkbookRules(name: string): boolean {
  return workbookRules.delete(normaliseKey(name));
}

export function clearWorkbookRules(): void {
  workbookRules.clear();
}

export function workbookRulesNames(): string[] {
  return [...workbookRules.values()].map((s) => s.name);
}

/** True when a function asked for one of these names before it was registered. */
export function wasAskedFor(names: readonly string[]): boolean {
  return names.some((n) => unresolved.has(normaliseKey(n)));
}

/** The name the user gave, or the latest bundled year when the argument was omitted. */
export function rulesName(arg: unknown): string {
  if (Array.isArray(arg)) arg = (arg as unknown[][])[0]?.[0];
  if (isBlank(arg)) return latestYear();
  if (typeof arg === "object") throw excelError("invalidValue", "ชื่อเกณฑ์ไม่ถูกต้อง", "invalid rules name");
  return String(arg).trim();
}

/** Rules compiled for the argument, or an Excel error: #N/A unknown, #VALUE! broken text. */
export function resolveRules(arg: unknown): CompiledRules<ScoringModel> {
  const name = rulesName(arg);
  const bundled = bundledScoring(name);
  if (bundled) return bundled;
  const saved = workbookRules.get(normaliseKey(name))?.rules;
  if (saved === undefined) {
    unresolved.add(normaliseKey(name));
    throw excelError("notAvailable", `ไม่พบเกณฑ์ ${name}`, `unknown rules ${name}`);
  }
  if (!saved.ok) {
    const d = saved.diagnostics.find((x) => x.severity === "error") ?? saved.diagnostics[0];
    const at = d ? ` บรรทัด ${d.line}: ${d.th}` : "";
    const atEn = d ? ` line ${d.line}: ${d.en}` : "";
    throw excelError("invalidValue", `เกณฑ์ ${name} มีข้อผิดพลาด${at}`, `rules ${name} have errors${atEn}`);
  }
  return saved.compiled;
}
