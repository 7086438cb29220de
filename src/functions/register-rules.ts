/**
 * The rules parser for the custom functions, handed over whenever the pane
 * registers rules saved in the workbook: they are compiled with it (cached per text
 * by the engine). The pane's modules register through here; the functions' own
 * bundle does not import this module, and imports it on demand only if workbook
 * rules are asked for before the pane registered any.
 */
import { loadRulesText } from "../engine/index.js";
import * as registry from "./rules.js";

registry.useRulesCompiler(loadRulesText);

/** Register (or replace) rules saved in the workbook under a name (see rules.ts). */
export function registerWorkbookRules(name: string, text: string): void {
  registry.useRulesCompiler(loadRulesText);
  registry.registerWorkbookRules(name, text);
}
