/**
 * The golden baselines' frame of a diagnostic (test/dsl/golden.test.ts): the source
 * line with `~` under its span (or `^` for a point), aligned by visible characters.
 * Tabs are kept so the caret line lines up. Only the baselines print frames.
 */
import type { Diagnostic } from "../../src/dsl/index.js";
import { graphemeLength } from "../../src/dsl/runtime.js";

const segmenter = new Intl.Segmenter("th", { granularity: "grapheme" });

export function codeFrame(text: string, d: Diagnostic): string {
  const lines = text.split("\n");
  const line = lines[d.line - 1] ?? "";
  const lineStart = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const startInLine = Math.min(line.length, Math.max(0, d.offset - lineStart));
  const endInLine = Math.min(line.length, startInLine + d.length);
  const before = line.slice(0, startInLine);
  const pad = [...segmenter.segment(before)].map((s) => (s.segment === "\t" ? "\t" : " ")).join("");
  const width = Math.max(1, graphemeLength(line.slice(startInLine, endInLine)));
  const mark = endInLine > startInLine ? "~".repeat(width) : "^";
  return `${line}\n${pad}${mark}`;
}
