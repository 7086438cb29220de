/**
 * Concrete syntax tree → typed syntax tree. Tolerates the holes error recovery
 * leaves (a missing child becomes an absent field) and turns number images,
 * Thai digits included, into numbers.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import { makeDiagnostic, type Diagnostic, type SourceSpan } from "./diagnostics.js";
import { normaliseDigits, unquote } from "./tokens.js";

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function real(t: IToken | undefined): IToken | undefined {
  if (!t || t.isInsertedInRecovery || !(t.startOffset >= 0)) return undefined;
  return t;
}

function tokenAt(c: Children, key: string, i = 0): IToken | undefined {
  const e = c[key]?.[i];
  return e && isToken(e) ? real(e) : undefined;
}

function tokens(c: Children, key: string): IToken[] {
  return (c[key] ?? []).filter(isToken).flatMap((t) => (real(t) ? [t] : []));
}

function node(c: Children, key: string, i = 0): CstNode | undefined {
  const e = c[key]?.[i];
  return e && !isToken(e) ? e : undefined;
}

function nodes(c: Children, key: string): CstNode[] {
  return (c[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function spanOfToken(t: IToken): SourceSpan {
  return {
    offset: t.startOffset,
    length: (t.endOffset ?? t.startOffset) - t.startOffset + 1,
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
  };
}

function spanOfNode(n: CstNode): SourceSpan {
  const l = n.location;
  if (!l || !(l.startOffset >= 0)) return { offset: 0, length: 1, line: 1, column: 1 };
  const end = l.endOffset !== undefined && l.endOffset >= l.startOffset ? l.endOffset : l.startOffset;
  return { offset: l.startOffset, length: end - l.startOffset + 1, line: l.startLine ?? 1, column: l.startColumn ?? 1 };
}

class Builder {
  readonly diagnostics: Diagnostic[] = [];

  /** `{ provisional }` when the statement is marked, `{}` otherwise. */
  provisional(c: Children): { provisional?: A.Label } {
    const n = node(c, "provisional");
    const l = n ? this.label(node(n.children, "label")) : undefined;
    return l ? { provisional: l } : {};
  }

  /** `{ about }` when the clause is there, `{}` otherwise, so files without it build the same tree as before. */
  about(n: CstNode | undefined): { about?: A.Located<string> } {
    const text = n ? this.str(tokenAt(n.children, "text")) : undefined;
    return text ? { about: text } : {};
  }

  str(t: IToken | undefined): A.Located<string> | undefined {
    return t ? { value: unquote(t.image), span: spanOfToken(t) } : undefined;
  }

  name(t: IToken | undefined): A.Located<string> | undefined {
    return t ? { value: normaliseDigits(t.image), span: spanOfToken(t) } : undefined;
  }

  num(t: IToken | undefined): A.Located<number> | undefined {
    if (!t) return undefined;
    const text = normaliseDigits(t.image);
    if (!/^\d+(\.\d+)?$/.test(text)) {
      this.diagnostics.push(makeDiagnostic("ITA-P003", spanOfToken(t), { text: t.image }));
      return undefined;
    }
    return { value: Number(text), span: spanOfToken(t) };
  }

  label(n: CstNode | undefined): A.Label | undefined {
    if (!n) return undefined;
    const th = this.str(tokenAt(n.children, "th"));
    if (!th) return undefined;
    const en = this.str(tokenAt(n.children, "en"));
    return en ? { th, en } : { th };
  }

  method(n: CstNode | undefined): A.MethodNode | undefined {
    const of = n && tokenAt(n.children, "of");
    if (!n || !of) return undefined;
    return { weighted: tokens(n.children, "Kw_weighted").length > 0, of: of.image as A.ChildKind, span: spanOfNode(n) };
  }

  weight(n: CstNode | undefined): A.Located<number> | undefined {
    return n ? this.num(tokenAt(n.children, "value")) : undefined;
  }

  file(root: CstNode, comments: readonly IToken[], others: readonly IToken[]): A.RulesFile {
    const statements: A.Statement[] = [];
    for (const st of nodes(root.children, "statement")) {
      const [kind] = Object.keys(st.children);
      const inner = kind ? node(st.children, kind) : undefined;
      const built = inner && this.statement(kind as string, inner);
      if (built) statements.push(built);
    }
    return {
      statements,
      comments: commentNodes(comments, others),
    };
  }

  statement(kind: string, n: CstNode): A.Statement | undefined {
    const c = n.children;
    const span = spanOfNode(n);
    switch (kind) {
      case "assessment":
        return {
          kind: "assessment",
          span,
          label: this.label(node(c, "label")),
          year: this.num(tokenAt(c, "year")),
          ...this.about(node(c, "about")),
          ...this.provisional(c),
        };
      case "rounding":
        return {
          kind: "rounding",
          span,
          decimals: this.num(tokenAt(c, "decimals")),
          publish: nodes(c, "level").flatMap((l) => {
            const t = Object.values(l.children)
              .flat()
              .find((e): e is IToken => isToken(e) && real(e) !== undefined);
            return t ? [{ value: t.image as A.Level, span: spanOfToken(t) }] : [];
          }),
          ...this.provisional(c),
        };
      case "passRule":
        return {
          kind: "pass",
          span,
          threshold: this.num(tokenAt(c, "threshold")),
          passLabel: this.label(node(c, "passLabel")),
          failLabel: this.label(node(c, "failLabel")),
          ...this.provisional(c),
        };
      case "scale":
        return {
          kind: "scale",
          span,
          id: this.name(tokenAt(c, "id")),
          label: this.label(node(c, "label")),
          answers: nodes(c, "answer").flatMap((a) => {
            const text = this.str(tokenAt(a.children, "text"));
            if (!text) return [];
            const codeTok = tokenAt(a.children, "code");
            const answer: A.AnswerNode = {
              span: spanOfNode(a),
              text,
              code: this.name(codeTok),
              points: this.num(tokenAt(a.children, "points")),
            };
            return [answer];
          }),
          ...this.provisional(c),
        };
      case "tool":
        return {
          kind: "tool",
          span,
          id: this.name(tokenAt(c, "id")),
          label: this.label(node(c, "label")),
          weight: this.weight(node(c, "weight")),
          method: this.method(node(c, "method")),
          ...this.about(node(c, "about")),
          ...this.provisional(c),
        };
      case "total":
        return { kind: "total", span, method: this.method(node(c, "method")), ...this.provisional(c) };
      case "source":
      case "note":
        return { kind, span, text: this.label(node(c, "label")) };
      case "indicator":
        return this.indicator(n);
      case "rating":
        return {
          kind: "rating",
          span,
          label: this.label(node(c, "label")),
          bands: nodes(c, "band").map((b) => this.band(b)),
          ...this.provisional(c),
        };
      default:
        return undefined;
    }
  }

  indicator(n: CstNode): A.IndicatorNode {
    const c = n.children;
    const items: (A.SubindicatorNode | A.QuestionNode | A.PlanNode)[] = [];
    // Keep source order: sub-indicators, questions and plans may interleave.
    const all = [...nodes(c, "subindicator"), ...nodes(c, "question"), ...nodes(c, "plan")].sort(
      (a, b) => spanOfNode(a).offset - spanOfNode(b).offset,
    );
    for (const item of all) {
      if (item.name === "subindicator") items.push(this.subindicator(item));
      else if (item.name === "question") items.push(this.question(item));
      else items.push(this.plan(item));
    }
    return {
      kind: "indicator",
      span: spanOfNode(n),
      id: this.name(tokenAt(c, "id")),
      label: this.label(node(c, "label")),
      toolsKeyword: tokens(c, "Kw_tools").length > 0 ? "tools" : "tool",
      tools: tokens(c, "tools").map((t) => ({ value: t.image, span: spanOfToken(t) })),
      weight: this.weight(node(c, "weight")),
      method: this.method(node(c, "method")),
      combined: this.method(node(c, "combined")),
      items,
      ...this.provisional(c),
    };
  }

  subindicator(n: CstNode): A.SubindicatorNode {
    const c = n.children;
    return {
      kind: "subindicator",
      span: spanOfNode(n),
      id: this.name(tokenAt(c, "id")),
      label: this.label(node(c, "label")),
      weight: this.weight(node(c, "weight")),
      method: this.method(node(c, "method")),
      questions: nodes(c, "question").map((q) => this.question(q)),
      ...this.provisional(c),
    };
  }

  question(n: CstNode): A.QuestionNode {
    const c = n.children;
    return {
      kind: "question",
      span: spanOfNode(n),
      id: this.name(tokenAt(c, "id")),
      label: this.label(node(c, "label")),
      scale: this.name(tokenAt(c, "scale")),
      reversed: tokens(c, "Kw_reversed").length > 0,
      weight: this.weight(node(c, "weight")),
      maintain: this.str(tokenAt(c, "maintain")),
      raise: this.str(tokenAt(c, "raise")),
    };
  }

  plan(n: CstNode): A.PlanNode {
    const c = n.children;
    return {
      kind: "plan",
      span: spanOfNode(n),
      issue: this.str(tokenAt(c, "issue")),
      measure: this.str(tokenAt(c, "measure")),
      owner: this.str(tokenAt(c, "owner")),
      steps: this.str(tokenAt(c, "steps")),
      period: this.str(tokenAt(c, "period")),
    };
  }

  band(n: CstNode): A.BandNode {
    return {
      span: spanOfNode(n),
      label: this.label(node(n.children, "label")),
      conditions: nodes(n.children, "condition").map((cn) => this.condition(cn)),
    };
  }

  condition(n: CstNode): A.ConditionNode {
    const c = n.children;
    const q = tokenAt(c, "quantifier");
    const subject: A.ConditionNode["subject"] = q
      ? (q.image as "every" | "any")
      : tokenAt(c, "Kw_total")
        ? "total"
        : "tool";
    return {
      span: spanOfNode(n),
      subject,
      toolId: this.name(tokenAt(c, "toolId")),
      range: this.range(node(c, "range")),
    };
  }

  range(n: CstNode | undefined): A.RangeNode | undefined {
    if (!n) return undefined;
    const c = n.children;
    const span = spanOfNode(n);
    const cmp = tokenAt(c, "Comparator");
    if (cmp) {
      const bound = this.num(tokenAt(c, "bound"));
      if (!bound) return undefined;
      const op = (cmp.image === "≥" ? ">=" : cmp.image === "≤" ? "<=" : cmp.image) as A.Comparison;
      return op.startsWith(">")
        ? { span, min: bound, minInclusive: op === ">=", maxInclusive: true, written: op }
        : { span, max: bound, maxInclusive: op === "<=", minInclusive: true, written: op };
    }
    const from = this.num(tokenAt(c, "from"));
    const to = this.num(tokenAt(c, "to"));
    if (!from || !to) return undefined;
    return { span, min: from, minInclusive: true, max: to, maxInclusive: true, written: "between" };
  }
}

const endLine = (t: IToken): number => (t.startLine ?? 1) + (t.image.match(/\n/g)?.length ?? 0);

/** Comments with the blank lines around them, measured against every other token and comment. */
function commentNodes(comments: readonly IToken[], others: readonly IToken[]): A.CommentNode[] {
  const all = [...comments, ...others].sort((a, b) => a.startOffset - b.startOffset);
  const at = new Map(all.map((t, i) => [t, i]));
  return comments.map((t) => {
    const i = at.get(t)!;
    const before = all[i - 1];
    const after = all[i + 1];
    const line = t.startLine ?? 1;
    return {
      value: t.image.slice(1).trim(),
      raw: t.image.slice(1).trimEnd(),
      span: spanOfToken(t),
      blankBefore: before !== undefined && line - endLine(before) >= 2,
      blankAfter: after !== undefined && (after.startLine ?? 1) - line >= 2,
    };
  });
}

/** `others`: the tokens that are not comments, to tell where blank lines stand between comments and code. */
export function toAst(
  root: CstNode,
  comments: readonly IToken[],
  others: readonly IToken[] = [],
): { ast: A.RulesFile; diagnostics: Diagnostic[] } {
  const b = new Builder();
  const ast = b.file(root, comments, others);
  return { ast, diagnostics: b.diagnostics };
}
