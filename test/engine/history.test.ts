/**
 * History across years: each year evaluated with its own rules, indicators and tools
 * matched by id, changes computed on unrounded figures and published by the later
 * year's rules, and the criteria changes between years said from the rules models.
 */
import { strict as assert } from "node:assert";
import { compareYears, type History } from "../../src/engine/index.js";
import { rulesOf as rules, threeYears, Y2566, Y2567 } from "../support/history.js";
import { seedRows } from "../support/seed.js";

const at = (h: History, year: number): number => h.years.findIndex((y) => y.year === year);

describe("history across years", () => {
  it("puts the years oldest first, each evaluated with its own rules", () => {
    const h = threeYears();
    assert.deepEqual(
      h.years.map((y) => [y.year, y.status, y.total?.published]),
      [
        [2566, "complete", 85.7],
        [2567, "complete", 91.5],
        [2568, "complete", 93.6],
      ],
    );
  });

  it("rates each year by that year's bands", () => {
    const h = threeYears();
    assert.deepEqual(
      h.rating.cells.map((c) => c.label?.th),
      ["ผ่าน", "ผ่านดี", "ผ่านดี"],
    );
    const old = compareYears([
      { rules: rules("2565"), rows: Y2566 },
      { rules: rules("2566"), rows: Y2566 },
    ]);
    assert.deepEqual(
      old.rating.cells.map((c) => c.label?.th),
      ["A", "ผ่าน"],
    );
  });

  it("gives the total's change from the year before, rounded as the later year publishes it", () => {
    const h = threeYears();
    assert.deepEqual(
      h.total.cells.map((c) => c.change?.published ?? null),
      [null, 5.8, 2.1],
    );
  });

  it("matches indicators by id across years", () => {
    const h = threeYears();
    const ind9 = h.indicators.find((r) => r.id === "9")!;
    assert.deepEqual(
      ind9.cells.map((c) => c.value?.published),
      [70, 85, 100],
    );
    assert.deepEqual(
      ind9.cells.map((c) => c.change?.published ?? null),
      [null, 15, 15],
    );
  });

  it("lists tools across years in reading order, a tool absent in a year left empty", () => {
    const h = threeYears();
    assert.deepEqual(
      h.tools.map((t) => [t.id, t.cells.map((c) => c.value?.published ?? null)]),
      [
        ["IIT", [94, 95, 99.24]],
        ["EIT", [85, 90, null]],
        ["EIT1", [null, null, 92.19]],
        ["EIT2", [null, null, 93.33]],
        ["OIT", [80, 90, 90]],
      ],
    );
  });

  it("notes the EIT split of 2568 on the tools and on indicators 6–8", () => {
    const h = threeYears();
    const eit = h.tools.find((t) => t.id === "EIT")!;
    assert.ok(eit.notes.some((n) => n.from === 2567 && n.to === 2568 && n.kind === "removed"));
    const eit1 = h.tools.find((t) => t.id === "EIT1")!;
    assert.ok(eit1.notes.some((n) => n.kind === "added" && /weight 15%/.test(n.en)));
    const ind6 = h.indicators.find((r) => r.id === "6")!;
    assert.ok(ind6.notes.some((n) => n.en === "indicator 6: measured by EIT → EIT1, EIT2"));
  });

  it("says in one line when the rating bands were replaced (AA–F → five bands)", () => {
    const h = compareYears([
      { rules: rules("2565"), rows: Y2566 },
      { rules: rules("2566"), rows: Y2566 },
    ]);
    assert.equal(h.rating.notes.length, 1);
    assert.match(h.rating.notes[0]!.th, /^ระดับผลการประเมินเปลี่ยนทั้งชุด: AA, A, B, C, D, E, F → ผ่านดีเยี่ยม/);
    assert.equal(h.rating.cells[1]!.move, "bands-changed");
  });

  it("says a rating went up when both years share their bands", () => {
    const h = threeYears();
    assert.deepEqual(
      h.rating.cells.map((c) => c.move),
      [null, "up", "same"],
    );
  });

  it("compares a partial year for what it holds", () => {
    const onlyOit = Y2567.filter((r) => r.tool === "OIT");
    const h = compareYears([
      { rules: rules("2567"), rows: onlyOit },
      { rules: rules("2568"), rows: seedRows() },
    ]);
    assert.equal(h.years[0]!.status, "partial");
    assert.match(h.years[0]!.needs!.en, /need IIT and EIT/);
    assert.deepEqual(
      h.tools.find((t) => t.id === "OIT")!.cells.map((c) => c.value?.published ?? null),
      [90, 90],
    );
    assert.equal(h.total.cells[0]!.value, null);
    assert.equal(h.total.cells[1]!.change, null);
  });

  it("keeps a year whose scores have errors, with its problems, computing nothing for it", () => {
    const bad = Y2567.map((r, i) => (i === 0 ? { ...r, score: "ดี" } : r));
    const h = compareYears([
      { rules: rules("2567"), rows: bad },
      { rules: rules("2568"), rows: seedRows() },
    ]);
    assert.equal(h.years[at(h, 2567)]!.status, "failed");
    assert.ok(h.years[0]!.problems.some((p) => p.code === "not-a-number"));
    assert.equal(h.total.cells[0]!.value, null);
  });
});
