import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type CellValue, type Evaluation } from "../../src/engine/index.js";
import { provinceSheet, seedSheet } from "../../src/taskpane/preview/seed.js";
import { cellA1, parseCell } from "../../src/workbook/a1.js";
import {
  MemoryWorkbook,
  isErrorValue,
  type ExcelBuild,
  type MemoryOptions,
} from "../../src/workbook/memory-adapter.js";

/** Every build the memory workbook imitates: a build added to ExcelBuild and not here does not compile. */
const EXCEL_BUILDS = Object.keys({ "365": 0, "2021": 0, "2019": 0 } satisfies Record<ExcelBuild, 0>) as ExcelBuild[];
import { buildResultsSheet, safeSheetName } from "../../src/workbook/results-sheet.js";
import { findScoreTable, narrowToAgency, type ScoreTable } from "../../src/workbook/score-table.js";
import { SEED_CSV, seedRange } from "./support.js";

function seed(): { evaluation: Evaluation; table: ScoreTable } {
  const found = findScoreTable(seedRange());
  if (!found.ok) throw new Error("seed table");
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("rules");
  const out = evaluateRows(loaded.compiled, found.table.rows);
  if (!out.ok) throw new Error("seed scores");
  return { evaluation: out.evaluation, table: found.table };
}

describe("the results sheet the wizard writes", () => {
  const { evaluation, table } = seed();
  const layout = buildResultsSheet({ evaluation, rulesName: "2568", table });
  const rows = layout.spec.rows;
  const at = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
  };

  it("lays out the indicator table with the seed report's headings", () => {
    assert.deepEqual(rows[layout.indicatorRows.first - 2]!.slice(0, 5), [
      "ตัวชี้วัด",
      "เครื่องมือการประเมิน",
      "ประเด็น",
      "คะแนน",
      "ผลการประเมิน",
    ]);
    assert.equal(layout.indicatorRows.last - layout.indicatorRows.first + 1, 10);
  });

  it("puts live ITA formulas over the score table in every figure, with the engine's value cached", () => {
    assert.deepEqual(at(layout.totalCell), { formula: `=ITA.TOTAL('คะแนน'!A3:C38,"2568")`, value: 93.6 });
    assert.deepEqual(at(layout.ratingCell), { formula: `=ITA.RATING('คะแนน'!A3:C38,"2568")`, value: "ผ่านดี" });
    const first = layout.indicatorRows.first;
    assert.deepEqual(at(`D${first}`), { formula: `=ITA.INDICATOR('คะแนน'!A3:C38,1,"2568")`, value: 98.67 });
    assert.deepEqual(at(`E${first}`), { formula: `=ITA.PASS(D${first},"2568")`, value: "ผ่านเกณฑ์" });
    assert.deepEqual(
      rows.slice(layout.toolRows.first - 1, layout.toolRows.last).map((r) => [r[0], (r[3] as { value: number }).value]),
      [
        ["IIT", 99.24],
        ["EIT1", 92.19],
        ["EIT2", 93.33],
        ["OIT", 90],
      ],
    );
    assert.match((at(layout.gapCell) as { formula: string }).formula, /^=ITA\.GAP\(/);
  });

  it("highlights indicator scores under the rules' pass mark and charts them against it", () => {
    const range = `D${layout.indicatorRows.first}:D${layout.indicatorRows.last}`;
    assert.deepEqual(layout.spec.below, [{ range, below: 85, fill: "#FDE7E9", fontColor: "#A4262C" }]);
    const chart = layout.spec.charts![0]!;
    assert.equal(chart.values.range, range);
    assert.equal(chart.lines![0]!.range, `F${layout.indicatorRows.first}:F${layout.indicatorRows.last}`);
    assert.deepEqual(
      rows.slice(layout.indicatorRows.first - 1, layout.indicatorRows.last).map((r) => r[5]),
      Array(10).fill(85),
    );
  });

  it("names its sheet within Excel's limits", () => {
    const name = (rulesName: string, agency?: string) =>
      buildResultsSheet({ evaluation, rulesName, table: agency === undefined ? table : { ...table, agency } }).spec
        .name;
    assert.equal(layout.spec.name, "ผลการประเมิน ITA 2568");
    assert.equal(safeSheetName("a/b:c*d?[e]"), "a-b-c-d--e-");
    assert.ok(name("เกณฑ์ที่ตั้งชื่อยาวมากจนเกินสามสิบเอ็ดตัวอักษร").length <= 31);
    // Cut between visible characters: "สมมุติ" is never left as a consonant without its vowel mark.
    assert.equal(name("2568", "หน่วยงานสมมุติ (คะแนน)"), "ผลการประเมิน 2568 หน่วยงานสมมุ");
  });
});

/** A score table as staff lay it out in three shapes: columns in order, in another order, one agency of two. */
interface Shape {
  name: string;
  sheet: { name: string; rows: CellValue[][]; merged: string[] };
  agency?: string;
  /** 0-based column of the scores. */
  score: number;
}

function shapes(): Shape[] {
  const s = seedSheet(SEED_CSV);
  const reordered = s.rows.map((r, i) => (i < 2 ? r : [r[2] ?? "", "หมายเหตุ", r[1] ?? "", r[0] ?? ""]));
  return [
    { name: "columns in order", sheet: { name: s.name, rows: s.rows, merged: s.merged }, score: 2 },
    { name: "columns in another order", sheet: { name: s.name, rows: reordered, merged: [] }, score: 0 },
    { name: "one agency of two", sheet: provinceSheet(SEED_CSV), agency: "เทศบาลตำบลคลองพน", score: 2 },
  ];
}

/** The results sheet written into a workbook behaving as `build`, with wrong cached values so it must compute. */
async function written(
  sheet: { name: string; rows: CellValue[][]; merged: string[] },
  options: MemoryOptions,
  agency?: string,
): Promise<{ book: MemoryWorkbook; layout: ReturnType<typeof buildResultsSheet>; at: (a1: string) => unknown }> {
  const book = new MemoryWorkbook([sheet], options);
  const found = findScoreTable(await book.readRange(sheet.name));
  if (!found.ok) throw new Error(JSON.stringify(found.problems));
  const table = narrowToAgency(found.table, agency);
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("rules");
  const out = evaluateRows(loaded.compiled, table.rows);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const layout = buildResultsSheet({ evaluation: out.evaluation, rulesName: "2568", table });
  const rows = layout.spec.rows.map((r) =>
    r.map((c) => (c && typeof c === "object" ? { formula: c.formula, value: -1 } : c)),
  );
  await book.writeSheet({ ...layout.spec, rows }, { replace: false });
  const at = (a1: string): unknown => {
    const { row, column } = parseCell(a1);
    return book.shown(layout.spec.name, row, column);
  };
  return { book, layout, at };
}

function shownErrors(book: MemoryWorkbook, sheet: string): string[] {
  const e = book.extent(sheet)!;
  const out: string[] = [];
  for (let r = e.top; r <= e.bottom; r++)
    for (let c = e.left; c <= e.right; c++) {
      const v = book.shown(sheet, r, c);
      if (isErrorValue(v)) out.push(`${cellA1(r, c)} ${v.error} ${v.message}`);
    }
  return out;
}

describe("the results sheet in every supported Excel", () => {
  for (const build of EXCEL_BUILDS) {
    for (const shape of shapes()) {
      it(`gives 93.6 and ผ่านดี with no #NAME? in Excel ${build}, ${shape.name}`, async () => {
        const { book, layout, at } = await written(shape.sheet, { build }, shape.agency);
        assert.deepEqual(shownErrors(book, layout.spec.name), []);
        assert.equal(at(layout.totalCell), 93.6);
        assert.equal(at(layout.ratingCell), "ผ่านดี");
        assert.equal(at(layout.blankCountCell), 0);
      });
    }
  }

  it("writes no function an older Excel lacks (HSTACK, FILTER)", async () => {
    for (const shape of shapes()) {
      const { layout } = await written(shape.sheet, {}, shape.agency);
      const formulas = layout.spec.rows.flatMap((r) =>
        r.flatMap((c) => (c && typeof c === "object" ? [c.formula] : [])),
      );
      assert.ok(formulas.length > 20);
      assert.deepEqual(
        formulas.filter((f) => /HSTACK|FILTER|XLOOKUP|LET\(|UNIQUE|SORT/.test(f)),
        [],
        shape.name,
      );
    }
  });

  it("shows #NAME? where an Excel build lacks a function, as the older builds would for HSTACK and FILTER", async () => {
    const sheet = seedSheet(SEED_CSV);
    const book = new MemoryWorkbook([sheet], { build: "2021" });
    book.setCell(sheet.name, "E1", `=ITA.TOTAL(HSTACK(A3:A38,B3:B38,C3:C38),"2568")`);
    book.setCell(sheet.name, "E2", `=ITA.TOTAL(FILTER(A3:C38,EXACT(TRIM(A3:A38),"IIT")),"2568")`);
    const old = new MemoryWorkbook([sheet], { build: "2019" });
    old.setCell(sheet.name, "E2", `=ITA.TOTAL(FILTER(A3:C38,EXACT(TRIM(A3:A38),"IIT")),"2568")`);
    const error = (b: MemoryWorkbook, row: number) => {
      const v = b.shown(sheet.name, row, 5);
      return isErrorValue(v) ? v.error : v;
    };
    assert.equal(error(book, 1), "#NAME?");
    assert.notEqual(error(book, 2), "#NAME?");
    assert.equal(error(old, 2), "#NAME?");
  });
});

describe("a blank score on an Excel that passes blanks to the functions as 0", () => {
  /** The shape's sheet with the score of its first data row (IIT i1) cleared, as a cell not yet typed. */
  const blankOne = (shape: Shape): Shape["sheet"] => {
    const first = shape.sheet.rows.findIndex((r) => r.includes("IIT"));
    return {
      ...shape.sheet,
      rows: shape.sheet.rows.map((r, i) => (i === first ? r.map((c, j) => (j === shape.score ? "" : c)) : r)),
    };
  };
  /** The results sheet as the wizard wrote it over complete scores, in a workbook where one score is then cleared. */
  async function clearedAfterWriting(shape: Shape, options: MemoryOptions) {
    const { layout } = await written(shape.sheet, {}, shape.agency);
    const book = new MemoryWorkbook([blankOne(shape)], options);
    await book.writeSheet(layout.spec, { replace: false });
    const at = (a1: string): unknown => {
      const { row, column } = parseCell(a1);
      return book.shown(layout.spec.name, row, column);
    };
    return { layout, at };
  }

  for (const shape of shapes()) {
    it(`counts it beside the total, in a cell marked as a warning when not 0, ${shape.name}`, async () => {
      const { layout, at } = await clearedAfterWriting(shape, { build: "2019", blanksAsZero: true });
      assert.equal(at(layout.blankCountCell), 1);
      assert.deepEqual(layout.spec.above, [
        { range: layout.blankCountCell, above: 0, fill: "#FDE7E9", fontColor: "#A4262C" },
      ]);
    });
  }

  it("shows the total those builds compute (91.61, the blank taken as 0) next to a count of 1, never alone", async () => {
    const { layout, at } = await clearedAfterWriting(shapes()[0]!, { blanksAsZero: true });
    assert.equal(at(layout.totalCell), 91.61);
    assert.equal(at(layout.blankCountCell), 1);
  });

  it("is an error naming the row where Excel passes the blank as blank, and the count says 1", async () => {
    const { layout, at } = await clearedAfterWriting(shapes()[0]!, {});
    const shown = at(layout.totalCell);
    assert.ok(isErrorValue(shown) && /ช่องคะแนนว่าง/.test(shown.message), JSON.stringify(shown));
    assert.equal(at(layout.blankCountCell), 1);
  });
});
