/**
 * Which rules a function uses: a bundled year ("2568", 2568, "๒๕๖๘") or the name of
 * rules saved in the workbook, which the task pane registers here. Bundled years
 * win: a workbook cannot shadow an official year, and registering one is refused.
 * Bundled years come precompiled (engine/bundled-scoring.ts): nothing here imports the
 * parser or the rules texts, so the functions' bundle starts without them. Workbook
 * rules texts are compiled by the parser register-rules.ts hands over; neither the
 * functions nor the pane load it at start-up, so a function that needs one before
 * then imports it on demand (with the rules text) and shows #N/A ("loading") until
 * both are there.
 * Compilation is cached per rules text by the engine, so a recalculation parses nothing.
 *
 * This module's state is shared by the functions and the task pane because the
 * shared runtime loads one page with one webpack runtime (`runtimeChunk: "single"`).
 */
import type { Diagnostic, ScoringModel } from "../dsl/runtime.js";
import {
  bundledScoring,
  bundledYear,
  latestYear,
  type CompiledRules,
  isBlank,
  normaliseKey,
} from "../engine/scoring.js";
import { excelError } from "./excel-errors.js";

interface Saved {
  readonly name: string;
  /** Undefined until a lazily registered text has been read from the workbook. */
  text?: string;
  readonly load?: () => Promise<string | undefined>;
  loading?: Promise<void>;
}

/** Rules text checked and compiled: what the parser (handed over by the pane) gives. */
export type CheckedRules =
  | { readonly ok: true; readonly compiled: CompiledRules<ScoringModel> }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

let compileText: ((text: string) => CheckedRules) | undefined;
let parserLoading: Promise<void> | undefined;

/** Hand the rules parser to the functions (register-rules.ts does, wherever it is imported). */
export function useRulesCompiler(compile: (text: string) => CheckedRules): void {
  compileText = compile;
}

/** The parser, imported once (register-rules.ts hands it over as it loads). */
function parser(): Promise<void> {
  parserLoading ??= import(/* webpackChunkName: "rules-parser" */ "./register-rules.js").then(
    () => undefined,
    (e: unknown) => {
      parserLoading = undefined; // asked again, it tries again
      throw e;
    },
  );
  return parserLoading;
}

function loadParser(): void {
  parser().then(
    () => onLazyLoad?.(),
    () => undefined,
  );
}

const workbookRules = new Map<string, Saved>();
/** Names asked for that were not known at the time (the pane recalculates once they load). */
const unresolved = new Set<string>();
/** Called when a text a function asked for has been read, so the workbook recalculates. */
let onLazyLoad: (() => void) | undefined;

/**
 * Why a name cannot hold saved rules, or undefined when it can: the one check, with the
 * one message, for the editor, the rules store and this registry.
 */
export function nameProblem(name: string): { th: string; en: string } | undefined {
  const shown = String(name).trim();
  if (!shown) return { th: "ยังไม่ได้ตั้งชื่อเกณฑ์", en: "the rules have no name" };
  if (bundledYear(shown) !== undefined) {
    return {
      th: `"${shown}" เป็นปีของเกณฑ์ที่ติดมากับโปรแกรม ใช้ชื่ออื่น`,
      en: `"${shown}" is a bundled year; choose another name`,
    };
  }
  if (/[\r\n]/.test(shown)) return { th: "ชื่อเกณฑ์ต้องอยู่ในบรรทัดเดียว", en: "the name must be on one line" };
  return undefined;
}

function checkedName(name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new Error(`${problem.th} / ${problem.en}`);
  return String(name).trim();
}

/** Register (or replace) rules saved in the workbook under a name. */
export function registerWorkbookRules(name: string, text: string): void {
  const shown = checkedName(name);
  workbookRules.set(normaliseKey(shown), { name: shown, text });
}

/**
 * Register a name whose text is read only when a function first asks for it: start-up
 * reads the names, not 140 KB per rules set. Until the text arrives the function shows
 * #N/A ("loading"); then `onLoad` (set by the pane) recalculates.
 */
export function registerWorkbookRulesLazily(name: string, load: () => Promise<string | undefined>): void {
  const shown = checkedName(name);
  workbookRules.set(normaliseKey(shown), { name: shown, load });
}

export function onWorkbookRulesLoaded(callback: (() => void) | undefined): void {
  onLazyLoad = callback;
}

export function unregisterWorkbookRules(name: string): boolean {
  return workbookRules.delete(normaliseKey(name));
}

function startLoading(key: string, saved: Saved): void {
  if (saved.loading || !saved.load) return;
  saved.loading = saved
    .load()
    .then(async (text) => {
      if (workbookRules.get(key) !== saved) return; // replaced or removed meanwhile
      if (text === undefined) workbookRules.delete(key);
      else {
        saved.text = text;
        // The parser too, before the one recalculation: the pane no longer loads it at start-up.
        if (!compileText) await parser();
      }
      onLazyLoad?.();
    })
    .catch(() => {
      saved.loading = undefined; // asked again, it tries again
    });
}

/** True when a function asked for one of these names before it was registered. */
export function wasAskedFor(names: readonly string[]): boolean {
  return names.some((n) => unresolved.has(normaliseKey(n)));
}

/** The name the user gave, or the latest bundled year when the argument was omitted. */
function rulesName(arg: unknown): string {
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
  const saved = workbookRules.get(normaliseKey(name));
  if (saved && saved.text === undefined && saved.load) {
    startLoading(normaliseKey(name), saved);
    throw excelError("notAvailable", `กำลังโหลดเกณฑ์ ${name}`, `loading rules ${name}`);
  }
  const text = saved?.text;
  if (text === undefined) {
    unresolved.add(normaliseKey(name));
    throw excelError("notAvailable", `ไม่พบเกณฑ์ ${name}`, `unknown rules ${name}`);
  }
  if (!compileText) {
    loadParser();
    throw excelError("notAvailable", `กำลังโหลดเกณฑ์ ${name}`, `loading rules ${name}`);
  }
  const loaded = compileText(text);
  if (!loaded.ok) {
    const d = loaded.diagnostics.find((x) => x.severity === "error") ?? loaded.diagnostics[0];
    const at = d ? ` บรรทัด ${d.line}: ${d.th}` : "";
    const atEn = d ? ` line ${d.line}: ${d.en}` : "";
    throw excelError("invalidValue", `เกณฑ์ ${name} มีข้อผิดพลาด${at}`, `rules ${name} have errors${atEn}`);
  }
  return loaded.compiled;
}
