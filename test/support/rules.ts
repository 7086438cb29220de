/** Shared test helpers: the small valid rules file and ways to break it. */
import { readFileSync } from "node:fs";
import { parseRules } from "../../src/dsl/index.js";
import type { Diagnostic } from "../../src/dsl/diagnostics.js";

export const MINI = readFileSync(new URL("../fixtures/mini.ita", import.meta.url), "utf8");

/** MINI with one exact piece of text replaced; fails loudly if the piece is not there. */
export function miniWith(find: string, replace: string): string {
  if (!MINI.includes(find)) throw new Error(`fixture does not contain: ${find}`);
  return MINI.replace(find, replace);
}

export function codes(text: string): string[] {
  return parseRules(text).diagnostics.map((d) => d.code);
}

export function only(text: string, code: string): Diagnostic {
  const ds = parseRules(text).diagnostics.filter((d) => d.code === code);
  if (ds.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(parseRules(text).diagnostics)}`);
  return ds[0]!;
}
