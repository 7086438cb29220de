/**
 * The editor's view of a rules text, without CodeMirror: token categories from the
 * real lexer (for highlighting), the places of the checker's diagnostics as editor
 * offsets and as the line/column a person counts, and the ids a completion can
 * offer. Kept apart from the CodeMirror code so it is tested under Node.
 *
 * Offsets: the checker's `offset`/`length` count UTF-16 units, as CodeMirror does,
 * so they are used as they are; columns shown to people are counted in graphemes
 * (a Thai vowel or tone mark above a consonant is no column of its own).
 */
import type { IToken, TokenType } from "chevrotain";
import {
  type RulesFile,
  Comparator,
  Dash,
  Equals,
  HalfUp,
  Identifier,
  KEYWORDS,
  NumberLiteral,
  Percent,
  rulesLexer,
  StringLiteral,
  UnterminatedString,
  type Diagnostic,
  graphemeColumn,
} from "../../dsl/index.js";

export type TokenClass = "keyword" | "string" | "number" | "comment" | "id" | "operator";

export interface TokenSpan {
  readonly from: number;
  readonly to: number;
  readonly cls: TokenClass;
}

const KEYWORD_TYPES = new Set<TokenType>([...KEYWORDS, HalfUp]);
const OPERATOR_TYPES = new Set<TokenType>([Dash, Equals, Percent]);

function classOf(t: IToken): TokenClass | undefined {
  const type = t.tokenType;
  if (KEYWORD_TYPES.has(type)) return "keyword";
  if (type === StringLiteral || type === UnterminatedString) return "string";
  if (type === NumberLiteral) return "number";
  if (type === Identifier) return "id";
  if (OPERATOR_TYPES.has(type) || type.CATEGORIES?.includes(Comparator)) return "operator";
  return undefined;
}

/** Every token of `text` with its category, in document order, as the lexer of the rules language sees it. */
export function tokenSpans(text: string): TokenSpan[] {
  const lexed = rulesLexer.tokenize(text);
  const spans: TokenSpan[] = [];
  for (const t of lexed.tokens) {
    const cls = classOf(t);
    if (cls) spans.push({ from: t.startOffset, to: t.startOffset + t.image.length, cls });
  }
  for (const t of (lexed.groups["comments"] ?? []) as IToken[]) {
    spans.push({ from: t.startOffset, to: t.startOffset + t.image.length, cls: "comment" });
  }
  return spans.sort((a, b) => a.from - b.from);
}

/** The keywords of the language, as typed. */
export const KEYWORD_WORDS: readonly string[] = [...KEYWORD_TYPES]
  .map((t) => (t.PATTERN instanceof RegExp ? t.PATTERN.source.replace(/\\-/g, "-") : String(t.PATTERN)))
  .sort();

export interface EditorRange {
  readonly from: number;
  readonly to: number;
  /** 1-based line and grapheme column, for the list of problems. */
  readonly line: number;
  readonly column: number;
}

/** Where a diagnostic belongs in the editor: never past the end, never empty unless the text is. */
export function diagnosticRange(text: string, d: Diagnostic): EditorRange {
  const from = Math.max(0, Math.min(d.offset, text.length));
  let to = Math.min(text.length, from + Math.max(1, d.length));
  // Never end between a consonant and its vowel or tone mark, nor inside a surrogate pair.
  while (to < text.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\uDC00-\uDFFF]/.test(text[to]!)) to++;
  // A point at a line break (e.g. "expected } at end of line") marks the character before it.
  const point = to === from && from > 0 ? from - 1 : from;
  return { from: point, to: Math.max(to, point), line: d.line, column: graphemeColumn(text, from) };
}

export type IdKind = "tool" | "indicator" | "subindicator" | "question" | "scale";

export interface KnownId {
  readonly id: string;
  readonly kind: IdKind;
  /** Thai label, to show beside the id in the completion list. */
  readonly label: string;
}

/** Ids declared in the text, read from the syntax tree so they are offered even while the text has errors. */
export function declaredIds(ast: RulesFile): KnownId[] {
  const out: KnownId[] = [];
  const add = (kind: IdKind, id: string | undefined, label: string | undefined): void => {
    if (id) out.push({ id, kind, label: label ?? "" });
  };
  for (const s of ast.statements) {
    if (s.kind === "tool") add("tool", s.id?.value, s.label?.th.value);
    else if (s.kind === "scale") add("scale", s.id?.value, s.label?.th.value);
    else if (s.kind === "indicator") {
      add("indicator", s.id?.value, s.label?.th.value);
      for (const item of s.items) {
        if (item.kind === "question") add("question", item.id?.value, item.label?.th.value);
        else if (item.kind === "subindicator") {
          add("subindicator", item.id?.value, item.label?.th.value);
          for (const q of item.questions) add("question", q.id?.value, q.label?.th.value);
        }
      }
    }
  }
  return out;
}

/** Which kinds of id fit after the word before the cursor: a scale after `scale`, tools after `tool(s)` or `every`. */
export function kindsAfter(previousWord: string | undefined): readonly IdKind[] | undefined {
  switch (previousWord) {
    case "scale":
      return ["scale"];
    case "tool":
    case "tools":
    case ",":
      return ["tool"];
    default:
      return undefined;
  }
}
