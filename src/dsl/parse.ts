/**
 * Rules text → syntax tree, with every lexer and parser problem as a located,
 * bilingual diagnostic. Chevrotain's own messages are never shown: the error
 * message provider hands back a code and values, rendered from the catalogue.
 */
import type { IRecognitionException, IToken, ILexingError } from "chevrotain";
import { EOF } from "chevrotain";
import type { RulesFile } from "./ast.js";
import { makeDiagnostic, type Diagnostic, type DiagnosticCode, type SourceSpan } from "./diagnostics.js";
import { sharedParser } from "./parser.js";
import type { Encoded } from "./parser-messages.js";
import { toAst, spanOfToken } from "./to-ast.js";
import { rulesLexer, UnterminatedString } from "./tokens.js";

function endOf(t: IToken): SourceSpan {
  const s = spanOfToken(t);
  const lines = t.image.split("\n");
  const lastLine = lines[lines.length - 1] ?? "";
  return lines.length > 1
    ? { offset: s.offset + s.length, length: 1, line: s.line + lines.length - 1, column: lastLine.length + 1 }
    : { offset: s.offset + s.length, length: 1, line: s.line, column: s.column + s.length };
}

/** Where a parser error belongs: its token, or, at end of input, just after the last real token. */
function placeOf(e: IRecognitionException, lastToken: IToken | undefined): SourceSpan {
  const t = e.token;
  if (t && t.tokenType !== EOF && t.startOffset >= 0 && !t.isInsertedInRecovery) return spanOfToken(t);
  const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const anchor = prev && prev.startOffset >= 0 ? prev : lastToken;
  return anchor ? endOf(anchor) : { offset: 0, length: 1, line: 1, column: 1 };
}

function lexDiagnostic(e: ILexingError, text: string): Diagnostic {
  const snippet = text.slice(e.offset, e.offset + e.length);
  return makeDiagnostic(
    "ITA-L001",
    { offset: e.offset, length: e.length, line: e.line ?? 1, column: e.column ?? 1 },
    { text: snippet.length > 20 ? `${snippet.slice(0, 20)}…` : snippet },
  );
}

export interface ParseResult {
  readonly ast: RulesFile;
  readonly diagnostics: Diagnostic[];
}

/** Lex and parse; never throws, whatever the text. */
export function parseText(text: string): ParseResult {
  const lexed = rulesLexer.tokenize(text);
  const diagnostics: Diagnostic[] = lexed.errors.map((e) => lexDiagnostic(e, text));
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType === UnterminatedString) diagnostics.push(makeDiagnostic("ITA-L002", spanOfToken(t)));
    else tokens.push(t);
  }
  const parser = sharedParser();
  parser.input = tokens;
  const cst = parser.file();
  const lastToken = tokens[tokens.length - 1];
  // After an unterminated quote the rest of the file is one broken string: later parser errors are noise.
  const cut = Math.min(...diagnostics.filter((d) => d.code === "ITA-L002").map((d) => d.offset));
  for (const e of parser.errors) {
    let code: DiagnosticCode = "ITA-P002";
    let values: Record<string, string> = { found: "?", contextTh: "", contextEn: "" };
    try {
      const decoded = JSON.parse(e.message) as Encoded;
      code = decoded.code;
      values = decoded.values;
    } catch {
      // A message chevrotain built itself (should not happen); keep its place at least.
    }
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    // A missing "{" belongs to the header line before it, not to the next line's first word.
    const at = code === "ITA-P004" && prev && prev.startOffset >= 0 ? endOf(prev) : placeOf(e, lastToken);
    const atEnd = !e.token || e.token.tokenType === EOF || !(e.token.startOffset >= 0);
    if (at.offset < cut && !(atEnd && cut !== Infinity)) diagnostics.push(makeDiagnostic(code, at, values));
  }
  const comments = (lexed.groups["comments"] ?? []) as IToken[];
  const built = toAst(cst, comments, tokens);
  diagnostics.push(...built.diagnostics);
  return { ast: built.ast, diagnostics };
}
