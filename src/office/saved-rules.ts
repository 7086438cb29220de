/**
 * At start-up in Excel: the rules saved in the workbook are made known to the custom
 * functions, by name (their texts are read when a function first uses them). It goes
 * through the rules store, the one owner of the settings that hold them, over the
 * workbook port; nothing here touches Office.js.
 */
import type { WorkbookPort } from "../workbook/port.js";
import { RulesStore } from "../workbook/rules-store.js";

export interface LoadedSavedRules {
  readonly loaded: string[];
  /** Names that could not be registered (e.g. a bundled year), with the reason. */
  readonly refused: { name: string; reason: string }[];
}

export async function loadSavedRules(port: WorkbookPort): Promise<LoadedSavedRules> {
  return new RulesStore(port).registerForFunctions();
}
