/**
 * The per-workbook choices the task pane keeps in workbook settings, so they travel
 * with the file: which rules, where the score table is, who the report is about.
 * Their own module so the lazily loaded editor can read them without the wizard.
 */
export const CHOICE_RULES = "ITA.choice.rules";
export const CHOICE_DATA = "ITA.choice.data";
export const CHOICE_AGENCY = "ITA.choice.agency";
