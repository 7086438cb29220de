/**
 * A checked model compiled for evaluation: every score an agency can supply gets a
 * slot (tool × question, sub-indicator or indicator), and each level of the roll-up
 * becomes an array of slot indexes, so evaluating is plain loops over a Float64Array
 * with no lookups by name. Compile once per rules text; evaluate as often as needed.
 */
import { questionsOf, type RulesModel, type ScoringModel } from "../dsl/runtime.js";
import { normaliseKey, normaliseTool } from "./values.js";

export type SlotKind = "question" | "subindicator" | "indicator" | "tool";

export interface Slot {
  readonly tool: string;
  readonly id: string;
  readonly kind: SlotKind;
  /** Index in model.indicators; -1 for a whole tool's slot. */
  readonly indicator: number;
}

export interface CompiledQuestion {
  readonly id: string;
  readonly slot: number;
  readonly weight: number;
}

export interface CompiledSub {
  readonly id: string;
  readonly slot: number;
  readonly weight: number;
  readonly weighted: boolean;
  readonly questions: readonly CompiledQuestion[];
}

export interface CompiledToolIndicator {
  readonly indicator: number;
  readonly slot: number;
  readonly weight: number;
  readonly weighted: boolean;
  readonly subs: readonly CompiledSub[];
  readonly questions: readonly CompiledQuestion[];
}

export interface CompiledTool {
  readonly id: string;
  /** The slot of the whole tool's score, when a row gives it as such. */
  readonly slot: number;
  readonly weight: number;
  readonly weighted: boolean;
  readonly indicators: readonly CompiledToolIndicator[];
}

/**
 * `M` is the model the rules were compiled from: the whole `RulesModel` (parsed text),
 * or only its `ScoringModel` (a bundled year's precompiled model, in the custom functions).
 */
export interface CompiledRules<M extends ScoringModel = RulesModel> {
  readonly model: M;
  readonly slots: readonly Slot[];
  readonly tools: readonly CompiledTool[];
  /** Per indicator (model order): positions in `tools[t].indicators` measuring it, as [toolIndex, position]. */
  readonly indicatorParts: readonly (readonly (readonly [number, number])[])[];
  /** Normalised tool id → tool id. */
  readonly toolByName: ReadonlyMap<string, string>;
  /** `${tool}\u0000${normalised key}` → slot. */
  readonly slotByKey: ReadonlyMap<string, number>;
}

export function slotKey(tool: string, key: string): string {
  return `${tool}\u0000${normaliseKey(key)}`;
}

/**
 * What the question column says when a row gives a whole tool's score: nothing, the
 * tool's id again, or a word for "the tool's score".
 */
const WHOLE_TOOL = ["", "รวม", "คะแนนรวม", "คะแนนแบบวัด", "total", "tool"];

export function compile<M extends ScoringModel>(model: M): CompiledRules<M> {
  const slots: Slot[] = [];
  const slotByKey = new Map<string, number>();
  const addSlot = (tool: string, id: string, kind: SlotKind, indicator: number): number => {
    const key = slotKey(tool, id);
    const existing = slotByKey.get(key);
    if (existing !== undefined) return existing;
    slots.push({ tool, id, kind, indicator });
    slotByKey.set(key, slots.length - 1);
    return slots.length - 1;
  };

  const parts: [number, number][][] = model.indicators.map(() => []);
  const tools: CompiledTool[] = model.tools.map((tool, ti) => {
    const toolSlot = addSlot(tool.id, "", "tool", -1);
    const indicators: CompiledToolIndicator[] = [];
    model.indicators.forEach((ind, ii) => {
      if (!ind.tools.includes(tool.id)) return;
      const slot = addSlot(tool.id, ind.id, "indicator", ii);
      const question = (q: { id: string; weight: number }): CompiledQuestion => ({
        id: q.id,
        slot: addSlot(tool.id, q.id, "question", ii),
        weight: q.weight,
      });
      const subs = ind.subindicators.map((s) => ({
        id: s.id,
        slot: addSlot(tool.id, s.id, "subindicator", ii),
        weight: s.weight,
        weighted: s.weighted,
        questions: s.questions.map(question),
      }));
      parts[ii]!.push([ti, indicators.length]);
      indicators.push({
        indicator: ii,
        slot,
        weight: ind.weight,
        weighted: ind.weighted,
        subs,
        questions: ind.subindicators.length > 0 ? [] : questionsOf(ind).map(question),
      });
    });
    // After the tool's own ids, so an alias never shadows a question or indicator.
    for (const alias of [...WHOLE_TOOL, tool.id]) {
      if (!slotByKey.has(slotKey(tool.id, alias))) slotByKey.set(slotKey(tool.id, alias), toolSlot);
    }
    return { id: tool.id, slot: toolSlot, weight: tool.weight, weighted: tool.weighted, indicators };
  });

  return {
    model,
    slots,
    tools,
    indicatorParts: parts,
    toolByName: new Map(model.tools.map((t) => [normaliseTool(t.id), t.id])),
    slotByKey,
  };
}
