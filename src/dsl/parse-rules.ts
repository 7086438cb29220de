/**
 * Rules text in, diagnostics and (only when there is no error) a checked model out:
 * the parser, then the checker. Outside src/dsl this is reached through index.ts.
 */
import type { RulesFile } from "./ast.js";
import { check } from "./check.js";
import { hasErrors, type Diagnostic } from "./diagnostics.js";
import type { RulesModel } from "./model.js";
import { parseText } from "./parse.js";

export interface RulesResult {
  readonly ast: RulesFile;
  /** Present only when `diagnostics` holds no error. */
  readonly model?: RulesModel;
  readonly diagnostics: readonly Diagnostic[];
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.offset - b.offset || a.code.localeCompare(b.code);
}

export function parseRules(text: string): RulesResult {
  const parsed = parseText(text);
  if (hasErrors(parsed.diagnostics)) {
    return { ast: parsed.ast, diagnostics: [...parsed.diagnostics].sort(byPlace) };
  }
  const checked = check(parsed.ast);
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics].sort(byPlace);
  return checked.model && !hasErrors(diagnostics)
    ? { ast: parsed.ast, model: checked.model, diagnostics }
    : { ast: parsed.ast, diagnostics };
}
