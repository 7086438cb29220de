/**
 * What each question (an OIT item, typically) is worth in the total: the points of
 * the weighted total that move when its score goes from 0 to 100, following the
 * rules' roll-up (question → sub-indicator → indicator → tool → total, with the
 * weights where the rules weigh). With an agency's current scores, the points still
 * open on an item are its worth × (100 − score) / 100: where preparing the OIT pays most.
 */
import type { ScoringModel } from "../dsl/runtime.js";
import type { CompiledRules } from "./compile.js";

export interface ItemWorth {
  readonly tool: string;
  readonly question: string;
  readonly indicator: string;
  readonly subindicator?: string;
  /** Points of the total between a score of 0 and 100 on this item alone. */
  readonly worth: number;
}

/** Every question of the tool (or of every tool), with its worth in the total, in the rules' order. */
export function itemWorths(compiled: CompiledRules<ScoringModel>, tool?: string): ItemWorth[] {
  const model = compiled.model;
  const toolShare = (t: number): number => {
    const w = model.total.weighted ? model.tools.map((x) => x.weight) : model.tools.map(() => 1);
    return w[t]! / w.reduce((a, b) => a + b, 0);
  };
  const share = <T>(items: readonly T[], weighted: boolean, weight: (x: T) => number, x: T): number => {
    if (!weighted) return 1 / items.length;
    return weight(x) / items.reduce((a, y) => a + weight(y), 0);
  };
  const out: ItemWorth[] = [];
  compiled.tools.forEach((ct, t) => {
    if (tool !== undefined && ct.id !== tool) return;
    for (const ti of ct.indicators) {
      const ind = model.indicators[ti.indicator]!;
      // An indicator measured by several tools counts in each tool's mean on its own.
      const atTool = toolShare(t) * share(ct.indicators, ct.weighted, (x) => x.weight, ti) * 100;
      if (ti.subs.length === 0) {
        for (const q of ti.questions) {
          const worth = atTool * share(ti.questions, ti.weighted, (x) => x.weight, q);
          out.push({ tool: ct.id, question: q.id, indicator: ind.id, worth });
        }
        continue;
      }
      for (const s of ti.subs) {
        const atSub = atTool * share(ti.subs, ti.weighted, (x) => x.weight, s);
        for (const q of s.questions) {
          const worth = atSub * share(s.questions, s.weighted, (x) => x.weight, q);
          out.push({ tool: ct.id, question: q.id, indicator: ind.id, subindicator: s.id, worth });
        }
      }
    }
  });
  return out;
}
