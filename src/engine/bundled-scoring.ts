/**
 * The bundled years as precompiled scoring models (src/rules/scoring.ts, generated
 * by `npm run bundle-rules` from rules/*.ita): what the custom functions evaluate
 * with. Nothing here parses or holds the rules texts, so the functions' start-up
 * carries neither Chevrotain nor question texts, guidance and plans, and the first
 * recalculation for a bundled year only copies its model and compiles slots (once per
 * year). The generated file writes parts shared between years once; each year gets
 * its own copy here, so no model shares an object with another, as when parsed.
 */
import type { ScoringModel } from "../dsl/runtime.js";
import { PACKED_SCORING_MODELS } from "../rules/scoring.js";
import { compile, type CompiledRules } from "./compile.js";
import { arabicDigits } from "./values.js";

const compiled = new Map<string, CompiledRules<ScoringModel>>();

/** A fresh copy of a JSON value (numbers, Infinity and -0 included, are copied as they are). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out;
}

/** A bundled year's checked model without texts, its own copy, or undefined when the name is not a bundled year. */
function bundledScoringModel(name: string | number): ScoringModel | undefined {
  const year = bundledYear(name);
  // The generator wrote scoringPart of the parsed model (a test checks every year equals it).
  return year === undefined ? undefined : (copy(PACKED_SCORING_MODELS[year]) as ScoringModel);
}

export function bundledYears(): string[] {
  return Object.keys(PACKED_SCORING_MODELS).sort();
}

export function latestYear(): string {
  return bundledYears().at(-1)!;
}

/** The bundled year a name means ("2568", "๒๕๖๘", " 2568 " or the number 2568), if it is one. */
export function bundledYear(name: string | number): string | undefined {
  const key = arabicDigits(String(name)).trim();
  return Object.hasOwn(PACKED_SCORING_MODELS, key) ? key : undefined;
}

/** A bundled year compiled for scoring (no texts), or undefined when the name is not a bundled year. */
export function bundledScoring(name: string | number): CompiledRules<ScoringModel> | undefined {
  const year = bundledYear(name);
  if (year === undefined) return undefined;
  let hit = compiled.get(year);
  if (!hit) {
    hit = compile(bundledScoringModel(year)!);
    compiled.set(year, hit);
  }
  return hit;
}
