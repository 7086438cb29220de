/**
 * The rules language's second door, without the parser: the checked model's types
 * and the helpers that read it, the one rounding place (precision), diagnostics as
 * values and text, and text positions. Code that only runs a model (the engine, the
 * custom functions' bundle, the pane at start-up) imports this door, so Chevrotain and
 * the parser never ride along. index.ts is the front door and re-exports all of this.
 * Outside src/dsl, these two files are the only ones imported (eslint.config.js).
 */
export type {
  Condition,
  Indicator,
  Label,
  Level,
  ProvisionalKind,
  Question,
  RatingRow,
  RulesModel,
  Scale,
  ScoringModel,
  ScoringQuestion,
  Tool,
} from "./model.js";
export { conditionHolds, questionsOf, scoringPart } from "./model.js";
export { boundsToUnits, formatFixed, fromUnits, roundHalfUp, toThaiDigits, toUnits, unitsToText } from "./precision.js";
export { describeBand } from "./describe.js";
export type { Diagnostic, SourceSpan } from "./diagnostics.js";
export { formatDiagnostic } from "./diagnostics.js";
export { cutGraphemes, graphemeColumn, graphemeLength } from "./text-position.js";
