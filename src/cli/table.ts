/**
 * Plain-text tables for the terminal, aligned by visible characters: Thai vowels
 * and tone marks take no column, so padding counts graphemes, not UTF-16 units.
 */
import { graphemeLength } from "../dsl/runtime.js";

export function renderTable(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, graphemeLength(c))));
  return rows
    .map((r) =>
      r
        .map((c, i) => {
          const pad = " ".repeat((widths[i] ?? 0) - graphemeLength(c));
          return rightAligned.includes(i) ? pad + c : c + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
