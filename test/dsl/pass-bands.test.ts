import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { PassNode, RatingNode } from "../../src/dsl/ast.js";
import type { SourceSpan } from "../../src/dsl/diagnostics.js";
import type { Condition, RatingRow } from "../../src/dsl/model.js";
import { checkPassAgainstBands } from "../../src/dsl/pass-bands.js";
import { referencePassAgainstBands } from "../support/pass-bands-reference.js";

const span = (line: number): SourceSpan => ({ offset: line * 10, length: 5, line, column: 1 });
const pass: PassNode = { kind: "pass", span: span(1), threshold: { value: 0, span: span(1) } };
const nodeFor = (n: number): RatingNode => ({
  kind: "rating",
  span: span(2),
  bands: Array.from({ length: n }, (_, k) => ({ span: span(k + 3), conditions: [] })),
});

describe("pass mark against the rating rows", () => {
  it("warns exactly where the row-by-row reference does, on random tables", () => {
    const max = 100;
    const bound = fc.integer({ min: -2, max: max + 2 });
    const condition: fc.Arbitrary<Condition> = fc
      .record({
        subject: fc.constantFrom("total", "total", "every", "any", "tool"),
        // "C" is a tool the table does not have: such a row never holds.
        tool: fc.constantFrom("A", "B", "C"),
        a: bound,
        b: bound,
      })
      .map(({ subject, tool, a, b }) => ({
        subject,
        ...(subject === "tool" ? { tool } : {}),
        lo: Math.max(0, Math.min(a, b)),
        hi: Math.min(max, Math.max(a, b)),
        minInclusive: true,
        maxInclusive: true,
      }));
    const rows = fc
      .array(fc.array(condition, { maxLength: 3 }), { minLength: 1, maxLength: 8 })
      .map((cs) => cs.map((conditions, k): RatingRow => ({ label: { th: `r${k}`, en: "" }, conditions })));
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 100 }),
        (rs, toolCount, threshold) => {
          const ids = ["A", "B"].slice(0, toolCount);
          assert.deepEqual(
            checkPassAgainstBands(pass, threshold, rs, nodeFor(rs.length), ids, 0),
            referencePassAgainstBands(pass, threshold, rs, nodeFor(rs.length), ids, 0),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});
