/**
 * A small rules text with no `pass at`, as the years before 2567 are written (NACC
 * published no per-indicator pass label then), and scores for it.
 */
import { readFileSync } from "node:fs";
import { loadRulesText, type CompiledRules, type ScoreRow } from "../../src/engine/index.js";

export const NO_PASS_MARK = readFileSync("test/fixtures/mini.ita", "utf8").replace(/^pass at .*\n/m, "");

export function noPassMarkRules(): CompiledRules {
  const l = loadRulesText(NO_PASS_MARK);
  if (!l.ok) throw new Error(`rules without a pass mark do not load: ${l.diagnostics.map((d) => d.en).join("; ")}`);
  return l.compiled;
}

/** IIT 1 = mean(90, 100) = 95; OIT 9 = 60 (scores entered directly). */
export const NO_PASS_ROWS: readonly ScoreRow[] = [
  { tool: "IIT", question: "i1", score: 90 },
  { tool: "IIT", question: "i2", score: 100 },
  { tool: "OIT", question: "o1", score: 60 },
];
