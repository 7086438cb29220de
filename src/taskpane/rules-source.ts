/**
 * The rules the wizard can use: the bundled years, and rules saved in this
 * workbook (settings "ITA.rules:<name>", read through the port). Saved rules are
 * registered with the custom functions as they are read, so `=ITA.*(…, "name")`
 * formulas the wizard writes resolve. Also: the rating bands in words (dsl/describe.ts).
 */
import { describeBand } from "../dsl/describe.js";
import type { RulesModel } from "../dsl/model.js";
import { bundledText, bundledYears, loadRulesText, type CompiledRules } from "../engine/index.js";
import { registerWorkbookRules } from "../functions/register-rules.js";
import { SETTING_PREFIX } from "../office/saved-rules.js";
import type { WorkbookPort } from "../workbook/port.js";

export { SETTING_PREFIX as RULES_PREFIX };

export interface RulesChoice {
  readonly name: string;
  readonly source: "bundled" | "workbook";
  readonly compiled?: CompiledRules;
  /** Why the rules cannot be used (text with errors, a name that shadows a bundled year). */
  readonly problem?: { readonly th: string; readonly en: string };
}

function compiledOrProblem(text: string): Pick<RulesChoice, "compiled" | "problem"> {
  const loaded = loadRulesText(text);
  if (loaded.ok) return { compiled: loaded.compiled };
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
  const keys = await port.settingKeys(SETTING_PREFIX);
  const out: RulesChoice[] = [];
  for (const key of [...keys].sort()) {
    const name = key.slice(SETTING_PREFIX.length);
    const text = await port.getSetting(key);
    if (text === undefined) continue;
    try {
      registerWorkbookRules(name, text);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      out.push({ name, source: "workbook", problem: { th: m, en: m } });
      continue;
    }
    out.push({ name, source: "workbook", ...compiledOrProblem(text) });
  }
  return out;
}

type T = (th: string, en: string) => string;

export function ratingRows(model: RulesModel, t: T): { label: string; when: string }[] {
  return model.rating.rows.map((r) => {
    const when = describeBand(r);
    return { label: t(r.label.th, r.label.en || r.label.th), when: t(when.th, when.en) };
  });
}
