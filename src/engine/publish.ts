/**
 * Published figures and the pass mark: a value at a level is rounded only where the
 * rules publish that level, and an indicator meets the criterion when its figure,
 * at the published precision, reaches the rules' threshold. The evaluator, the
 * audit and the custom functions all decide these here.
 */
import { type Level, type ScoringModel, roundHalfUp, toUnits } from "../dsl/runtime.js";

export interface Figure {
  /** As computed, unrounded. */
  readonly exact: number;
  /** As published: rounded half-up where the rules publish this level, else the exact value. */
  readonly published: number;
}

export function figure(model: Pick<ScoringModel, "publish" | "decimals">, level: Level, exact: number): Figure {
  return { exact, published: model.publish.includes(level) ? roundHalfUp(exact, model.decimals) : exact };
}

/** Whether a published score meets the pass mark (ผ่านเกณฑ์); `null` when the rules have no pass mark. */
export function passes(rules: Pick<ScoringModel, "pass" | "decimals">, score: number): boolean | null {
  if (!rules.pass) return null;
  return toUnits(score, rules.decimals) >= toUnits(rules.pass.threshold, rules.decimals);
}
