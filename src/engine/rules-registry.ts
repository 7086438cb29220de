/**
 * Compiling rules text: a bundled year's (bundled-text.ts) or one the caller supplies
 * (a file, or rules saved in a workbook). Compiled rules are cached per rules text,
 * so recalculating a sheet never parses twice (the same compiled object comes back
 * for the same text, which is how tests hold that promise). The parser is for the CLI, the task pane and the editor; the
 * custom functions score bundled years from their precompiled models
 * (bundled-scoring.ts) and load this module only for rules saved in a workbook.
 */
import { parseRules } from "../dsl/index.js";
import type { Diagnostic } from "../dsl/runtime.js";
import { bundledText } from "./bundled-text.js";
import { compile, type CompiledRules } from "./compile.js";

export type LoadedRules =
  | { readonly ok: true; readonly compiled: CompiledRules; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const cache = new Map<string, LoadedRules>();

export function loadRulesText(text: string): LoadedRules {
  const hit = cache.get(text);
  if (hit) return hit;
  const r = parseRules(text);
  const loaded: LoadedRules = r.model
    ? { ok: true, compiled: compile(r.model), diagnostics: r.diagnostics }
    : { ok: false, diagnostics: r.diagnostics };
  if (cache.size > 32) cache.clear();
  cache.set(text, loaded);
  return loaded;
}

/** A bundled year's compiled rules (parsed once, then cached), or undefined when that year is not bundled. */
export function bundledRules(year: string | number): CompiledRules | undefined {
  const text = bundledText(year);
  const loaded = text === undefined ? undefined : loadRulesText(text);
  return loaded?.ok ? loaded.compiled : undefined;
}
