/**
 * Properties over random and mutated rules text: the front end never throws,
 * every diagnostic lies inside the text, and no model comes with an error.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parseRules } from "../../src/dsl/index.js";

const REAL = ["2566", "2567", "2568"].map((y) => readFileSync(`rules/ita-${y}.ita`, "utf8"));
const WORDS = [
  "assessment",
  "rounding",
  "decimals",
  "half-up",
  "publish",
  "pass",
  "at",
  "else",
  "scale",
  "code",
  "skip",
  "tool",
  "tools",
  "weight",
  "total",
  "indicator",
  "subindicator",
  "question",
  "reversed",
  "maintain",
  "raise",
  "mean",
  "weighted",
  "of",
  "questions",
  "indicators",
  "combined",
  "plan",
  "rating",
  "first",
  "match",
  "when",
  "and",
  "every",
  "any",
  "{",
  "}",
  ",",
  "%",
  ">=",
  "<",
  "-",
  "=",
  '"ผ่านดี"',
  '"',
  "85",
  "๘๕.๐๐",
  "IIT",
  "i1",
  "ผ่านดีเยี่ยม",
  "#",
  "\n",
  " ",
  "\u0000",
  "9.1",
];

function inside(text: string): (d: { offset: number; length: number; line: number; column: number }) => boolean {
  const lines = text.split("\n").length;
  return (d) => d.offset >= 0 && d.offset <= text.length && d.line >= 1 && d.line <= lines + 1 && d.column >= 1;
}

function sound(text: string): void {
  const r = parseRules(text);
  assert.ok(r.diagnostics.every(inside(text)), JSON.stringify(r.diagnostics));
  if (r.model) assert.ok(r.diagnostics.every((d) => d.severity !== "error"));
}

describe("fuzzing the rules front end", () => {
  it("never throws and keeps diagnostics inside random Thai and ASCII text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), sound), { numRuns: 3000 });
  });

  it("never throws on soups of the language's own words", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), (ws) => sound(ws.join(" "))),
      { numRuns: 3000 },
    );
  });

  it("never throws on real rules files with one line deleted, duplicated or swapped", () => {
    const mutation = fc.record({
      file: fc.nat(REAL.length - 1),
      line: fc.nat(500),
      other: fc.nat(500),
      op: fc.constantFrom("delete", "duplicate", "swap", "truncate"),
    });
    fc.assert(
      fc.property(mutation, ({ file, line, other, op }) => {
        const lines = REAL[file]!.split("\n");
        const i = line % lines.length;
        const j = other % lines.length;
        if (op === "delete") lines.splice(i, 1);
        else if (op === "duplicate") lines.splice(i, 0, lines[i]!);
        else if (op === "swap") [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else lines[i] = lines[i]!.slice(0, lines[i]!.length >> 1);
        sound(lines.join("\n"));
      }),
      { numRuns: 400 },
    );
  });
});
