import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import type { RatingNode } from "../../src/dsl/ast.js";
import type { Diagnostic, SourceSpan } from "../../src/dsl/diagnostics.js";
import { parseRules } from "../../src/dsl/index.js";
import type { Condition, RatingRow } from "../../src/dsl/model.js";
import { checkRatingCoverage } from "../../src/dsl/rating-coverage.js";
import { referenceRatingCoverage } from "../support/rating-coverage-reference.js";
import { MINI } from "../support/rules.js";

const span = (line: number): SourceSpan => ({ offset: line * 10, length: 5, line, column: 1 });
const nodeFor = (n: number): RatingNode => ({
  kind: "rating",
  span: span(1),
  bands: Array.from({ length: n }, (_, k) => ({ span: span(k + 2), conditions: [] })),
});

/** MINI with its rating table replaced by the given band lines. */
function withBands(lines: readonly string[]): string {
  const start = MINI.indexOf("rating ");
  return `${MINI.slice(0, start)}rating "ระดับ" first match {\n${lines.join("\n")}\n}\n`;
}

const units = (u: number): string => (u / 100).toFixed(2);

/** Milliseconds of CPU this process spent in `run`: other work on a shared machine does not count. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe("rating coverage", () => {
  it("finds the same gaps, overlaps and unreachable rows as the per-case reference on random tables", () => {
    const tools = ["A", "B"];
    const max = 100; // one decimal place off: 0 decimals keeps the cases small
    const bound = fc.integer({ min: -2, max: max + 2 });
    const condition: fc.Arbitrary<Condition> = fc
      .record({
        subject: fc.constantFrom("total", "total", "every", "any", "tool"),
        tool: fc.constantFrom(...tools),
        a: bound,
        b: bound,
      })
      .map(({ subject, tool, a, b }) => ({
        subject,
        ...(subject === "tool" ? { tool } : {}),
        lo: Math.max(0, Math.min(a, b) - (a % 7 === 0 ? 10 : 0)),
        hi: Math.min(max, Math.max(a, b)),
        minInclusive: true,
        maxInclusive: true,
      }));
    const row: fc.Arbitrary<RatingRow> = fc
      .array(condition, { minLength: 0, maxLength: 3 })
      .map((conditions) => ({ label: { th: "r", en: "" }, conditions }));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 2 }),
        (rows, toolCount, weights) => {
          const labelled = rows.map((r, k) => ({ ...r, label: { th: `r${k}`, en: "" } }));
          const ids = tools.slice(0, toolCount);
          const w = weights.slice(0, toolCount);
          assert.deepEqual(
            checkRatingCoverage(labelled, nodeFor(rows.length), ids, w, 0),
            referenceRatingCoverage(labelled, nodeFor(rows.length), ids, w, 0),
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  for (const file of readdirSync("rules").filter((f) => f.endsWith(".ita"))) {
    it(`gives the reference's findings for the bundled rules/${file}`, () => {
      const parsed = parseRules(readFileSync(`rules/${file}`, "utf8"));
      const model = parsed.model!;
      const node = parsed.ast.statements.find((s): s is RatingNode => s.kind === "rating")!;
      const ids = model.tools.map((t) => t.id);
      const weights = model.tools.map((t) => (model.total.weighted ? t.weight : 1));
      const actual = checkRatingCoverage(model.rating.rows, node, ids, weights, model.decimals);
      assert.deepEqual(actual, referenceRatingCoverage(model.rating.rows, node, ids, weights, model.decimals));
    });
  }

  it("checks a table of 10,000 bands in under 2 seconds of CPU time, naming its one gap, one overlap and the row it hides", () => {
    // One band per hundredth from 0.00 to 99.99 and one for 100; 42.00 left out, 77.77 twice.
    const lines = Array.from({ length: 10000 }, (_, u) =>
      u === 4200
        ? `  "b${u}" when total ${units(u + 1)} - ${units(u + 1)}`
        : `  "b${u}" when total ${units(u)} - ${units(u)}`,
    );
    lines.push(`  "top" when total >= 100`);
    let ds: readonly Diagnostic[] = [];
    const elapsed = cpuMs(() => (ds = parseRules(withBands(lines)).diagnostics));
    assert.deepEqual(
      ds.map((d) => [d.code, d.en]),
      [
        ["ITA-C007", "no rating row covers a total of 42.00–42.00"],
        ["ITA-C008", 'the range of "b4201" overlaps "b4200" at 42.01–42.01'],
        ["ITA-C009", 'rating "b4201" can never be reached: earlier rows already cover every case'],
      ],
    );
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });

  it("checks 10,000 bands that each also need every tool above a bound in under 2 seconds of CPU time", () => {
    const lines = Array.from(
      { length: 10000 },
      (_, u) => `  "b${u}" when total ${units(u)} - ${units(u)} and every tool >= ${units(u)}`,
    );
    lines.push(`  "rest" when total >= 0`);
    let ds: readonly Diagnostic[] = [];
    const elapsed = cpuMs(() => (ds = parseRules(withBands(lines)).diagnostics));
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
    // Far too many tool-score cases to enumerate: a warning, not minutes of work.
    assert.deepEqual(
      ds.map((d) => d.code),
      ["ITA-C020"],
    );
  });
});
