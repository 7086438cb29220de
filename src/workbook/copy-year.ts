/**
 * Start another year from a bundled one ("คัดลอก 2568 เป็น 2569"), for the rules
 * editor and the criteria view. Kept apart from the rules store because it needs a
 * bundled text and the parser, which the pane's start-up does not load.
 */
import { parseRules } from "../dsl/index.js";
import { toThaiDigits } from "../dsl/runtime.js";
import { bundledText } from "../engine/index.js";

/**
 * The text as it is, comments and all, with the year of the `assessment` statement (its
 * number and the year in its title, Arabic or Thai digits) changed, under a comment
 * saying where it came from. Undefined when the year is not bundled.
 */
export function copyYear(fromYear: string, toYear: string): string | undefined {
  const text = bundledText(fromYear);
  if (text === undefined) return undefined;
  const assessment = parseRules(text).ast.statements.find((s) => s.kind === "assessment");
  if (assessment?.kind !== "assessment" || !assessment.year) return undefined;
  const old = String(assessment.year.value);
  const relabel = (t: string): string => t.replaceAll(old, toYear).replaceAll(toThaiDigits(old), toThaiDigits(toYear));
  const start = assessment.span.offset;
  const end = start + assessment.span.length;
  const y = assessment.year.span;
  const statement = relabel(text.slice(start, y.offset)) + toYear + relabel(text.slice(y.offset + y.length, end));
  const note = `# คัดลอกจากเกณฑ์ ${old} เพื่อเป็นเกณฑ์ ${toYear} / copied from the ${old} rules as ${toYear}\n`;
  return note + text.slice(0, start) + statement + text.slice(end);
}
