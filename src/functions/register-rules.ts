/**
 * The rules parser for the custom functions, handed over on import: rules saved in
 * the workbook are compiled with it (cached per text by the engine). The pane's
 * modules that register workbook rules import this; the functions' own bundle
 * does not, and imports it on demand only if workbook rules are asked for first.
 */
import { loadRulesText } from "../engine/rules-registry.js";
import { useRulesCompiler } from "./rules.js";

useRulesCompiler(loadRulesText);

export { registerWorkbookRules, registerWorkbookRulesLazily } from "./rules.js";
