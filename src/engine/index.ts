/**
 * The scoring engine's front door, for the command line, the task pane and the
 * report: everything in scoring.ts (re-exported below) plus the rules texts and
 * their loading (which bring the parser), the audit of published figures, the
 * many-agencies summary, what each item is worth and the difference between two
 * rules files. Presentation code calls these and never scores anything itself.
 * Outside src/engine only this file and scoring.ts are imported (eslint.config.js).
 */
export * from "./scoring.js";
export {
  audit,
  jsonPath,
  publishedProblems,
  type AuditFinding,
  type PublishedFigures,
  type PublishedProblem,
} from "./audit.js";
export { bundledText, loadRulesText, type LoadedRules } from "./rules-registry.js";
export { summarise, type PartialSummary, type Summary } from "./summary.js";
export { compileTotals, scoreTotals, type TotalsProgram } from "./totals.js";
export { itemWorths, type ItemWorth } from "./worth.js";
export { diffRules } from "./rules-diff.js";
