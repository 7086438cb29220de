/**
 * ITA custom functions (namespace ITA). Thin adapters over src/engine: read what
 * Excel passes (see cells.ts), pick the rules (rules.ts), call the engine, and turn
 * its problems into Excel errors with a Thai/English message (excel-errors.ts).
 * The metadata plugin reads the JSDoc below into functions.json and appends the
 * `CustomFunctions.associate` calls at build time; Thai help lives in functions.th.json.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes mixed cells; the metadata needs `any`. */
// The engine's parser-free door (scoring.ts), not its front door: the front door also
// offers the rules texts and the parser, which the functions' bundle must not carry (rules.ts).
import type { ScoringModel } from "../dsl/runtime.js";
import {
  answerPosition,
  findQuestion,
  scaleFor,
  scoreAnswers,
  type CompiledRules,
  evaluateRows,
  totalsOfRows,
  type Evaluation,
  type PartialEvaluation,
  type ScoreProblem,
  type ScoreRow,
  type Totals,
  type ToolResult,
  figure,
  passes,
  gapRows,
  rate,
  indicatorColumns,
  normaliseKey,
  normaliseTool,
  readNumber,
  type CellValue,
} from "../engine/scoring.js";
import {
  asMatrix,
  cellsOf,
  isBlankish,
  plainCell,
  scalar,
  suspiciousScores,
  tableRows,
  type TableArgs,
} from "./cells.js";
import { excelError, problemsError, rowPlace } from "./excel-errors.js";
import { resolveRules } from "./rules.js";

function isToolOf(compiled: CompiledRules<ScoringModel>): (name: string) => boolean {
  return (name) => compiled.toolByName.has(normaliseTool(name));
}

function evaluateTable(table: TableArgs, rules: unknown): Evaluation {
  const compiled = resolveRules(rules);
  const rows = tableRows(table, isToolOf(compiled));
  const outcome = evaluateRows(compiled, rows);
  const error = problemsError(outcome.problems) ?? suspiciousScores(rows, compiled.model);
  if (error) throw error;
  if (!outcome.ok) throw excelError("invalidValue", "คำนวณไม่ได้", "cannot evaluate");
  return outcome.evaluation;
}

/**
 * What the table gives even when some tools or indicators are not in it (the
 * engine's partial result): the functions that need only part of it (a tool, an
 * indicator, or the total when whole tools are given) answer; the rest is #N/A saying what is missing.
 */
function evaluatePart(table: TableArgs, rules: unknown): Evaluation | PartialEvaluation {
  const compiled = resolveRules(rules);
  const rows = tableRows(table, isToolOf(compiled));
  const outcome = evaluateRows(compiled, rows);
  usable(outcome, rows, compiled);
  return outcome.ok ? outcome.evaluation : outcome.partial!;
}

/** As `evaluatePart`, for the functions that read only the total, a tool's score or the rating. */
function totalsPart(table: TableArgs, rules: unknown): Totals | PartialEvaluation {
  const compiled = resolveRules(rules);
  const rows = tableRows(table, isToolOf(compiled));
  const outcome = totalsOfRows(compiled, rows);
  usable(outcome, rows, compiled);
  return outcome.ok ? outcome.totals : outcome.partial!;
}

/** Throws the Excel error for an outcome with nothing to show, or for scores that look mistyped. */
function usable(
  outcome: { readonly ok: boolean; readonly problems: readonly ScoreProblem[]; readonly partial?: unknown },
  rows: readonly ScoreRow[],
  compiled: CompiledRules<ScoringModel>,
): void {
  if (!outcome.ok && !outcome.partial) {
    throw problemsError(outcome.problems) ?? excelError("invalidValue", "คำนวณไม่ได้", "cannot evaluate");
  }
  const suspicious = suspiciousScores(rows, compiled.model);
  if (suspicious) throw suspicious;
}

/** #N/A with what the total and rating still need. */
function needs(p: Totals | PartialEvaluation): never {
  const n = "needs" in p ? p.needs : { th: "คำนวณไม่ได้", en: "cannot evaluate" };
  throw excelError("notAvailable", n.th, n.en);
}

function table(
  scores: unknown,
  questions: unknown,
  scoreColumn: unknown,
  agencies: unknown,
  agency: unknown,
): TableArgs {
  return { scores, questions, scoreColumn, agencies, agency };
}

function numberArg(v: unknown, what: { th: string; en: string }): number {
  const c = scalar(v, what);
  const n = readNumber(c);
  if (n.kind === "blank") throw excelError("invalidValue", `ไม่มี${what.th}`, `${what.en} is blank`);
  if (n.kind === "invalid")
    throw excelError("invalidValue", `${what.th} "${n.text}" ไม่ใช่ตัวเลข`, `${what.en} "${n.text}" is not a number`);
  if (n.value < 0 || n.value > 100) {
    throw excelError("invalidValue", `${what.th} ${n.value} อยู่นอกช่วง 0–100`, `${what.en} ${n.value} is outside 0–100`);
  }
  return n.value;
}

/**
 * The total ITA score, as published.
 * @customfunction TOTAL
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns The weighted total score.
 */
export function total(
  scores: any[][],
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): number {
  const e = totalsPart(table(scores, question_column, score_column, agency_column, agency), rules);
  return e.total ? e.total.published : needs(e);
}

/**
 * The ITA rating (band) of a score table, in Thai.
 * @customfunction RATING
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns The rating label.
 */
export function rating(
  scores: any[][],
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): string {
  const e = totalsPart(table(scores, question_column, score_column, agency_column, agency), rules);
  return e.rating ? e.rating.label.th : needs(e);
}

/** Tool scores as given to BAND: (tool, score) pairs, or scores in the rules' tool order. */
function toolFigures(compiled: CompiledRules<ScoringModel>, range: unknown): ToolResult[] {
  const model = compiled.model;
  const isTool = isToolOf(compiled);
  const m = asMatrix(range);
  const byTool = new Map<string, { value: number; place: string }>();
  const read = (v: unknown, place: string, tool: string): number => {
    const n = readNumber(plainCell(v, place));
    if (n.kind !== "number" || n.value < 0 || n.value > 100) {
      const text = n.kind === "invalid" ? n.text : n.kind === "number" ? String(n.value) : "";
      throw excelError(
        "invalidValue",
        `${place}: คะแนน ${tool} "${text}" ใช้ไม่ได้`,
        `${tool} score "${text}" is not a score 0–100`,
      );
    }
    return n.value;
  };
  const pairs = m.some((r) => r.length >= 2 && typeof r[0] === "string" && isTool(r[0]));
  if (pairs) {
    m.forEach((r, i) => {
      const place = rowPlace(i + 1);
      const [name, score] = [r[0], r[1]];
      if (isBlankish(name) && isBlankish(score)) return;
      if (!isTool(String(name ?? ""))) {
        if (i === 0 && readNumber(plainCell(score, place)).kind !== "number") return; // header
        throw excelError(
          "invalidValue",
          `${place}: ไม่มีแบบวัด "${String(name ?? "")}" ในเกณฑ์`,
          `no tool "${String(name ?? "")}" in the rules`,
        );
      }
      const id = compiled.toolByName.get(normaliseTool(String(name)))!;
      if (byTool.has(id)) throw excelError("invalidValue", `${place}: คะแนน ${id} ซ้ำ`, `${id} given twice`);
      byTool.set(id, { value: read(score, place, id), place });
    });
  } else {
    const cells = cellsOf(range);
    if (cells.length !== model.tools.length) {
      throw excelError(
        "invalidValue",
        `ต้องมีคะแนน ${model.tools.length} แบบวัด (${model.tools.map((t) => t.id).join(", ")}) ได้ ${cells.length}`,
        `needs ${model.tools.length} tool scores in order ${model.tools.map((t) => t.id).join(", ")}; got ${cells.length}`,
      );
    }
    cells.forEach((c, k) => {
      const id = model.tools[k]!.id;
      byTool.set(id, { value: read(c.value, rowPlace(c.row, c.column), id), place: "" });
    });
  }
  const missing = model.tools.filter((t) => !byTool.has(t.id)).map((t) => t.id);
  if (missing.length) {
    throw excelError("notAvailable", `ไม่มีคะแนนแบบวัด ${missing.join(", ")}`, `no score for ${missing.join(", ")}`);
  }
  return model.tools.map((t) => {
    const v = byTool.get(t.id)!.value;
    return { id: t.id, label: t.label, weight: t.weight, value: { exact: v, published: v } };
  });
}

/**
 * The rating band for published figures: a total and the tool scores.
 * @customfunction BAND
 * @param total The published total score.
 * @param tool_scores Tool scores: two columns (tool, score), or the scores in the rules' tool order.
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @returns The rating label.
 */
export function band(total: any, tool_scores: any[][], rules?: any): string {
  const compiled = resolveRules(rules);
  const t = numberArg(total, { th: "คะแนนรวม", en: "total" });
  const outcome = rate(compiled.model, { exact: t, published: t }, toolFigures(compiled, tool_scores), []);
  if (outcome.row < 0) throw excelError("notAvailable", outcome.label.th, outcome.label.en);
  return outcome.label.th;
}

/**
 * One tool's score (IIT, EIT, OIT …), as published.
 * @customfunction TOOL
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param tool The tool, e.g. "IIT".
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns The tool's score.
 */
export function tool(
  scores: any[][],
  tool: any,
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): number {
  const evaluation = totalsPart(table(scores, question_column, score_column, agency_column, agency), rules);
  const name = String(scalar(tool, { th: "แบบวัด", en: "tool" }) ?? "");
  const found = evaluation.tools.find((t) => normaliseTool(t.id) === normaliseTool(name));
  if (
    !found &&
    "missing" in evaluation &&
    evaluation.missing.tools.some((t) => normaliseTool(t) === normaliseTool(name))
  ) {
    throw excelError("notAvailable", `ยังไม่มีคะแนนครบสำหรับแบบวัด ${name}`, `not all of ${name} is given`);
  }
  if (!found) throw excelError("notAvailable", `ไม่พบแบบวัด ${name}`, `unknown tool ${name}`);
  return found.value.published;
}

/**
 * One indicator's score, as published (tools combined as the rules say).
 * @customfunction INDICATOR
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param indicator The indicator number, e.g. 9.
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns The indicator's score.
 */
export function indicator(
  scores: any[][],
  indicator: any,
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): number {
  const evaluation = evaluatePart(table(scores, question_column, score_column, agency_column, agency), rules);
  const id = String(scalar(indicator, { th: "ตัวชี้วัด", en: "indicator" }) ?? "");
  const found = evaluation.indicators.find((i) => normaliseKey(i.id) === normaliseKey(id));
  if (
    !found &&
    "missing" in evaluation &&
    evaluation.missing.indicators.some((i) => normaliseKey(i) === normaliseKey(id))
  ) {
    throw excelError("notAvailable", `ไม่มีคะแนนตัวชี้วัดที่ ${id}`, `indicator ${id} is not given`);
  }
  if (!found) throw excelError("notAvailable", `ไม่พบตัวชี้วัด ${id}`, `unknown indicator ${id}`);
  return found.value.published;
}

/**
 * Whether a score meets the rules' pass mark (ผ่านเกณฑ์ / ไม่ผ่านเกณฑ์).
 * @customfunction PASS
 * @param score An indicator score.
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @returns The pass or fail label.
 */
export function pass(score: any, rules?: any): string {
  const model = resolveRules(rules).model;
  const v = numberArg(score, { th: "คะแนน", en: "score" });
  if (!model.pass) {
    throw excelError("notAvailable", "เกณฑ์นี้ไม่มีเกณฑ์ผ่านรายตัวชี้วัด", "these rules have no per-indicator pass mark");
  }
  const ok = passes(model, figure(model, "indicator", v).published);
  return (ok ? model.pass.passLabel : model.pass.failLabel).th;
}

/**
 * The indicator table: number, tools, name, score and result, with a header row.
 * @customfunction INDICATORS
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns A table that spills: one row per indicator.
 */
export function indicators(
  scores: any[][],
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): any[][] {
  const evaluation = evaluateTable(table(scores, question_column, score_column, agency_column, agency), rules);
  // Rules without a pass mark have no result column.
  const withResult = evaluation.rules.pass !== null;
  return [
    // The engine's headings, as the results sheet, the report and `ita score` show them (Thai: a spilled cell does not wrap).
    indicatorColumns(withResult).map((h) => h.th),
    ...evaluation.indicators.map((i) => [
      /^\d+$/.test(i.id) ? Number(i.id) : i.id,
      i.tools.join(", "),
      i.label.th,
      i.value.published,
      ...(withResult && i.result ? [i.result.th] : []),
    ]),
  ];
}

/**
 * Deprecated, kept so workbooks that use it still compute: ITA.INDICATORS under its first name. RESULT is an Excel 4.0 macro function, a name Microsoft's custom-function naming rules reserve.
 * @customfunction RESULT
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns A table that spills: one row per indicator.
 */
export function result(
  scores: any[][],
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): any[][] {
  return indicators(scores, rules, question_column, score_column, agency_column, agency);
}

/**
 * What stands between this result and the next band up: one row per shortfall (text, points short).
 * @customfunction GAP
 * @param scores Score table: columns tool, question, score (header row optional).
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @param [question_column] With score_column: the question column, when the table's columns are not in the order tool, question, score (scores is then the tool column).
 * @param [score_column] With question_column: the score column.
 * @param [agency_column] For one agency of a table of many: the agency column, as tall as the table.
 * @param [agency] With agency_column: the agency whose rows are scored.
 * @returns A table that spills: one row per shortfall.
 */
export function gap(
  scores: any[][],
  rules?: any,
  question_column?: any[][],
  score_column?: any[][],
  agency_column?: any[][],
  agency?: any,
): any[][] {
  const r = evaluateTable(table(scores, question_column, score_column, agency_column, agency), rules).rating;
  if (r.row < 0) throw excelError("notAvailable", r.label.th, r.label.en);
  return gapRows(r);
}

/**
 * A question's score from raw survey answers, through the question's answer scale.
 * @customfunction QUESTION
 * @param answers The answers, one per cell (text or code); blank cells are skipped.
 * @param question The question id, e.g. "i1".
 * @param [rules] Rules: a bundled year such as 2568, or the name of rules saved in this workbook. Default: the latest year.
 * @returns The question's score.
 */
export function question(answers: any[][], question: any, rules?: any): number {
  const model = resolveRules(rules).model;
  const id = String(scalar(question, { th: "ข้อคำถาม", en: "question" }) ?? "");
  const q = findQuestion(model, id);
  if (!q) throw excelError("notAvailable", `ไม่พบข้อคำถาม ${id}`, `unknown question ${id}`);
  const scale = scaleFor(model, q);
  if (!scale) throw excelError("notAvailable", `ข้อ ${q.id} ไม่มีมาตรวัดคำตอบ`, `question ${q.id} has no answer scale`);
  const tools = model.indicators.find((i) => i.id === q.indicator)?.tools.join(", ") ?? "";
  let cells = cellsOf(answers);
  // A header row (e.g. the question text above a column of answers) is skipped when none of it is on the scale.
  const first = cells.filter((c) => c.row === 1);
  const onScale = (v: CellValue): boolean => answerPosition(scale, v) !== undefined;
  if (
    asMatrix(answers).length > 1 &&
    first.length > 0 &&
    first.every((c) => typeof c.value === "string" && !onScale(c.value))
  ) {
    cells = cells.filter((c) => c.row !== 1);
  }
  const columns = asMatrix(answers)[0]?.length ?? 1;
  const scored = scoreAnswers(
    scale,
    tools,
    q.id,
    cells.map((c) => ({ value: c.value, where: rowPlace(c.row, columns > 1 ? c.column : undefined) })),
  );
  if (!scored.ok) throw problemsError(scored.problems) ?? excelError("invalidValue", "คำนวณไม่ได้", "cannot score");
  return figure(model, "question", scored.score).published;
}
