/**
 * The per-workbook choices the task pane keeps in workbook settings, so they travel
 * with the file: which rules, where the score table is, who the report is about.
 * Their own module so the lazily loaded editor can read them without the wizard.
 * The choice of rules is the rules store's (src/workbook/rules-store.ts, CHOICE_RULES).
 */
export const CHOICE_DATA = "ITA.choice.data";
export const CHOICE_AGENCY = "ITA.choice.agency";
