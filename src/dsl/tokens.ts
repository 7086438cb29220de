/**
 * Tokens of the rules language and the one lexer instance.
 *
 * Keywords are English and lower-case; names and labels may be Thai. Every keyword
 * also belongs to the `Name` category, so a keyword is only reserved where the
 * grammar expects that keyword: a staff member may still call a scale `mean`.
 * Patterns never use `\p{…}`: chevrotain drops the `u` flag and such a pattern
 * silently matches nothing, so the Thai block is spelt out as `\u0E00-\u0E7F`.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\u00A0\uFEFF]+/, group: Lexer.SKIPPED });
const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });

/** Any word that can stand for a name: identifiers and, through this category, every keyword. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "ชื่อ (name)" });
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_\u0E01-\u0E4F\u0E5A-\u0E7F][A-Za-z0-9_\u0E00-\u0E7F]*/,
  categories: [Name],
  label: "ชื่อ (name)",
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\]|\\.)*"/,
  label: 'ข้อความในเครื่องหมายคำพูด ("text")',
});
/** An opening quote that is never closed; the lexer step turns it into ITA-L002. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\]|\\.)*/ });

/** Arabic or Thai digits (๐–๙), optionally with a decimal part. */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /[0-9\u0E50-\u0E59]+(?:\.[0-9\u0E50-\u0E59]+)*/,
  label: "ตัวเลข (number)",
});

// Keywords are plain strings, not regular expressions: chevrotain then reads a keyword's
// first character without analysing a pattern when it builds the lexer (at every start).
const kw = (word: string, label?: string): TokenType =>
  createToken({
    name: `Kw_${word.replace(/-/g, "_")}`,
    pattern: word,
    longer_alt: Identifier,
    categories: [Name],
    label: label ?? `"${word}"`,
  });

export const Assessment = kw("assessment");
export const Year = kw("year");
export const Rounding = kw("rounding");
export const Decimals = kw("decimals");
export const HalfUp = createToken({ name: "Kw_half_up", pattern: "half-up", label: '"half-up"' });
export const Publish = kw("publish");
export const Pass = kw("pass");
export const At = kw("at");
export const Else = kw("else");
export const Scale = kw("scale");
export const Code = kw("code");
export const Skip = kw("skip");
export const Tool = kw("tool");
export const Tools = kw("tools");
export const Weight = kw("weight");
export const Total = kw("total");
export const Indicator = kw("indicator");
export const Indicators = kw("indicators");
export const Subindicator = kw("subindicator");
export const Subindicators = kw("subindicators");
export const Question = kw("question");
export const Questions = kw("questions");
export const Reversed = kw("reversed");
export const Maintain = kw("maintain");
export const Raise = kw("raise");
export const Mean = kw("mean");
export const Weighted = kw("weighted");
export const Of = kw("of");
export const Combined = kw("combined");
export const Plan = kw("plan");
export const Measure = kw("measure");
export const Owner = kw("owner");
export const Steps = kw("steps");
export const Period = kw("period");
export const Rating = kw("rating");
export const First = kw("first");
export const Match = kw("match");
export const When = kw("when");
export const And = kw("and");
export const Every = kw("every");
export const Any = kw("any");
/** Descriptive text for reports: the assessment's principles, a tool's purpose. */
export const About = kw("about");
/** Provenance the pane shows under "ที่มา / sources": where the criteria come from, notes for staff. */
export const Source = kw("source");
export const Note = kw("note");
/** Marks a statement's value as inferred, not confirmed by NACC, with the reason. */
export const Provisional = kw("provisional");

export const LCurly = createToken({ name: "LCurly", pattern: /\{/, label: '"{"' });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/, label: '"}"' });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: '","' });
export const Percent = createToken({ name: "Percent", pattern: /%/, label: '"%"' });
export const Comparator = createToken({
  name: "Comparator",
  pattern: Lexer.NA,
  label: "เครื่องหมายเปรียบเทียบ (>=, <, …)",
});
const GreaterEq = createToken({ name: "GreaterEq", pattern: />=|≥/, categories: [Comparator], label: '">="' });
const LessEq = createToken({ name: "LessEq", pattern: /<=|≤/, categories: [Comparator], label: '"<="' });
const Greater = createToken({ name: "Greater", pattern: />/, categories: [Comparator], label: '">"' });
const Less = createToken({ name: "Less", pattern: /</, categories: [Comparator], label: '"<"' });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: '"="' });
/** Hyphen, en dash or em dash between two numbers: staff paste ranges from NACC's documents. */
export const Dash = createToken({ name: "Dash", pattern: /[-–—]/, label: '"-"' });

export const KEYWORDS: readonly TokenType[] = [
  Assessment,
  Year,
  Rounding,
  Decimals,
  Publish,
  Pass,
  At,
  Else,
  Scale,
  Code,
  Skip,
  Tools,
  Tool,
  Weighted,
  Weight,
  Total,
  Indicators,
  Indicator,
  Subindicators,
  Subindicator,
  Questions,
  Question,
  Reversed,
  Maintain,
  Raise,
  Mean,
  Of,
  Combined,
  Plan,
  Measure,
  Owner,
  Steps,
  Period,
  Rating,
  First,
  Match,
  When,
  And,
  Every,
  Any,
  About,
  Source,
  Note,
  Provisional,
];

export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  HalfUp,
  ...KEYWORDS,
  Name,
  Identifier,
  LCurly,
  RCurly,
  Comma,
  Percent,
  GreaterEq,
  LessEq,
  Greater,
  Less,
  Comparator,
  Equals,
  Dash,
];

/**
 * A lexer of the rules language. Chevrotain's checks of the token definitions run only
 * where asked (a test): like the parser's, nothing in them depends on the rules text, and
 * they take most of the lexer's making, 80–100 ms of `ita check`'s start.
 */
export function makeRulesLexer(validate: boolean): Lexer {
  return new Lexer([...ALL_TOKENS], {
    positionTracking: "full",
    ensureOptimizations: true,
    skipValidations: !validate,
  });
}

/** Built once per runtime; lexing is stateless. */
export const rulesLexer = makeRulesLexer(false);

const THAI_ZERO = 0x0e50;

/** Replace Thai digits with Arabic ones; everything else is left as it is. */
export function normaliseDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** The value of a string token: quotes removed, `\"` and `\\` unescaped, `\n` a line break. */
export function unquote(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === "n" ? "\n" : c));
}

/** Quote a value so that `unquote(quote(x)) === x`. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
