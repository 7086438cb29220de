/**
 * The scoring engine's second door, without the parser and the rules texts: score
 * a table with compiled rules (the bundled years' precompiled models are here), rate,
 * publish, read cells as the engine does, the indicator table's headings, and what
 * `ita score` and `ita audit` make of a result (its summary, what each item is worth,
 * the audit of published figures), so those commands start without the parser too.
 * The custom functions import only this door, so their bundle carries neither
 * Chevrotain nor the .ita texts; code that must start light (the pane) should prefer
 * it too. index.ts is the front door and re-exports all of this. Outside src/engine,
 * these two files are the only ones imported (eslint.config.js).
 */
export type { CompiledRules } from "./compile.js";
export { evaluateRows, totalsOfRows, type Totals } from "./rows.js";
export {
  type Evaluation,
  type PartialEvaluation,
  type QuestionResult,
  type ScoreRow,
  type ToolResult,
} from "./evaluate.js";
export { figure, passes } from "./publish.js";
export { gapRows, rate, type Shortfall } from "./rating.js";
export { answerPosition, findQuestion, scaleFor, scoreAnswers } from "./answers.js";
export { describeProblem, type ScoreProblem } from "./errors.js";
export { bundledScoring, bundledYear, bundledYears, latestYear } from "./bundled-scoring.js";
export { arabicDigits, excelTrim, isBlank, normaliseKey, normaliseTool, readNumber, type CellValue } from "./values.js";
export { INDICATOR_HEADINGS, indicatorColumns } from "./headings.js";
export { summarise } from "./summary.js";
export { itemWorths } from "./worth.js";
export { audit, jsonPath, publishedProblems, type PublishedFigures } from "./audit.js";
