/**
 * Which rules a function uses: a bundled year ("2568", 2568, "๒๕๖๘") or the name of
 * rules saved in the workbook, which the task pane registers here. Bundled years
 * win: a workbook cannot shadow an official year, and registering one is refused.
 * Compilation is cached per rules text by the engine, so a recalculation parses nothing.
 *
 * This module's state is shared by the functions and the task pane because the
 * shared runtime loads one page with one webpack runtime (`runtimeChunk: "single"`).
 */
import { bundledText, isBlank, latestYear, loadRulesText, normaliseKey, type CompiledRules } from "../engine/index.js";
import { excelError } from "./excel-errors.js";

interface Saved {
  readonly name: string;
  readonly text: string;
}

const workbookRules = new Map<string, Saved>();
/** Names asked for that were not known at the time (the pane recalculates once they load). */
const unresolved = new Set<string>();

/** Register (or replace) rules saved in the workbook under a name. */
export function registerWorkbookRules(name: string, text: string): void {
  const shown = String(name).trim();
  if (!shown) throw new Error("ชื่อเกณฑ์ว่าง / rules name is empty");
  if (bundledText(shown) !== undefined) {
    throw new Error(`"${shown}" เป็นปีของเกณฑ์ที่ติดมากับโปรแกรม ใช้ชื่ออื่น / "${shown}" is a bundled year; choose another name`);
  }
  workbookRules.set(normaliseKey(shown), { name: shown, text });
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
export function resolveRules(arg: unknown): CompiledRules {
  const name = rulesName(arg);
  const text = bundledText(name) ?? workbookRules.get(normaliseKey(name))?.text;
  if (text === undefined) {
    unresolved.add(normaliseKey(name));
    throw excelError("notAvailable", `ไม่พบเกณฑ์ ${name}`, `unknown rules ${name}`);
  }
  const loaded = loadRulesText(text);
  if (!loaded.ok) {
    const d = loaded.diagnostics.find((x) => x.severity === "error") ?? loaded.diagnostics[0];
    const at = d ? ` บรรทัด ${d.line}: ${d.th}` : "";
    const atEn = d ? ` line ${d.line}: ${d.en}` : "";
    throw excelError("invalidValue", `เกณฑ์ ${name} มีข้อผิดพลาด${at}`, `rules ${name} have errors${atEn}`);
  }
  return loaded.compiled;
}
