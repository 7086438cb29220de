/**
 * The rules on offer, checked: every bundled year's text and every set saved in the
 * workbook parsed and compiled, with the checker's problems and warnings. Loaded as
 * its own chunk after the pane's first screen (it brings the parser and the rules
 * texts), through `checkedChoices` in rules-source.ts. Importing register-rules hands
 * the parser to the custom functions too: saved rules the wizard lists are scored at once.
 */
import { bundledText, loadRulesText } from "../engine/index.js";
import { bundledYears } from "../engine/scoring.js";
import "../functions/register-rules.js";
import type { WorkbookPort } from "../workbook/port.js";
import { RulesStore } from "../workbook/rules-store.js";
import type { RulesChoice } from "./rules-source.js";

function compiledOrProblem(text: string): Pick<RulesChoice, "compiled" | "problem" | "warnings"> {
  const loaded = loadRulesText(text);
  if (loaded.ok) {
    const warnings = loaded.diagnostics.filter((d) => d.severity === "warning");
    return warnings.length ? { compiled: loaded.compiled, warnings } : { compiled: loaded.compiled };
  }
  const d = loaded.diagnostics.find((x) => x.severity === "error") ?? loaded.diagnostics[0];
  return {
    problem: d
      ? { th: `บรรทัด ${d.line} คอลัมน์ ${d.column}: ${d.th}`, en: `line ${d.line}, column ${d.column}: ${d.en}` }
      : { th: "เกณฑ์มีข้อผิดพลาด", en: "the rules have errors" },
  };
}

export function bundledChoices(): RulesChoice[] {
  return bundledYears()
    .reverse()
    .map((year) => ({ name: year, source: "bundled" as const, ...compiledOrProblem(bundledText(year)!) }));
}

/** Rules saved in the workbook, registered with the functions as they are read. */
export async function workbookChoices(port: WorkbookPort): Promise<RulesChoice[]> {
  return (await new RulesStore(port).savedRules()).map(({ name, text, problem }) =>
    problem ? { name, source: "workbook", problem } : { name, source: "workbook", ...compiledOrProblem(text) },
  );
}
