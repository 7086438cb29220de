/**
 * The texts of the bundled years (src/rules/bundled.ts, about 280 KB): for the CLI,
 * reports, the editor and the pane's question texts and guidance. Its own module, so
 * that what needs only the parser (the custom functions compiling workbook rules) or
 * only the scoring models (bundled-scoring.ts) never carries the texts.
 */
import { BUNDLED_RULES } from "../rules/bundled.js";
import { bundledYear } from "./bundled-scoring.js";

/** The text of a bundled year, accepting "2568", "๒๕๖๘", " 2568 " or the number 2568. */
export function bundledText(name: string | number): string | undefined {
  const year = bundledYear(name);
  return year === undefined ? undefined : BUNDLED_RULES[year];
}
