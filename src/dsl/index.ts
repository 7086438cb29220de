/**
 * The rules language's front door: text in, diagnostics and (only when there is
 * no error) a checked model out; formatting, structured edits and the lexer for the
 * editor. Everything outside src/dsl goes through here or, when the parser must not
 * be loaded, through runtime.ts (re-exported below). eslint.config.js enforces it.
 */
export * from "./runtime.js";
export { parseRules, type RulesResult } from "./parse-rules.js";
export { format } from "./format.js";
export {
  applyEdit,
  brokenRanges,
  formatNumber,
  isBroken,
  type ConditionSpec,
  type LabelText,
  type RulesEdit,
} from "./edit.js";
export type * as Ast from "./ast.js";
export type { RulesFile } from "./ast.js";
export {
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
} from "./tokens.js";
