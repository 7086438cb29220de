/**
 * The custom functions' registry of rules saved in the workbook is one per page, as in
 * Excel's shared runtime. Tests see it as the functions do (does =ITA.TOTAL know the
 * name?) and forget what they registered through the same unregister the rules store
 * uses, so no test depends on what another one left behind.
 */
import { onWorkbookRulesLoaded, resolveRules, unregisterWorkbookRules } from "../../src/functions/rules.js";

/** Whether the ITA functions know rules by this name: anything but "unknown rules" (#N/A). */
export function functionsKnow(name: string): boolean {
  try {
    resolveRules(name);
    return true;
  } catch (e) {
    return !/unknown rules/.test((e as Error).message);
  }
}

/** Forget these names and the recalculation hook a rules store set. */
export function forgetRules(...names: string[]): void {
  for (const name of names) unregisterWorkbookRules(name);
  onWorkbookRulesLoaded(undefined);
}
