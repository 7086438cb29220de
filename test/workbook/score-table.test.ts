import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText, type CompiledRules } from "../../src/engine/index.js";
import { findScoreTable, tableFormula, type ScoreTable } from "../../src/workbook/score-table.js";
import { rangeData, seedRange } from "./support.js";

function rules2568(): CompiledRules {
  const loaded = loadRulesText(bundledText("2568")!);
  if (!loaded.ok) throw new Error("2568 rules do not load");
  return loaded.compiled;
}

function found(data: Parameters<typeof findScoreTable>[0]): ScoreTable {
  const r = findScoreTable(data);
  if (!r.ok) throw new Error(`no table: ${JSON.stringify(r.problems)}`);
  return r.table;
}

describe("finding the score table in a sheet", () => {
  it("finds the seed sheet's Thai header under a title row and names each score cell", () => {
    const t = found(seedRange());
    assert.equal(t.headerRow, 3);
    assert.deepEqual(t.columns, { tool: 1, question: 2, score: 3 });
    assert.equal(t.range, "A3:C38");
    assert.equal(t.rows.length, 35);
    assert.equal(t.rows[0]!.where, "คะแนน!C4");
    assert.equal(t.rows[0]!.question, "i๑");
  });

  it("gives rows the engine scores as the published seed result (Thai digits read)", () => {
    const out = evaluateRows(rules2568(), found(seedRange()).rows);
    assert.ok(out.ok);
    assert.equal(out.evaluation.total.published, 93.6);
    assert.equal(out.evaluation.rating.label.th, "ผ่านดี");
  });

  it("reads English headers in any order, with loose spacing and case, extra columns and blank rows", () => {
    const t = found(
      rangeData(
        "Data",
        [
          ["No.", "  SCORE ", "Text", "Question  ID", "tool"],
          [1, 99, "…", "i1", "IIT"],
          ["", "", "", "", ""],
          [2, "๙๘.๕", "…", "i2", "IIT"],
        ],
        "B5",
      ),
    );
    assert.equal(t.headerRow, 5);
    assert.deepEqual(t.columns, { tool: 6, question: 5, score: 3 });
    assert.deepEqual(
      t.rows.map((r) => [r.tool, r.question, r.score, r.where]),
      [
        ["IIT", "i1", 99, "Data!C6"],
        ["IIT", "i2", "๙๘.๕", "Data!C8"],
      ],
    );
    assert.equal(t.range, "C5:F8");
  });

  it("accepts bilingual header cells and keeps an agency column", () => {
    const t = found(
      rangeData("S", [
        ["หน่วยงาน / Agency", "เครื่องมือ / Tool", "รหัสข้อ", "คะแนน (score)"],
        ["อบต. ก", "IIT", "i1", 90],
      ]),
    );
    assert.deepEqual(t.columns, { agency: 1, tool: 2, question: 3, score: 4 });
    assert.equal(t.rows[0]!.agency, "อบต. ก");
  });

  it("fills a tool name merged down several rows into each row", () => {
    const t = found(
      rangeData(
        "S",
        [
          ["เครื่องมือ", "ข้อ", "คะแนน"],
          ["IIT", "i1", 90],
          ["", "i2", 91],
          ["EIT1", "e1", 92],
        ],
        "A1",
        ["A2:A3"],
      ),
    );
    assert.deepEqual(
      t.rows.map((r) => r.tool),
      ["IIT", "IIT", "EIT1"],
    );
  });

  it("names the merged cells when a merged header hides a column", () => {
    const r = findScoreTable(
      rangeData(
        "S",
        [
          ["เครื่องมือและข้อ", "", "คะแนน"],
          ["IIT", "i1", 90],
        ],
        "A1",
        ["A1:B1"],
      ),
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.problems[0]!.code, "merged-header");
    assert.equal(r.problems[0]!.where, "S!A1:B1");
    assert.match(r.problems[0]!.th, /S!A1:B1/);
  });

  it("refuses a header whose merged cell joins two of the table's columns", () => {
    const r = findScoreTable(
      rangeData(
        "S",
        [
          ["เครื่องมือ", "ข้อ", "คะแนน"],
          ["IIT", "i1", 90],
        ],
        "A1",
        ["B1:C1"],
      ),
    );
    assert.deepEqual(r.ok ? [] : r.problems.map((p) => [p.code, p.where]), [["merged-header", "S!B1:C1"]]);
  });

  it("says no header was found, in Thai and English, naming the sheet", () => {
    const r = findScoreTable(
      rangeData("Notes", [
        ["a", "b"],
        [1, 2],
      ]),
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.problems[0]!.code, "no-header");
    assert.equal(r.problems[0]!.where, "Notes");
    assert.match(r.problems[0]!.th, /ไม่พบหัวตาราง/);
    assert.match(r.problems[0]!.en, /no header/);
  });

  it("reports two score columns rather than guessing", () => {
    const r = findScoreTable(rangeData("S", [["tool", "question", "score", "score"]]));
    assert.deepEqual(r.ok ? [] : r.problems.map((p) => p.code), ["ambiguous-header"]);
  });

  it("reports an empty sheet", () => {
    const r = findScoreTable(rangeData("S", [[""]]));
    assert.deepEqual(r.ok ? [] : r.problems.map((p) => p.code), ["empty"]);
  });

  it("passes the table to the ITA functions as one range when its columns are in order, else column by column", () => {
    assert.equal(tableFormula(found(seedRange())).scores, "'คะแนน'!A3:C38");
    assert.equal(tableFormula(found(seedRange())).tail, "");
    const t = found(
      rangeData(
        "Data",
        [
          ["score", "question", "tool"],
          [1, "i1", "IIT"],
        ],
        "B2",
      ),
    );
    assert.deepEqual([tableFormula(t).scores, tableFormula(t).tail], ["Data!D2:D3", ",Data!C2:C3,Data!B2:B3"]);
  });
});

describe("checking the score table's cells against the rules", () => {
  function withCell(question: string, score: unknown): ScoreTable["rows"] {
    return found(seedRange()).rows.map((r) =>
      r.tool === "EIT1" && r.question === question ? { ...r, score: score as string } : r,
    );
  }

  it("finds nothing wrong in the seed sheet", () => {
    assert.deepEqual(evaluateRows(rules2568(), found(seedRange()).rows).problems, []);
  });

  it("names the score cell of a value that is not a number", () => {
    const p = evaluateRows(rules2568(), withCell("e๔", "ดี")).problems;
    assert.deepEqual(
      p.map((x) => [x.code, x.where]),
      [["not-a-number", "คะแนน!C22"]],
    );
  });

  it("tells Thai digits that cannot be read from other text", () => {
    const p = evaluateRows(rules2568(), withCell("e๔", "๙๑.๖.๗")).problems;
    assert.deepEqual(
      p.map((x) => [x.code, x.where]),
      [["thai-digits", "คะแนน!C22"]],
    );
    assert.match(p[0]!.th, /เลขไทย/);
  });

  it("reports blank, out of range, duplicate and missing questions", () => {
    const rows = found(seedRange()).rows;
    const edited = rows
      .filter((r) => !(r.tool === "IIT" && r.question === "i๕"))
      .map((r) => (r.tool === "EIT2" && r.question === "e๑" ? { ...r, score: "" } : r))
      .map((r) => (r.tool === "EIT2" && r.question === "e๒" ? { ...r, score: 101 } : r));
    const dup = { ...rows[0]!, where: "คะแนน!C40" };
    const p = evaluateRows(rules2568(), [...edited, dup]).problems;
    assert.deepEqual(
      p.map((x) => [x.code, x.tool, x.question, x.where]),
      [
        ["blank", "EIT2", "e1", "คะแนน!C28"],
        ["out-of-range", "EIT2", "e2", "คะแนน!C29"],
        ["duplicate", "IIT", "i1", "คะแนน!C40"],
        ["missing", "IIT", "i5", ""],
      ],
    );
  });
});
