/**
 * The effect of edited rules on this workbook's result: the score table the wizard
 * uses (its "ITA.choice.data" setting), else the first sheet with a
 * tool/question/score header, or the range the user selects, scored by the engine under the year the rules were copied from and
 * under the edited text: total and rating before and after. Nothing is computed
 * here but by the engine; when the rows do not fit a set of rules (a question the
 * new rules ask that the sheet lacks) the engine's own first problem is shown.
 */
import { isOwnSheet } from "../../workbook/own-sheets.js";
import { describeProblem, evaluateRows, loadRulesText, type ScoreRow } from "../../engine/index.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { type ScoreTable, findScoreTable, narrowToAgency } from "../../workbook/score-table.js";
import { CHOICE_DATA } from "../choices.js";

export type Outcome =
  | {
      readonly ok: true;
      readonly total: number;
      /** Decimals the rules publish, to show the total as NACC prints it. */
      readonly decimals: number;
      readonly rating: string;
      readonly ratingEn: string;
    }
  | { readonly ok: false; readonly why: string };

export interface FoundRows {
  readonly rows: readonly ScoreRow[];
  /** "คะแนน!A3:C62" */
  readonly where: string;
}

function located(table: ScoreTable): FoundRows {
  return { rows: table.rows, where: `${table.sheet}!${table.range}` };
}

/** Where the wizard found the table ({sheet, range?} kept in the workbook), if it still holds one. */
async function wizardRows(port: WorkbookPort): Promise<FoundRows | undefined> {
  const kept = await port.getSetting(CHOICE_DATA);
  if (!kept) return undefined;
  try {
    const v = JSON.parse(kept) as { sheet?: unknown; range?: unknown; agency?: unknown };
    if (typeof v.sheet !== "string") return undefined;
    const found = findScoreTable(await port.readRange(v.sheet, typeof v.range === "string" ? v.range : undefined));
    return found.ok
      ? located(narrowToAgency(found.table, typeof v.agency === "string" ? v.agency : undefined))
      : undefined;
  } catch {
    return undefined; // the sheet was renamed or removed since: fall back to looking for a table
  }
}

/** The table the wizard uses, else the first sheet holding a score table, in the workbook's sheet order. */
export async function findRows(port: WorkbookPort): Promise<FoundRows | undefined> {
  const kept = await wizardRows(port);
  if (kept) return kept;
  for (const sheet of await port.listSheets()) {
    if (!sheet.used || isOwnSheet(sheet.name)) continue;
    const found = findScoreTable(await port.readRange(sheet.name));
    if (found.ok) return located(narrowToAgency(found.table));
  }
  return undefined;
}

/** The score table inside what the user selected, or why there is none. */
export async function rowsFromSelection(port: WorkbookPort): Promise<FoundRows | { th: string; en: string }> {
  const found = findScoreTable(await port.readSelection());
  if (found.ok) return located(narrowToAgency(found.table));
  const p = found.problems[0];
  return p
    ? { th: `${p.where}: ${p.th}`, en: `${p.where}: ${p.en}` }
    : { th: "ไม่พบตารางคะแนน", en: "no score table found" };
}

/** Rules text (or a bundled year) applied to rows by the engine. */
export function outcome(rulesText: string, rows: readonly ScoreRow[]): Outcome {
  const loaded = loadRulesText(rulesText);
  if (!loaded.ok) return { ok: false, why: "เกณฑ์ยังมีข้อผิดพลาด / the rules still have errors" };
  const out = evaluateRows(loaded.compiled, rows);
  if (!out.ok) {
    const first = out.problems.find((p) => p.severity === "error");
    const more = out.problems.filter((p) => p.severity === "error").length - 1;
    return {
      ok: false,
      why: `${first ? describeProblem(first) : "คำนวณไม่ได้ / cannot evaluate"}${more > 0 ? ` (+${more})` : ""}`,
    };
  }
  const e = out.evaluation;
  return {
    ok: true,
    total: e.total.published,
    decimals: e.rules.decimals,
    rating: e.rating.label.th,
    ratingEn: e.rating.label.en,
  };
}
