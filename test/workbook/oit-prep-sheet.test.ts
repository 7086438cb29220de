/**
 * The OIT preparation sheet: generated from the rules, live through =ITA.* formulas,
 * and in agreement with `ita score` on the same items plus the same assumed tools.
 * Figures: the seed agency's OIT items and tool scores as its 2568 report publishes
 * them (real); o14's 50 is entered as the report gives it.
 */
import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { bundledText, loadRulesText, normaliseKey, readNumber } from "../../src/engine/index.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { buildPrepSheet } from "../../src/workbook/oit-prep-sheet.js";
import "../functions/support.js";
import { tempDir } from "../support/temp-dir.js";

const loaded = loadRulesText(bundledText("2568")!);
if (!loaded.ok) throw new Error("2568");
const compiled = loaded.compiled;
const OIT_LINES = readFileSync("examples/khlong-phon-2568/oit-items.csv", "utf8")
  .split("\n")
  .filter((l) => l.startsWith("OIT,"));
const OIT_SCORES = new Map(
  OIT_LINES.map((l) => {
    const [, q, s] = l.split(",");
    const n = readNumber(s!);
    return [normaliseKey(q!), n.kind === "number" ? n.value : Number.NaN];
  }),
);
// The seed's published IIT, EIT1 and EIT2.
const ASSUMED: Record<string, number> = { IIT: 99.24, EIT1: 92.19, EIT2: 93.33 };

describe("the OIT preparation sheet", () => {
  const layout = buildPrepSheet(compiled, "2568");
  const rows = layout.spec.rows;

  it("lists every OIT item of the rules with its requirement text, sub-indicator and indicator", () => {
    const items = rows.slice(layout.itemRows.first - 1, layout.itemRows.last);
    assert.equal(items.length, OIT_SCORES.size);
    const o14 = items.find((r) => r[1] === "o14")!;
    const q = compiled.model.indicators.flatMap((i) => [
      ...i.questions,
      ...i.subindicators.flatMap((s) => s.questions),
    ]);
    assert.equal(o14[3], q.find((x) => x.id === "o14")!.text.th);
    assert.match(String(o14[5]), /^9 /);
  });

  it("gives each item its worth in the total, summing to OIT's weight", () => {
    const items = rows.slice(layout.itemRows.first - 1, layout.itemRows.last);
    const sum = items.reduce((a, r) => a + Number(r[8]), 0);
    assert.ok(Math.abs(sum - 40) < 1e-9, String(sum));
  });

  it("has a row per other tool for its assumed score, in the same table", () => {
    assert.deepEqual(layout.assumedRows.tools, ["IIT", "EIT1", "EIT2"]);
    assert.deepEqual(
      rows.slice(layout.assumedRows.first - 1, layout.assumedRows.last).map((r) => [r[0], r[1]]),
      [
        ["IIT", ""],
        ["EIT1", ""],
        ["EIT2", ""],
      ],
    );
  });

  it("its expected total equals ita score on the same items plus the assumed IIT and EIT", async () => {
    const book = new MemoryWorkbook();
    await book.writeSheet(layout.spec, { replace: false });
    const name = layout.spec.name;
    for (let r = layout.itemRows.first; r <= layout.itemRows.last; r++) {
      const id = String(rows[r - 1]![1]);
      book.setCell(name, `C${r}`, OIT_SCORES.get(id)!);
    }
    layout.assumedRows.tools.forEach((t, k) => book.setCell(name, `C${layout.assumedRows.first + k}`, ASSUMED[t]!));
    const at = (a1: string): unknown => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return book.shown(name, Number(m[2]), m[1]!.charCodeAt(0) - 64);
    };

    const dir = tempDir("ita-prep-");
    const csv = join(dir, "oit.csv");
    writeFileSync(csv, ["tool,question,score", ...OIT_LINES].join("\n"));
    const out: string[] = [];
    await run(["score", csv, "--json", ...Object.entries(ASSUMED).flatMap(([t, s]) => ["--assume", `${t}=${s}`])], {
      out: (t) => out.push(t),
      err: () => undefined,
    });
    const cli = JSON.parse(out.join("\n")) as { total: number; rating: string; tools: Record<string, number> };

    assert.equal(at(layout.totalCell), cli.total);
    assert.equal(at(layout.ratingCell), cli.rating);
    assert.equal(at(layout.toolCell), cli.tools.OIT);
    assert.equal(cli.total, 94.93);
  });

  it("shows the expected OIT before IIT and EIT are entered, and the total says what is blank", async () => {
    const book = new MemoryWorkbook();
    await book.writeSheet(layout.spec, { replace: false });
    const name = layout.spec.name;
    for (let r = layout.itemRows.first; r <= layout.itemRows.last; r++) book.setCell(name, `C${r}`, 100);
    assert.equal(book.shown(name, 4, 2), 100);
    const total = book.shown(name, 5, 2) as { message?: string };
    assert.match(String(total.message ?? JSON.stringify(total)), /IIT: ช่องคะแนนว่าง/);
  });
});
