/**
 * The wizard's steps after Criteria (Data, Check, Results, Report) and what they
 * write: one chunk, loaded by wizard.ts right after the pane's first screen, so the
 * pane starts with only the Criteria step's code.
 */
export { renderCheck, runCheck } from "./check.js";
export { renderData, restoreTable } from "./data.js";
export { loadAgency, renderReport } from "./report.js";
export { renderResults } from "./results.js";
