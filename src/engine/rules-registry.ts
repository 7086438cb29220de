/**
 * Finding and compiling rules by name: a bundled year ("2568"), or rules text the
 * caller supplies (a file, or rules saved in a workbook). Compiled rules are cached
 * per rules text, so recalculating a sheet never parses twice; `stats` counts
 * parses so tests can hold that promise. The texts and the parser are for the CLI,
 * the task pane and the editor; the custom functions score bundled years from
 * their precompiled models (bundled-scoring.ts) and never load this module.
 */
import { parseRules, type Diagnostic } from "../dsl/index.js";
import { BUNDLED_RULES } from "../rules/bundled.js";
import { compile, type CompiledRules } from "./compile.js";
import { bundledYear } from "./bundled-scoring.js";

export type LoadedRules =
  | { readonly ok: true; readonly compiled: CompiledRules; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const cache = new Map<string, LoadedRules>();
export const stats = { parses: 0 };

/** The text of a bundled year, accepting "2568", "๒๕๖๘", " 2568 " or the number 2568. */
export function bundledText(name: string | number): string | undefined {
  const year = bundledYear(name);
  return year === undefined ? undefined : BUNDLED_RULES[year];
}

export function loadRulesText(text: string): LoadedRules {
  const hit = cache.get(text);
  if (hit) return hit;
  stats.parses++;
  const r = parseRules(text);
  const loaded: LoadedRules = r.model
    ? { ok: true, compiled: compile(r.model), diagnostics: r.diagnostics }
    : { ok: false, diagnostics: r.diagnostics };
  if (cache.size > 32) cache.clear();
  cache.set(text, loaded);
  return loaded;
}
