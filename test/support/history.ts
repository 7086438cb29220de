/**
 * Earlier years of the seed agency for history tests: 2566 and 2567 at indicator
 * level (illustrative figures, not published ones), and 2568 as published.
 */
import {
  bundledText,
  compareYears,
  loadRulesText,
  type CompiledRules,
  type History,
  type ScoreRow,
} from "../../src/engine/index.js";
import { seedRows } from "./seed.js";

export function rulesOf(year: string): CompiledRules {
  const l = loadRulesText(bundledText(year)!);
  if (!l.ok) throw new Error(year);
  return l.compiled;
}

/** Indicator-level rows for the years with one EIT tool (2562–2567). */
export function oneEit(scores: readonly number[]): ScoreRow[] {
  const tool = (i: number): string => (i < 5 ? "IIT" : i < 8 ? "EIT" : "OIT");
  return scores.map((s, i) => ({ tool: tool(i), question: String(i + 1), score: s }));
}

// 2566: IIT 94.00, EIT 85.00, OIT 80.00 → total 85.70, OIT under 85: ผ่าน (not ผ่านดี).
export const Y2566 = oneEit([90, 92, 94, 96, 98, 80, 85, 90, 70, 90]);
// 2567: IIT 95, EIT 90, OIT 90 → 91.50, ผ่านดี.
export const Y2567 = oneEit([95, 95, 95, 95, 95, 90, 90, 90, 85, 95]);

export function threeYears(): History {
  return compareYears([
    { rules: rulesOf("2568"), rows: seedRows() },
    { rules: rulesOf("2566"), rows: Y2566 },
    { rules: rulesOf("2567"), rows: Y2567, source: "illustrative" },
  ]);
}
