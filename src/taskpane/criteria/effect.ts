/**
 * The live effect of edited criteria on this workbook: the score table the wizard
 * uses (found as the text view finds it), scored by the engine under the saved
 * rules and under the edit: total and rating for each, and which indicators'
 * published scores change. Only engine results are compared; nothing is scored here.
 */
import { evaluateRows, loadRulesText, type Evaluation, type ScoreRow } from "../../engine/index.js";

export type Scored =
  | { readonly ok: true; readonly evaluation: Evaluation }
  | { readonly ok: false; readonly th: string; readonly en: string };

export interface IndicatorChange {
  readonly id: string;
  readonly th: string;
  readonly en: string;
  /** Published scores; undefined where the indicator does not exist. */
  readonly before?: number;
  readonly after?: number;
}

export interface Effect {
  readonly before: Scored;
  readonly after: Scored;
  readonly indicators: readonly IndicatorChange[];
}

/** Rules text applied to score rows by the engine, or the engine's first reason it cannot be. */
function score(text: string, rows: readonly ScoreRow[]): Scored {
  const loaded = loadRulesText(text);
  if (!loaded.ok) return { ok: false, th: "เกณฑ์ยังมีข้อผิดพลาด", en: "the rules still have errors" };
  const out = evaluateRows(loaded.compiled, rows);
  if (out.ok) return { ok: true, evaluation: out.evaluation };
  const errors = out.problems.filter((p) => p.severity === "error");
  const first = errors[0];
  if (!first) return { ok: false, th: "คำนวณไม่ได้", en: "cannot evaluate" };
  const where = first.where ? `${first.where}: ` : "";
  const more = errors.length > 1 ? ` (+${errors.length - 1})` : "";
  return { ok: false, th: `${where}${first.th}${more}`, en: `${where}${first.en}${more}` };
}

export function effectOf(savedText: string, editedText: string, rows: readonly ScoreRow[]): Effect {
  const before = score(savedText, rows);
  const after = score(editedText, rows);
  const indicators: IndicatorChange[] = [];
  if (before.ok && after.ok) {
    const old = new Map(before.evaluation.indicators.map((i) => [i.id, i]));
    const seen = new Set<string>();
    for (const i of after.evaluation.indicators) {
      seen.add(i.id);
      const was = old.get(i.id);
      if (!was || was.value.published !== i.value.published) {
        indicators.push({
          id: i.id,
          th: i.label.th,
          en: i.label.en || i.label.th,
          before: was?.value.published,
          after: i.value.published,
        });
      }
    }
    for (const i of before.evaluation.indicators) {
      if (!seen.has(i.id))
        indicators.push({ id: i.id, th: i.label.th, en: i.label.en || i.label.th, before: i.value.published });
    }
  }
  return { before, after, indicators };
}
