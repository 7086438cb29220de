/**
 * Registering rules saved in the workbook with the custom functions: the text is
 * parsed and checked here, once, and the functions keep the compiled result
 * (rules.ts). This is the pane's side: it brings the parser, so the functions'
 * own bundle never imports this module.
 */
import { loadRulesText } from "../engine/rules-registry.js";
import { storeWorkbookRules, workbookRulesName } from "./rules.js";

/** Register (or replace) rules saved in the workbook under a name; refuses an empty name or a bundled year. */
export function registerWorkbookRules(name: string, text: string): void {
  workbookRulesName(name); // refuse before parsing
  storeWorkbookRules(name, loadRulesText(text));
}
