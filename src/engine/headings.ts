/**
 * The indicator table's column headings, the one definition every presentation
 * uses: ITA.INDICATORS, the results sheet, the report (HTML, .xlsx, the pane's
 * report sheets), the pane's results step and `ita score`. Thai as the seed report
 * prints them (its third column says ตัวชี้วัด again; ประเด็น tells the name from the
 * number), English beside. Here rather than in a presentation folder because the
 * custom functions, the lowest of those users, may import nothing above the engine.
 */
import type { Label } from "../dsl/runtime.js";

export const INDICATOR_HEADINGS = {
  id: { th: "ตัวชี้วัด", en: "No." },
  tools: { th: "เครื่องมือการประเมิน", en: "Tool" },
  name: { th: "ประเด็น", en: "Indicator" },
  score: { th: "คะแนน", en: "Score" },
  result: { th: "ผลการประเมิน", en: "Result" },
  passMark: { th: "เกณฑ์ผ่าน", en: "Pass mark" },
} as const satisfies Record<string, Label>;

/**
 * The table's columns in order: number, tools, name, score and, when the rules have
 * a pass mark, the result. (The pass mark itself is a column only where a sheet
 * shows it beside the result.)
 */
export function indicatorColumns(withResult: boolean): readonly Label[] {
  const h = INDICATOR_HEADINGS;
  return withResult ? [h.id, h.tools, h.name, h.score, h.result] : [h.id, h.tools, h.name, h.score];
}
