/**
 * The evaluator: an agency's scores → the full result tree NACC publishes
 * (question, sub-indicator, indicator per tool and combined, tool, weighted total,
 * rating). Every figure is carried unrounded and also as published; rounding
 * happens only at the levels the rules name, and the rating is decided on the
 * published figures. Scores may be given at any level (a question, a
 * sub-indicator, a whole indicator or a whole tool); anything the roll-up needs and
 * lacks is a problem naming tool and question, never a silent zero. When whole tools
 * or indicators are simply not given (a provincial table of some tools, an agency
 * preparing its OIT), what they do not need is still computed: the outcome's
 * `partial`, which says what the total and rating still need.
 */
import type { Label, ScoringModel } from "../dsl/runtime.js";
import { slotKey, type CompiledQuestion, type CompiledRules } from "./compile.js";
import { scoreProblem, type ScoreProblem } from "./errors.js";
import { fractionsProblem } from "./fractions.js";
import { compilePlan, evaluatePlanned, type TreePlan } from "./plan.js";
import { figure, passes, type Figure } from "./publish.js";
import { rate, type RatingOutcome } from "./rating.js";
import { normaliseTool, readNumber, type CellValue } from "./values.js";

export type { Figure };

export interface QuestionResult {
  readonly id: string;
  readonly value: Figure;
}

export interface SubindicatorResult {
  readonly id: string;
  readonly label: Label;
  readonly value: Figure;
  /** True when the score was supplied for the sub-indicator itself, not computed from questions. */
  readonly given: boolean;
  readonly questions: readonly QuestionResult[];
}

export interface ToolPartResult {
  readonly tool: string;
  readonly value: Figure;
  readonly given: boolean;
  readonly subindicators: readonly SubindicatorResult[];
  readonly questions: readonly QuestionResult[];
}

export interface IndicatorResult {
  readonly id: string;
  readonly label: Label;
  readonly tools: readonly string[];
  readonly parts: readonly ToolPartResult[];
  readonly value: Figure;
  /** Whether it meets the pass mark; `null` when the rules have none (years before 2567). */
  readonly pass: boolean | null;
  /** The pass or fail label; `null` when the rules have no pass mark. */
  readonly result: Label | null;
}

export interface ToolResult {
  readonly id: string;
  readonly label: Label;
  readonly weight: number;
  readonly value: Figure;
  /** True when a row gave the whole tool's score rather than its indicators'. */
  readonly given?: boolean;
}

export interface Evaluation {
  readonly rules: {
    readonly name: Label;
    readonly year: number;
    readonly decimals: number;
    readonly pass: ScoringModel["pass"];
  };
  readonly indicators: readonly IndicatorResult[];
  readonly tools: readonly ToolResult[];
  readonly total: Figure;
  readonly rating: RatingOutcome;
}

export interface ScoreRow {
  readonly tool: CellValue;
  readonly question: CellValue;
  readonly score: CellValue;
  /** Where the row came from, named in problems: "Scores!C7", "scores.csv:12". */
  readonly where?: string;
}

export interface ScoreValues {
  /** One entry per slot of the compiled rules; NaN where nothing was supplied. */
  readonly values: Float64Array;
  /** Where each supplied value came from ("" when unknown). */
  readonly where: readonly string[];
  readonly problems: readonly ScoreProblem[];
  /**
   * Whether any level above the questions (a tool, indicator or sub-indicator) was
   * given whole, as `readScores` saw while reading; unknown when absent. The lean path
   * skips looking for such levels when none was given.
   */
  readonly levels?: boolean;
}

/**
 * What can be computed when some tools or indicators are not given at all: the
 * indicators whose every part is there, the tools whose score is known (given whole,
 * or from all their indicators), and the total and rating only when every tool is known.
 */
export interface PartialEvaluation {
  readonly rules: Evaluation["rules"];
  readonly indicators: readonly IndicatorResult[];
  readonly tools: readonly ToolResult[];
  /** Tool ids whose score is not known, and indicator ids not computed, in the rules' order. */
  readonly missing: { readonly tools: readonly string[]; readonly indicators: readonly string[] };
  readonly total: Figure | null;
  readonly rating: RatingOutcome | null;
  /** What is still needed, in words: for the total and rating, or (when those are known) for the indicators. */
  readonly needs: Label;
}

export type EvaluationOutcome =
  | { readonly ok: true; readonly evaluation: Evaluation; readonly problems: readonly ScoreProblem[] }
  | {
      readonly ok: false;
      readonly problems: readonly ScoreProblem[];
      /** Set when the only problems are tools or indicators not given: what could be computed. */
      readonly partial?: PartialEvaluation;
    };

/**
 * Read score rows into slots. Rows that are blank throughout are skipped; everything
 * else is checked, and a table of percentages typed as fractions is named first.
 */
export function readScores(compiled: CompiledRules<ScoringModel>, rows: readonly ScoreRow[]): ScoreValues {
  const values = new Float64Array(compiled.slots.length).fill(Number.NaN);
  const where: string[] = new Array<string>(compiled.slots.length).fill("");
  const fractions = fractionsProblem(rows);
  const problems: ScoreProblem[] = fractions ? [fractions] : [];
  let levels = false;
  for (const row of rows) {
    const toolText = String(row.tool ?? "").trim();
    const keyText = String(row.question ?? "").trim();
    const score = readNumber(row.score);
    if (!toolText && !keyText && score.kind === "blank") continue;
    const tool = compiled.toolByName.get(normaliseTool(toolText));
    const at = { tool: tool ?? toolText, question: keyText, where: row.where };
    if (!tool) {
      problems.push(scoreProblem("unknown-tool", at));
      continue;
    }
    const slot = compiled.slotByKey.get(slotKey(tool, keyText));
    if (slot === undefined) {
      problems.push(scoreProblem("unknown-question", at));
      continue;
    }
    const canonical = { ...at, question: compiled.slots[slot]!.id };
    if (score.kind === "blank") {
      problems.push(scoreProblem("blank", canonical));
      continue;
    }
    if (score.kind === "invalid") {
      // Thai digits are read (๙๙.๔๓ is 99.43); text that has them and still fails is named as such.
      const code = score.decimalComma
        ? "decimal-comma"
        : /[\u0E50-\u0E59]/.test(score.text)
          ? "thai-digits"
          : "not-a-number";
      problems.push(scoreProblem(code, { ...canonical, text: score.text }));
      continue;
    }
    if (score.value < 0 || score.value > 100) {
      problems.push(scoreProblem("out-of-range", { ...canonical, text: String(score.value) }));
      continue;
    }
    if (!Number.isNaN(values[slot]!)) {
      problems.push(scoreProblem("duplicate", { ...canonical, other: where[slot] || "?" }));
      continue;
    }
    values[slot] = score.value;
    where[slot] = row.where ?? "";
    if (compiled.slots[slot]!.kind !== "question") levels = true;
  }
  return { values, where, problems, levels };
}

/** The list of a level given whole (nothing under it), shared: it is never changed. */
const NONE: readonly never[] = Object.freeze([]);

function mean(values: readonly number[], weights: readonly number[] | null): number {
  let sum = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = weights ? weights[i]! : 1;
    sum += values[i]! * wi;
    w += wi;
  }
  return sum / w;
}

function toolPart(
  model: ScoringModel,
  tool: string,
  exact: number,
  given: boolean,
  subindicators: readonly SubindicatorResult[],
  questions: readonly QuestionResult[],
): ToolPartResult {
  return { tool, value: figure(model, "indicator", exact), given, subindicators, questions };
}

/**
 * A level given directly (an indicator, a sub-indicator) together with a part of it (a
 * question, a sub-indicator): one would be silently ignored, so both places are named.
 */
function levelConflicts(compiled: CompiledRules<ScoringModel>, input: ScoreValues): ScoreProblem[] {
  const { values, where } = input;
  const problems: ScoreProblem[] = [];
  const conflict = (
    tool: string,
    whole: { id: string; slot: number },
    parts: readonly { id: string; slot: number }[],
  ): void => {
    if (Number.isNaN(values[whole.slot]!)) return;
    const part = parts.find((p) => !Number.isNaN(values[p.slot]!));
    if (!part) return;
    problems.push(
      scoreProblem("level-conflict", {
        tool,
        question: whole.id,
        where: where[whole.slot] || undefined,
        text: part.id,
        other: where[part.slot] || "?",
      }),
    );
  };
  for (const tool of compiled.tools) {
    for (const ti of tool.indicators) {
      const whole = { id: compiled.model.indicators[ti.indicator]!.id, slot: ti.slot };
      conflict(tool.id, whole, [...ti.subs, ...ti.questions, ...ti.subs.flatMap((s) => s.questions)]);
      for (const s of ti.subs) conflict(tool.id, s, s.questions);
    }
  }
  return problems;
}

/** Each compiled rules' tree plan, made on first use. */
const plans = new WeakMap<CompiledRules<ScoringModel>, TreePlan>();

/**
 * Evaluate supplied slot values. A level supplied directly stands for everything
 * under it; a level neither supplied nor computable is reported once per missing question.
 * A complete input without errors (the common case) goes through the compiled plan;
 * anything else through the general path, which gives the same tree (tested).
 */
export function evaluate(compiled: CompiledRules<ScoringModel>, input: ScoreValues): EvaluationOutcome {
  let plan = plans.get(compiled);
  if (!plan) {
    plan = compilePlan(compiled);
    plans.set(compiled, plan);
  }
  const evaluation = evaluatePlanned(plan, input);
  if (evaluation) return { ok: true, evaluation, problems: input.problems.slice() };
  return evaluateGeneral(compiled, input);
}

/**
 * The general path: every input, complete or not. Reports what is missing, rejected
 * or in conflict, and computes the partial result when only whole tools or indicators
 * are not given.
 */
function evaluateGeneral(compiled: CompiledRules<ScoringModel>, input: ScoreValues): EvaluationOutcome {
  const { model } = compiled;
  const { values } = input;
  const problems: ScoreProblem[] = [...input.problems, ...levelConflicts(compiled, input)];
  const hadErrors = problems.some((p) => p.severity === "error");

  const questionResults = (tool: string, qs: readonly CompiledQuestion[]): QuestionResult[] | null => {
    const out: QuestionResult[] = [];
    let complete = true;
    for (const q of qs) {
      const v = values[q.slot]!;
      if (Number.isNaN(v)) {
        // A value that was supplied but rejected is already reported; don't report it twice.
        if (!input.problems.some((p) => p.tool === tool && p.question === q.id)) {
          problems.push(scoreProblem("missing", { tool, question: q.id }));
        }
        complete = false;
      } else out.push({ id: q.id, value: figure(model, "question", v) });
    }
    return complete ? out : null;
  };
  const meanOf = (rs: readonly { value: Figure }[], weights: readonly number[], weighted: boolean): number =>
    mean(
      rs.map((r) => r.value.exact),
      weighted ? weights : null,
    );

  // A part with nothing at all under it is "not given", not a list of missing questions.
  const rejected = new Set(input.problems.map((p) => `${p.tool}\u0000${p.question}`));
  const has = (tool: string, id: string, slot: number): boolean =>
    !Number.isNaN(values[slot]!) || rejected.has(`${tool}\u0000${id}`);
  const toolGiven = compiled.tools.map((tool) => !Number.isNaN(values[tool.slot]!));
  const absent: boolean[][] = compiled.tools.map((tool) =>
    tool.indicators.map((ti) => {
      const ind = model.indicators[ti.indicator]!;
      if (has(tool.id, ind.id, ti.slot)) return false;
      if (ti.subs.some((s) => has(tool.id, s.id, s.slot) || s.questions.some((q) => has(tool.id, q.id, q.slot))))
        return false;
      return !ti.questions.some((q) => has(tool.id, q.id, q.slot));
    }),
  );

  const toolParts: (ToolPartResult | null)[][] = compiled.tools.map((tool, t) =>
    tool.indicators.map((ti, k): ToolPartResult | null => {
      if (absent[t]![k]) return null;
      const ind = model.indicators[ti.indicator]!;
      const direct = values[ti.slot]!;
      if (!Number.isNaN(direct)) return toolPart(model, tool.id, direct, true, NONE, NONE);
      if (ti.subs.length === 0) {
        const qs = questionResults(tool.id, ti.questions);
        const weights = ti.questions.map((q) => q.weight);
        return toolPart(model, tool.id, qs ? meanOf(qs, weights, ti.weighted) : Number.NaN, false, [], qs ?? []);
      }
      const subs: SubindicatorResult[] = [];
      let complete = true;
      ti.subs.forEach((s, k) => {
        const label = ind.subindicators[k]!.label;
        const given = values[s.slot]!;
        if (!Number.isNaN(given)) {
          subs.push({ id: s.id, label, value: figure(model, "subindicator", given), given: true, questions: NONE });
          return;
        }
        const qs = questionResults(tool.id, s.questions);
        if (!qs) {
          complete = false;
          return;
        }
        const exact = meanOf(
          qs,
          s.questions.map((q) => q.weight),
          s.weighted,
        );
        subs.push({ id: s.id, label, value: figure(model, "subindicator", exact), given: false, questions: qs });
      });
      const weights = ti.subs.map((s) => s.weight);
      return toolPart(model, tool.id, complete ? meanOf(subs, weights, ti.weighted) : Number.NaN, false, subs, []);
    }),
  );

  if (hadErrors || problems.some((p) => p.severity === "error")) return { ok: false, problems };

  const knownTools: (ToolResult | null)[] = compiled.tools.map((tool, t) => {
    const m = model.tools[t]!;
    const parts = toolParts[t]!;
    if (toolGiven[t]) {
      return {
        id: tool.id,
        label: m.label,
        weight: m.weight,
        value: figure(model, "tool", values[tool.slot]!),
        given: true,
      };
    }
    if (parts.some((p) => p === null)) return null;
    const exact = meanOf(
      parts as ToolPartResult[],
      tool.indicators.map((i) => i.weight),
      tool.weighted,
    );
    return { id: tool.id, label: m.label, weight: m.weight, value: figure(model, "tool", exact) };
  });

  const known: (IndicatorResult | null)[] = model.indicators.map((ind, i) => {
    const where = compiled.indicatorParts[i]!;
    const maybe = where.map(([t, k]) => toolParts[t]![k]!);
    if (maybe.some((p) => p === null)) return null;
    const parts = maybe as ToolPartResult[];
    const exact =
      parts.length === 1
        ? parts[0]!.value.exact
        : meanOf(
            parts,
            where.map(([t]) => model.tools[t]!.weight),
            ind.combined?.weighted ?? false,
          );
    const value = figure(model, "indicator", exact);
    const pass = passes(model, value.published);
    return {
      id: ind.id,
      label: ind.label,
      tools: ind.tools,
      parts,
      value,
      pass,
      result: model.pass ? (pass ? model.pass.passLabel : model.pass.failLabel) : null,
    };
  });

  const tools = knownTools.filter((t): t is ToolResult => t !== null);
  const indicators = known.filter((i): i is IndicatorResult => i !== null);
  const allTools = tools.length === compiled.tools.length;
  const total = allTools
    ? figure(
        model,
        "total",
        mean(
          tools.map((t) => t.value.exact),
          model.total.weighted ? tools.map((t) => t.weight) : null,
        ),
      )
    : null;
  const rating = total ? rate(model, total, tools, indicators) : null;
  const rules = { name: model.name, year: model.year, decimals: model.decimals, pass: model.pass };
  if (total && rating && indicators.length === model.indicators.length) {
    return { ok: true, evaluation: { rules, indicators, tools, total, rating }, problems };
  }

  // Partial: say what is not there, once per tool or indicator, and what it holds back.
  compiled.tools.forEach((tool, t) => {
    if (toolGiven[t]) {
      if (absent[t]!.some(Boolean)) problems.push(scoreProblem("tool-given", { tool: tool.id, question: "" }));
      return;
    }
    if (absent[t]!.every(Boolean)) {
      problems.push(scoreProblem("not-given", { tool: tool.id, question: "" }));
      return;
    }
    tool.indicators.forEach((ti, k) => {
      if (absent[t]![k])
        problems.push(scoreProblem("not-given", { tool: tool.id, question: model.indicators[ti.indicator]!.id }));
    });
  });
  const missingTools = compiled.tools.filter((_, t) => knownTools[t] === null).map((t) => t.id);
  const missingIndicators = model.indicators.filter((_, i) => known[i] === null).map((i) => i.id);
  return {
    ok: false,
    problems,
    partial: {
      rules,
      indicators,
      tools,
      missing: { tools: missingTools, indicators: missingIndicators },
      total,
      rating,
      needs: needsText(compiled, missingTools, missingIndicators, absent),
    },
  };
}

/** "คะแนนรวมและระดับผลการประเมินต้องมีคะแนน IIT (ตัวชี้วัดที่ 4, 5) และ EIT ด้วย / …" */
function needsText(
  compiled: CompiledRules<ScoringModel>,
  missingTools: readonly string[],
  missingIndicators: readonly string[],
  absent: readonly (readonly boolean[])[],
): Label {
  const and = (xs: readonly string[], word: string): string =>
    xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} ${word} ${xs.at(-1)!}`;
  if (missingTools.length === 0) {
    return {
      th: `ไม่มีคะแนนรายตัวชี้วัดที่ ${missingIndicators.join(", ")} (ให้มาเป็นคะแนนรวมของแบบวัด)`,
      en: `indicators ${missingIndicators.join(", ")} have no scores (their tool was given as a whole)`,
    };
  }
  const parts = missingTools.map((id) => {
    const t = compiled.tools.findIndex((x) => x.id === id);
    const tool = compiled.tools[t]!;
    const gone = tool.indicators
      .filter((_, k) => absent[t]![k])
      .map((ti) => compiled.model.indicators[ti.indicator]!.id);
    const whole = gone.length === tool.indicators.length;
    return {
      th: whole ? id : `${id} (ตัวชี้วัดที่ ${gone.join(", ")})`,
      en: whole ? id : `${id} (indicator${gone.length > 1 ? "s" : ""} ${gone.join(", ")})`,
    };
  });
  return {
    th: `คะแนนรวมและระดับผลการประเมินยังคำนวณไม่ได้ ต้องมีคะแนน ${and(
      parts.map((p) => p.th),
      "และ",
    )} ด้วย`,
    en: `the total and rating cannot be computed yet: they need ${and(
      parts.map((p) => p.en),
      "and",
    )}`,
  };
}
