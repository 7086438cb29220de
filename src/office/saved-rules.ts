/**
 * Rules saved in the workbook: each is a workbook setting (Excel.SettingCollection,
 * saved with the file, private to this add-in) whose key is "ITA.rules:<name>" and
 * whose value is the rules text. Loading registers them with the custom functions;
 * if a function asked for one of them before it loaded (#N/A), Excel recalculates once.
 * One sync to read, one to write.
 */
import { registerWorkbookRules } from "../functions/register-rules.js";
import { wasAskedFor } from "../functions/rules.js";

export const SETTING_PREFIX = "ITA.rules:";

export interface LoadedSavedRules {
  readonly loaded: string[];
  /** Names that could not be registered (e.g. a bundled year), with the reason. */
  readonly refused: { name: string; reason: string }[];
}

export async function loadSavedRules(): Promise<LoadedSavedRules> {
  return Excel.run(async (context) => {
    const settings = context.workbook.settings;
    settings.load("items");
    await context.sync();
    const loaded: string[] = [];
    const refused: { name: string; reason: string }[] = [];
    for (const item of settings.items) {
      if (!item.key.startsWith(SETTING_PREFIX) || typeof item.value !== "string") continue;
      const name = item.key.slice(SETTING_PREFIX.length);
      try {
        registerWorkbookRules(name, item.value);
        loaded.push(name);
      } catch (e) {
        refused.push({ name, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    if (wasAskedFor(loaded)) {
      context.application.calculate("Full");
      await context.sync();
    }
    return { loaded, refused };
  });
}

/** Save rules text in the workbook under a name and make it usable by the functions at once. */
export async function saveRules(name: string, text: string): Promise<void> {
  registerWorkbookRules(name, text); // refuses a bundled year or an empty name before touching the workbook
  await Excel.run(async (context) => {
    context.workbook.settings.add(`${SETTING_PREFIX}${name.trim()}`, text);
    await context.sync();
  });
}
