/**
 * The scoring engine's front door, for the command line, the task pane and the
 * report: everything in scoring.ts (re-exported below) plus the rules texts and
 * their loading (which bring the parser), the difference between two rules files
 * and the comparison of years. Presentation code calls these and never scores anything itself.
 * Outside src/engine only this file and scoring.ts are imported (eslint.config.js).
 */
export * from "./scoring.js";
export { bundledRules, loadRulesText } from "./rules-registry.js";
export { bundledText } from "./bundled-text.js";
export { diffRules } from "./rules-diff.js";
export {
  compareYears,
  type CriteriaNote,
  type History,
  type HistoryRow,
  type RatingMove,
  type YearScores,
} from "./history.js";
