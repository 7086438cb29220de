/**
 * The formatter: a syntax tree printed as the canonical rules file. One statement
 * per line, two-space indents, keywords in a fixed order, Arabic digits; comments
 * are kept as written (their text after `#` and the blank lines around them) and placed
 * before the statement they preceded. The bundled rules files are in this form. parse(format(f)) gives
 * the same model as f, and format is idempotent.
 */
import type * as A from "./ast.js";
import { quote } from "./tokens.js";

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly comments: readonly A.CommentNode[]) {}

  /**
   * Emit every comment that sits before `offset`, as written after its `#` (lists and
   * indented URLs inside a comment keep their shape), with the blank lines that set a
   * comment block apart from what precedes or follows it.
   */
  private commentsBefore(offset: number, indent: string): void {
    while (this.next < this.comments.length && this.comments[this.next]!.span.offset < offset) {
      const c = this.comments[this.next++]!;
      if (c.blankBefore) this.blank();
      this.lines.push(`${indent}#${c.raw}`);
      if (c.blankAfter) this.blank();
    }
  }

  line(offset: number, indent: string, text: string): void {
    this.commentsBefore(offset, indent);
    this.lines.push(`${indent}${text}`);
  }

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  finish(): string {
    this.commentsBefore(Number.POSITIVE_INFINITY, "");
    while (this.lines.length && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return `${this.lines.join("\n")}\n`;
  }
}

const num = (n: A.Located<number> | undefined): string => (n ? String(n.value) : "0");
const label = (l: A.Label | undefined): string =>
  l ? `${quote(l.th.value)}${l.en ? ` ${quote(l.en.value)}` : ""}` : quote("");
const method = (m: A.MethodNode | undefined): string => (m ? ` ${m.weighted ? "weighted " : ""}mean of ${m.of}` : "");
const weight = (w: A.Located<number> | undefined): string => (w ? ` weight ${w.value}` : "");

function range(r: A.RangeNode | undefined): string {
  if (!r) return "";
  if (r.written === "between") return `${num(r.min)} - ${num(r.max)}`;
  return `${r.written} ${r.written.startsWith(">") ? num(r.min) : num(r.max)}`;
}

function condition(c: A.ConditionNode): string {
  switch (c.subject) {
    case "total":
      return `total ${range(c.range)}`;
    case "every":
    case "any":
      return `${c.subject} tool ${range(c.range)}`;
    case "tool":
      return `tool ${c.toolId?.value ?? ""} ${range(c.range)}`;
  }
}

function question(p: Printer, q: A.QuestionNode, indent: string): void {
  const scale = q.scale ? ` scale ${q.scale.value}${q.reversed ? " reversed" : ""}` : "";
  p.line(q.span.offset, indent, `question ${q.id?.value ?? ""} ${label(q.label)}${scale}${weight(q.weight)}`);
  if (q.maintain) p.line(q.maintain.span.offset, `${indent}  `, `maintain ${quote(q.maintain.value)}`);
  if (q.raise) p.line(q.raise.span.offset, `${indent}  `, `raise ${quote(q.raise.value)}`);
}

function plan(p: Printer, n: A.PlanNode, indent: string): void {
  p.line(n.span.offset, indent, `plan ${quote(n.issue?.value ?? "")}`);
  const fields: [string, A.Located<string> | undefined][] = [
    ["measure", n.measure],
    ["owner", n.owner],
    ["steps", n.steps],
    ["period", n.period],
  ];
  for (const [k, v] of fields) if (v) p.line(v.span.offset, `${indent}  `, `${k} ${quote(v.value)}`);
}

/** `provisional "…"` on its own line, indented under the statement or inside its block. */
function provisional(p: Printer, l: A.Label | undefined, indent: string): void {
  if (l) p.line(l.th.span.offset, indent, `provisional ${label(l)}`);
}

function statement(p: Printer, s: A.Statement): void {
  switch (s.kind) {
    case "source":
    case "note":
      p.line(s.span.offset, "", `${s.kind} ${label(s.text)}`);
      return;
    case "assessment":
      p.line(s.span.offset, "", `assessment ${label(s.label)}${s.year ? ` year ${s.year.value}` : ""}`);
      if (s.about) p.line(s.about.span.offset, "  ", `about ${quote(s.about.value)}`);
      provisional(p, s.provisional, "  ");
      return;
    case "rounding": {
      const publish = s.publish.length ? ` publish ${s.publish.map((l) => l.value).join(", ")}` : "";
      p.line(s.span.offset, "", `rounding ${num(s.decimals)} decimals half-up${publish}`);
      provisional(p, s.provisional, "  ");
      return;
    }
    case "pass":
      p.line(s.span.offset, "", `pass at ${num(s.threshold)} ${label(s.passLabel)} else ${label(s.failLabel)}`);
      provisional(p, s.provisional, "  ");
      return;
    case "scale":
      p.line(s.span.offset, "", `scale ${s.id?.value ?? ""}${s.label ? ` ${label(s.label)}` : ""} {`);
      provisional(p, s.provisional, "  ");
      for (const a of s.answers) {
        const code = a.code ? ` code ${a.code.value}` : "";
        p.line(a.span.offset, "  ", `${quote(a.text.value)}${code} = ${a.points ? a.points.value : "skip"}`);
      }
      p.line(s.span.offset + s.span.length - 1, "", "}");
      return;
    case "tool":
      p.line(s.span.offset, "", `tool ${s.id?.value ?? ""} ${label(s.label)}${weight(s.weight)}${method(s.method)}`);
      if (s.about) p.line(s.about.span.offset, "  ", `about ${quote(s.about.value)}`);
      provisional(p, s.provisional, "  ");
      return;
    case "total":
      p.line(s.span.offset, "", `total${method(s.method)}`);
      provisional(p, s.provisional, "  ");
      return;
    case "indicator": {
      const tools = `${s.tools.length > 1 ? "tools" : "tool"} ${s.tools.map((t) => t.value).join(", ")}`;
      const combined = s.combined ? ` combined${method(s.combined)}` : "";
      p.line(
        s.span.offset,
        "",
        `indicator ${s.id?.value ?? ""} ${label(s.label)} ${tools}${weight(s.weight)}${method(s.method)}${combined} {`,
      );
      provisional(p, s.provisional, "  ");
      for (const item of s.items) {
        if (item.kind === "question") question(p, item, "  ");
        else if (item.kind === "plan") plan(p, item, "  ");
        else {
          p.line(
            item.span.offset,
            "  ",
            `subindicator ${item.id?.value ?? ""} ${label(item.label)}${weight(item.weight)}${method(item.method)} {`,
          );
          provisional(p, item.provisional, "    ");
          for (const q of item.questions) question(p, q, "    ");
          p.line(item.span.offset + item.span.length - 1, "  ", "}");
        }
      }
      p.line(s.span.offset + s.span.length - 1, "", "}");
      return;
    }
    case "rating":
      p.line(s.span.offset, "", `rating${s.label ? ` ${label(s.label)}` : ""} first match {`);
      provisional(p, s.provisional, "  ");
      for (const b of s.bands) {
        p.line(b.span.offset, "  ", `${label(b.label)} when ${b.conditions.map(condition).join(" and ")}`);
      }
      p.line(s.span.offset + s.span.length - 1, "", "}");
      return;
  }
}

/** Print a syntax tree (normally of a file without errors) as the canonical text. */
export function format(file: A.RulesFile): string {
  const p = new Printer(file.comments);
  let previous: A.Statement["kind"] | undefined;
  for (const s of file.statements) {
    // Blank lines between groups of statements, none inside a run of tools.
    const run = s.kind === "tool" || s.kind === "rounding" || s.kind === "source" || s.kind === "note";
    if (previous && !(run && (previous === s.kind || (s.kind === "note" && previous === "source")))) p.blank();
    statement(p, s);
    previous = s.kind;
  }
  return p.finish();
}
