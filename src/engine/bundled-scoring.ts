/**
 * The bundled years as precompiled scoring models (src/rules/scoring.ts, generated
 * by `npm run bundle-rules` from rules/*.ita): what the custom functions evaluate
 * with. Nothing here parses or holds the rules texts, so the functions' start-up
 * carries neither Chevrotain nor question texts, guidance and plans, and the first
 * recalculation for a bundled year only compiles slots (once per year).
 */
import type { ScoringModel } from "../dsl/runtime.js";
import { SCORING_MODELS } from "../rules/scoring.js";
import { compile, type CompiledRules } from "./compile.js";
import { arabicDigits } from "./values.js";

const compiled = new Map<string, CompiledRules<ScoringModel>>();

export function bundledYears(): string[] {
  return Object.keys(SCORING_MODELS).sort();
}

export function latestYear(): string {
  return bundledYears().at(-1)!;
}

/** The bundled year a name means ("2568", "๒๕๖๘", " 2568 " or the number 2568), if it is one. */
export function bundledYear(name: string | number): string | undefined {
  const key = arabicDigits(String(name)).trim();
  return Object.hasOwn(SCORING_MODELS, key) ? key : undefined;
}

/** A bundled year compiled for scoring (no texts), or undefined when the name is not a bundled year. */
export function bundledScoring(name: string | number): CompiledRules<ScoringModel> | undefined {
  const year = bundledYear(name);
  if (year === undefined) return undefined;
  let hit = compiled.get(year);
  if (!hit) {
    hit = compile(SCORING_MODELS[year]!);
    compiled.set(year, hit);
  }
  return hit;
}
