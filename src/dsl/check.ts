/**
 * The checker: the syntax tree of a rules file → diagnostics, and a checked model
 * when there is no error. It owns every rule about what a year's criteria may say
 * (weights add up, ids resolve, each level states a method that fits its children,
 * the rating rows cover every case); the evaluator may then trust the model.
 */
import type * as A from "./ast.js";
import { makeDiagnostic, hasErrors, type Diagnostic, type DiagnosticCode, type SourceSpan } from "./diagnostics.js";
import type * as M from "./model.js";
import { boundsToUnits } from "./precision.js";
import { checkPassAgainstBands } from "./pass-bands.js";
import { checkRatingCoverage } from "./rating-coverage.js";

type Values = Record<string, string | number>;

/** The order the formatter and the bundled files follow; a missing statement belongs at its place in it. */
const STATEMENT_ORDER: readonly A.Statement["kind"][] = [
  "assessment",
  "rounding",
  "pass",
  "scale",
  "tool",
  "total",
  "indicator",
  "rating",
];

const REQUIRED = {
  assessment: {
    what: "assessment",
    th: "ชื่อและปีของการประเมิน",
    en: "the assessment's name and year",
    example: 'assessment "การประเมิน ITA ประจำปี 2569" year 2569',
  },
  rounding: {
    what: "rounding",
    th: "การปัดเศษ",
    en: "how figures are rounded",
    example: "rounding 2 decimals half-up publish question, subindicator, indicator, tool, total",
  },
  pass: {
    what: "pass at",
    th: "เกณฑ์ผ่านของตัวชี้วัด",
    en: "the indicators' pass mark",
    example: 'pass at 85 "ผ่านเกณฑ์" else "ไม่ผ่านเกณฑ์"',
  },
  total: {
    what: "total",
    th: "วิธีคำนวณคะแนนรวม",
    en: "how the total is computed",
    example: "total weighted mean of tools",
  },
  rating: {
    what: "rating",
    th: "ตารางระดับผลการประเมิน",
    en: "the rating table",
    example: 'rating "ระดับผลการประเมิน" first match { … }',
  },
} as const;

class Checker {
  readonly diagnostics: Diagnostic[] = [];

  report(code: DiagnosticCode, at: SourceSpan, values: Values = {}): void {
    this.diagnostics.push(makeDiagnostic(code, at, values));
  }

  label(l: A.Label | undefined): M.Label {
    return { th: l?.th.value ?? "", en: l?.en?.value ?? "" };
  }

  inRange(v: A.Located<number> | undefined, min: number, max: number): number | undefined {
    if (!v) return undefined;
    if (v.value < min || v.value > max) {
      this.report("ITA-C010", v.span, { value: v.value, min, max });
      return undefined;
    }
    return v.value;
  }

  single<T extends A.Statement>(file: A.RulesFile, kind: T["kind"], what: string, required: boolean): T | undefined {
    const found = file.statements.filter((s): s is T => s.kind === kind);
    for (const extra of found.slice(1)) this.report("ITA-C011", extra.span, { what });
    if (found.length === 0 && required) this.missing(file, kind);
    return found[0];
  }

  /** A required statement that is not there, reported where the canonical order puts it. */
  missing(file: A.RulesFile, kind: A.Statement["kind"]): void {
    const rank = STATEMENT_ORDER.indexOf(kind);
    const next = file.statements.find((s) => STATEMENT_ORDER.indexOf(s.kind) > rank);
    const last = file.statements[file.statements.length - 1];
    const r = REQUIRED[kind as keyof typeof REQUIRED];
    if (!r) return;
    const at = next ?? last;
    const place = at ? { ...at.span, length: 1 } : { offset: 0, length: 1, line: 1, column: 1 };
    this.report("ITA-C023", place, {
      what: r.what,
      whatTh: r.th,
      whatEn: r.en,
      example: r.example,
      whereTh: next ? `ก่อนบรรทัดนี้ (บรรทัด ${next.span.line})` : at ? `หลังส่วนที่เริ่มที่บรรทัด ${at.span.line}` : "ที่ต้นไฟล์",
      whereEn: next
        ? `before this line (line ${next.span.line})`
        : at
          ? `after the statement starting on line ${at.span.line}`
          : "at the start of the file",
    });
  }

  /** A plain mean over children that carry weights: the weights would be silently ignored. */
  ignoredWeights(
    method: A.MethodNode | undefined,
    at: SourceSpan,
    children: readonly { id?: A.Located<string>; weight?: A.Located<number> }[],
    parentTh: string,
    parentEn: string,
    childTh: string,
    childEn: string,
    of: A.ChildKind,
  ): void {
    if (method?.weighted) return;
    const weighted = children.filter((c) => c.weight !== undefined);
    if (weighted.length === 0) return;
    this.report("ITA-C022", method?.span ?? at, {
      weights: weighted.map((c) => `${c.id?.value ?? "?"} ${c.weight!.value}`).join(", "),
      parentTh,
      parentEn,
      childTh,
      childEn,
      of,
    });
  }

  methodFits(m: A.MethodNode | undefined, expected: A.ChildKind, kindTh: string, kindEn: string): boolean {
    if (!m) return false;
    if (m.of !== expected) {
      this.report("ITA-C012", m.span, {
        method: `${m.weighted ? "weighted " : ""}mean of ${m.of}`,
        kindTh,
        kindEn,
        whyTh: `ต้องเป็นค่าเฉลี่ยของ ${expected}`,
        whyEn: `it must be a mean of ${expected}`,
      });
      return false;
    }
    return true;
  }

  check(file: A.RulesFile): M.RulesModel | undefined {
    const assessment = this.single<A.AssessmentNode>(file, "assessment", "assessment", true);
    const rounding = this.single<A.RoundingNode>(file, "rounding", "rounding", true);
    // Optional: years before 2567 published no per-indicator pass label.
    const pass = this.single<A.PassNode>(file, "pass", "pass at", false);
    const total = this.single<A.TotalNode>(file, "total", "total", true);
    const rating = this.single<A.RatingNode>(file, "rating", "rating", true);
    const decimals = this.inRange(rounding?.decimals, 0, 6) ?? 2;
    const threshold = pass ? this.inRange(pass.threshold, 0, 100) : undefined;

    const scales = this.scales(file.statements.filter((s): s is A.ScaleNode => s.kind === "scale"));
    const toolNodes = file.statements.filter((s): s is A.ToolNode => s.kind === "tool");
    const totalWeighted = total?.method?.weighted ?? false;
    if (total?.method) this.methodFits(total.method, "tools", "คะแนนรวม", "total");
    if (total) {
      this.ignoredWeights(total.method, total.span, toolNodes, "คะแนนรวม", "the total", "แบบวัด", "tools", "tools");
    }
    const tools = this.tools(toolNodes, totalWeighted);
    const indicators = this.indicators(
      file.statements.filter((s): s is A.IndicatorNode => s.kind === "indicator"),
      tools,
      scales,
    );
    const indicatorNodes = file.statements.filter((s): s is A.IndicatorNode => s.kind === "indicator");
    for (const t of toolNodes) {
      const id = t.id?.value;
      if (!id || !tools.has(id)) continue;
      const measured = indicatorNodes.filter((n) => n.tools.some((x) => x.value === id));
      this.ignoredWeights(
        t.method,
        t.id!.span,
        measured,
        `แบบวัด ${id} `,
        `tool ${id}`,
        "ตัวชี้วัด",
        "indicators",
        "indicators",
      );
    }
    // A tool with no indicator can never be scored.
    for (const t of toolNodes) {
      const id = t.id?.value;
      if (id && tools.has(id) && !indicators.some((i) => i.tools.includes(id))) {
        this.report("ITA-C005", t.id?.span ?? t.span, { id });
      }
    }
    const errorsBefore = this.diagnostics.length;
    const rows = rating ? this.ratingRows(rating, tools, decimals) : [];
    // Coverage needs sound rows and tool weights; other errors elsewhere do not hide it.
    const weightsSound = !this.diagnostics.some((d) => d.code === "ITA-C001" || d.code === "ITA-C014");
    if (rating && this.diagnostics.length === errorsBefore && weightsSound) {
      const orderedTools = [...tools.values()];
      const weights = orderedTools.map((t) => (totalWeighted ? t.weight : 1));
      for (const d of checkRatingCoverage(
        rows,
        rating,
        orderedTools.map((t) => t.id),
        weights,
        decimals,
      )) {
        this.diagnostics.push(d);
      }
    }
    if (rating && pass && threshold !== undefined && !hasErrors(this.diagnostics)) {
      const d = checkPassAgainstBands(pass, threshold, rows, rating, [...tools.keys()], decimals);
      this.diagnostics.push(...d);
    }
    if (
      hasErrors(this.diagnostics) ||
      !assessment ||
      !rounding ||
      (pass && threshold === undefined) ||
      !total ||
      !rating
    )
      return undefined;

    const toolList: M.Tool[] = [...tools.values()].map((t) => ({
      ...t,
      indicators: indicators.filter((i) => i.tools.includes(t.id)).map((i) => i.id),
    }));
    const notes = file.statements
      .filter((s): s is A.NoteNode => s.kind === "source" || s.kind === "note")
      .map((n) => ({ kind: n.kind, text: this.label(n.text) }));
    const provisional = this.provisionalParts(file);
    return {
      ...(notes.length > 0 ? { notes } : {}),
      ...(provisional.length > 0 ? { provisional } : {}),
      name: this.label(assessment.label),
      ...(assessment.about ? { about: assessment.about.value } : {}),
      year: assessment.year?.value ?? 0,
      decimals,
      publish: rounding.publish.map((p) => p.value),
      pass:
        pass && threshold !== undefined
          ? { threshold, passLabel: this.label(pass.passLabel), failLabel: this.label(pass.failLabel) }
          : null,
      scales: [...scales.values()],
      tools: toolList,
      indicators,
      total: { weighted: totalWeighted },
      rating: { label: this.label(rating.label), rows },
    };
  }

  /** Every statement (and sub-indicator) marked `provisional`, in file order. */
  provisionalParts(file: A.RulesFile): M.ProvisionalPart[] {
    const out: M.ProvisionalPart[] = [];
    const add = (part: M.ProvisionalKind, reason: A.Label | undefined, id?: string): void => {
      if (reason) out.push({ part, ...(id !== undefined ? { id } : {}), reason: this.label(reason) });
    };
    const marked = file.statements.filter(
      (s): s is Exclude<A.Statement, A.NoteNode> => s.kind !== "source" && s.kind !== "note",
    );
    for (const s of marked) {
      const id = s.kind === "scale" || s.kind === "tool" || s.kind === "indicator" ? s.id?.value : undefined;
      add(s.kind, s.provisional, id);
      if (s.kind === "indicator") {
        for (const i of s.items) if (i.kind === "subindicator") add("subindicator", i.provisional, i.id?.value);
      }
    }
    return out;
  }

  scales(nodes: readonly A.ScaleNode[]): Map<string, M.Scale> {
    const out = new Map<string, M.Scale>();
    const seen = new Map<string, A.ScaleNode>();
    for (const n of nodes) {
      const id = n.id?.value;
      if (!id) continue;
      const prior = seen.get(id);
      if (prior) {
        this.report("ITA-C002", n.id!.span, { kindTh: "มาตรวัด", kindEn: "scale", id, line: prior.span.line });
        continue;
      }
      seen.set(id, n);
      const keys = new Set<string>();
      for (const a of n.answers) {
        for (const key of [a.text.value, a.code?.value].filter((k): k is string => k !== undefined)) {
          const norm = key.trim().toLowerCase();
          if (keys.has(norm)) this.report("ITA-C015", a.span, { id, answer: key });
          keys.add(norm);
        }
        if (a.points) this.inRange(a.points, 0, 100);
      }
      if (!n.answers.some((a) => a.points !== undefined)) this.report("ITA-C016", n.id!.span, { id });
      out.set(id, {
        id,
        label: this.label(n.label),
        answers: n.answers.map((a) => ({
          text: a.text.value,
          ...(a.code ? { code: a.code.value } : {}),
          points: a.points?.value ?? null,
        })),
      });
    }
    return out;
  }

  tools(nodes: readonly A.ToolNode[], totalWeighted: boolean): Map<string, Omit<M.Tool, "indicators">> {
    const out = new Map<string, Omit<M.Tool, "indicators">>();
    const lines = new Map<string, number>();
    let sum = 0;
    for (const n of nodes) {
      const id = n.id?.value;
      if (!id) continue;
      if (lines.has(id)) {
        this.report("ITA-C002", n.id!.span, { kindTh: "แบบวัด", kindEn: "tool", id, line: lines.get(id)! });
        continue;
      }
      lines.set(id, n.id!.span.line);
      const weight = this.inRange(n.weight, 0, 100);
      if (totalWeighted && n.weight === undefined) this.report("ITA-C014", n.id!.span, { id });
      sum += weight ?? 0;
      if (n.method) this.methodFits(n.method, "indicators", "แบบวัด", "tool");
      out.set(id, {
        id,
        label: this.label(n.label),
        weight: weight ?? 0,
        weighted: n.method?.weighted ?? false,
        ...(n.about ? { about: n.about.value } : {}),
      });
    }
    if (totalWeighted && out.size > 0 && Math.abs(sum - 100) > 1e-9) {
      const first = nodes.find((n) => n.weight)?.weight?.span ?? nodes[0]!.span;
      this.report("ITA-C001", first, { sum: Number(sum.toFixed(6)) });
    }
    return out;
  }

  indicators(
    nodes: readonly A.IndicatorNode[],
    tools: ReadonlyMap<string, Omit<M.Tool, "indicators">>,
    scales: ReadonlyMap<string, M.Scale>,
  ): M.Indicator[] {
    const out: M.Indicator[] = [];
    const lines = new Map<string, number>();
    // tool → question id → indicator that owns it there
    const owner = new Map<string, Map<string, string>>();
    const toolOrder = [...tools.keys()];
    for (const n of nodes) {
      const id = n.id?.value;
      if (!id) continue;
      if (lines.has(id)) {
        this.report("ITA-C002", n.id!.span, { kindTh: "ตัวชี้วัด", kindEn: "indicator", id, line: lines.get(id)! });
        continue;
      }
      lines.set(id, n.id!.span.line);
      const measuredBy: string[] = [];
      for (const t of n.tools) {
        if (!tools.has(t.value)) this.report("ITA-C003", t.span, { kindTh: "แบบวัด", kindEn: "tool", id: t.value });
        else if (!measuredBy.includes(t.value)) measuredBy.push(t.value);
      }
      measuredBy.sort((a, b) => toolOrder.indexOf(a) - toolOrder.indexOf(b));
      if (measuredBy.length > 1 && !n.combined) this.report("ITA-C017", n.id!.span, { id });
      if (n.combined) this.methodFits(n.combined, "tools", "การรวมตัวชี้วัด", "combination");
      if (n.combined?.weighted) {
        for (const t of measuredBy) if (!tools.get(t)!.weight) this.report("ITA-C014", n.id!.span, { id: t });
      }

      const subs = n.items.filter((i): i is A.SubindicatorNode => i.kind === "subindicator");
      const direct = n.items.filter((i): i is A.QuestionNode => i.kind === "question");
      if (subs.length > 0 && direct.length > 0) this.report("ITA-C013", n.id!.span, { id });
      const expected: A.ChildKind = subs.length > 0 ? "subindicators" : "questions";
      if (n.method) this.methodFits(n.method, expected, "ตัวชี้วัด", "indicator");
      this.ignoredWeights(
        n.method,
        n.id!.span,
        subs.length > 0 ? subs : direct,
        `ตัวชี้วัด ${id} `,
        `indicator ${id}`,
        subs.length > 0 ? "ตัวชี้วัดย่อย" : "ข้อคำถาม",
        subs.length > 0 ? "sub-indicators" : "questions",
        expected,
      );
      const weighted = n.method?.weighted ?? false;

      const seenQuestions = new Map<string, number>();
      const question = (q: A.QuestionNode, sub: string | undefined, weightedParent: boolean): M.Question[] => {
        const qid = q.id?.value;
        if (!qid) return [];
        if (seenQuestions.has(qid)) {
          this.report("ITA-C002", q.id!.span, {
            kindTh: "ข้อคำถาม",
            kindEn: "question",
            id: qid,
            line: seenQuestions.get(qid)!,
          });
          return [];
        }
        seenQuestions.set(qid, q.id!.span.line);
        for (const t of measuredBy) {
          const byTool = owner.get(t) ?? new Map<string, string>();
          owner.set(t, byTool);
          const first = byTool.get(qid);
          if (first !== undefined) this.report("ITA-C004", q.id!.span, { id: qid, tool: t, first, second: id });
          else byTool.set(qid, id);
        }
        if (q.scale && !scales.has(q.scale.value)) {
          this.report("ITA-C003", q.scale.span, { kindTh: "มาตรวัด", kindEn: "scale", id: q.scale.value });
        }
        if (weightedParent && !q.weight) this.report("ITA-C014", q.id!.span, { id: qid });
        if ((q.maintain === undefined) !== (q.raise === undefined)) {
          const missingMaintain = q.maintain === undefined;
          this.report("ITA-C018", q.id!.span, {
            id: qid,
            whichTh: missingMaintain ? "รักษาระดับ (maintain)" : "ยกระดับ (raise)",
            whichEn: missingMaintain ? "maintain" : "raise",
          });
        }
        return [
          {
            id: qid,
            text: this.label(q.label),
            indicator: id,
            ...(sub !== undefined ? { subindicator: sub } : {}),
            ...(q.scale ? { scale: q.scale.value } : {}),
            reversed: q.reversed,
            weight: this.inRange(q.weight, 0, 1000) ?? 1,
            ...(q.maintain ? { maintain: q.maintain.value } : {}),
            ...(q.raise ? { raise: q.raise.value } : {}),
          },
        ];
      };

      const subLines = new Map<string, number>();
      const subindicators: M.Subindicator[] = [];
      for (const s of subs) {
        const sid = s.id?.value;
        if (!sid) continue;
        if (subLines.has(sid)) {
          this.report("ITA-C002", s.id!.span, {
            kindTh: "ตัวชี้วัดย่อย",
            kindEn: "sub-indicator",
            id: sid,
            line: subLines.get(sid)!,
          });
          continue;
        }
        subLines.set(sid, s.id!.span.line);
        if (s.method) this.methodFits(s.method, "questions", "ตัวชี้วัดย่อย", "sub-indicator");
        this.ignoredWeights(
          s.method,
          s.id!.span,
          s.questions,
          `ตัวชี้วัดย่อย ${sid} `,
          `sub-indicator ${sid}`,
          "ข้อคำถาม",
          "questions",
          "questions",
        );
        if (weighted && !s.weight) this.report("ITA-C014", s.id!.span, { id: sid });
        const qs = s.questions.flatMap((q) => question(q, sid, s.method?.weighted ?? false));
        if (s.questions.length === 0) {
          this.report("ITA-C006", s.id!.span, { kindTh: "ตัวชี้วัดย่อย", kindEn: "sub-indicator", id: sid });
        }
        subindicators.push({
          id: sid,
          label: this.label(s.label),
          weight: this.inRange(s.weight, 0, 1000) ?? 1,
          weighted: s.method?.weighted ?? false,
          questions: qs,
        });
      }
      const questions = subs.length > 0 ? [] : direct.flatMap((q) => question(q, undefined, weighted));
      if (subs.length === 0 && direct.length === 0) {
        this.report("ITA-C006", n.id!.span, { kindTh: "ตัวชี้วัด", kindEn: "indicator", id });
      }
      out.push({
        id,
        label: this.label(n.label),
        tools: measuredBy,
        weight: this.inRange(n.weight, 0, 1000) ?? 1,
        weighted,
        combined: measuredBy.length > 1 && n.combined ? { weighted: n.combined.weighted } : null,
        subindicators,
        questions,
        plans: n.items
          .filter((i): i is A.PlanNode => i.kind === "plan")
          .map((p) => ({
            issue: p.issue?.value ?? "",
            measure: p.measure?.value ?? "",
            owner: p.owner?.value ?? "",
            steps: p.steps?.value ?? "",
            period: p.period?.value ?? "",
          })),
      });
    }
    // Weighted tools need weights on their indicators.
    for (const t of tools.values()) {
      if (!t.weighted) continue;
      for (const n of nodes) {
        if (n.id && n.tools.some((x) => x.value === t.id) && !n.weight) {
          this.report("ITA-C014", n.id.span, { id: n.id.value });
        }
      }
    }
    return out;
  }

  ratingRows(
    rating: A.RatingNode,
    tools: ReadonlyMap<string, Omit<M.Tool, "indicators">>,
    decimals: number,
  ): M.RatingRow[] {
    return rating.bands.map((b) => ({
      label: this.label(b.label),
      conditions: b.conditions.flatMap((c): M.Condition[] => {
        if (c.subject === "tool" && c.toolId && !tools.has(c.toolId.value)) {
          this.report("ITA-C003", c.toolId.span, { kindTh: "แบบวัด", kindEn: "tool", id: c.toolId.value });
          return [];
        }
        const r = c.range;
        if (!r) return [];
        const min = this.inRange(r.min, 0, 100);
        const max = this.inRange(r.max, 0, 100);
        const b2 = {
          ...(min !== undefined ? { min } : {}),
          minInclusive: r.minInclusive,
          ...(max !== undefined ? { max } : {}),
          maxInclusive: r.maxInclusive,
        };
        const { lo, hi } = boundsToUnits(b2, decimals);
        return [
          {
            subject: c.subject,
            ...(c.toolId ? { tool: c.toolId.value } : {}),
            lo,
            hi,
            ...b2,
          },
        ];
      }),
    }));
  }
}

export function check(file: A.RulesFile): { model?: M.RulesModel; diagnostics: Diagnostic[] } {
  const c = new Checker();
  const model = c.check(file);
  return model ? { model, diagnostics: c.diagnostics } : { diagnostics: c.diagnostics };
}
