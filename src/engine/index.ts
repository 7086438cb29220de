/**
 * The scoring engine's front door, for the command line, the custom functions,
 * the task pane and the report. Presentation code calls these and never scores
 * anything itself.
 */
export { compile, type CompiledRules } from "./compile.js";
export {
  evaluate,
  evaluateRows,
  readScores,
  type Evaluation,
  type EvaluationOutcome,
  type Figure,
  type IndicatorResult,
  type PartialEvaluation,
  type ScoreRow,
  type ToolResult,
} from "./evaluate.js";
export { gapRows, rate, type RatingOutcome, type Shortfall } from "./rating.js";
export {
  audit,
  jsonPath,
  publishedProblems,
  type AuditFinding,
  type PublishedFigures,
  type PublishedProblem,
} from "./audit.js";
export { answerPosition, compileScale, findQuestion, scaleFor, scoreAnswers, meanOfCodes } from "./answers.js";
export { describeProblem, type ScoreProblem, type ScoreProblemCode } from "./errors.js";
export { loadRulesText, type LoadedRules } from "./rules-registry.js";
export { bundledText } from "./bundled-text.js";
export { bundledScoring, bundledYear, bundledYears, latestYear } from "./bundled-scoring.js";
export { readNumber, normaliseKey, normaliseTool, isBlank, excelTrim, type CellValue } from "./values.js";
export { summarise, type PartialSummary, type Summary } from "./summary.js";
export { compileTotals, scoreTotals, type TotalsProgram } from "./totals.js";
export { figure, passes } from "./publish.js";
export { itemWorths, type ItemWorth } from "./worth.js";
export {
  compareYears,
  criteriaChanges,
  type CriteriaNote,
  type History,
  type HistoryCell,
  type HistoryRow,
  type HistoryYear,
  type RatingHistory,
  type RatingMove,
  type YearScores,
  type YearStatus,
} from "./history.js";
