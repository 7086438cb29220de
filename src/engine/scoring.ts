/**
 * The scoring engine's second door, without the parser and the rules texts:
 * compile a checked model, score a table, rate, publish, the bundled years'
 * precompiled models and the indicator table's headings. The custom functions import
 * only this door, so their bundle carries neither Chevrotain nor the .ita texts;
 * code that must start light (the pane) should prefer it too. index.ts is the front
 * door and re-exports all of this. Outside src/engine, these two files are the only
 * ones imported (eslint.config.js).
 */
export { compile, type CompiledRules } from "./compile.js";
export {
  evaluate,
  evaluateRows,
  readScores,
  type Evaluation,
  type PartialEvaluation,
  type QuestionResult,
  type ScoreRow,
  type ToolResult,
} from "./evaluate.js";
export { figure, passes } from "./publish.js";
export { gapRows, rate, type Shortfall } from "./rating.js";
export { answerPosition, compileScale, findQuestion, scaleFor, scoreAnswers, meanOfCodes } from "./answers.js";
export { describeProblem, type ScoreProblem } from "./errors.js";
export { bundledScoring, bundledYear, bundledYears, latestYear } from "./bundled-scoring.js";
export { arabicDigits, excelTrim, isBlank, normaliseKey, normaliseTool, readNumber, type CellValue } from "./values.js";
export { INDICATOR_HEADINGS, indicatorColumns } from "./headings.js";
