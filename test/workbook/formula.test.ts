import { strict as assert } from "node:assert";
import { FormulaError, parseFormula } from "../../src/workbook/formula.js";
import { formulaRef, parseCell, parseRange, splitPlace, columnLetters } from "../../src/workbook/a1.js";

describe("formulas the in-memory workbook computes", () => {
  it("reads an ITA call over a quoted Thai sheet reference with text and number arguments", () => {
    assert.deepEqual(parseFormula(`=ITA.INDICATOR('คะแนน'!A3:C38, 9, "2568")`), {
      kind: "call",
      name: "ITA.INDICATOR",
      args: [
        { kind: "ref", sheet: "คะแนน", address: "A3:C38" },
        { kind: "number", value: 9 },
        { kind: "text", value: "2568" },
      ],
    });
  });

  it("reads HSTACK of columns, same-sheet cells, doubled quotes and absolute references", () => {
    const f = parseFormula(`=ITA.PASS(D5,"it""s")`);
    assert.deepEqual(f, {
      kind: "call",
      name: "ITA.PASS",
      args: [
        { kind: "ref", address: "D5" },
        { kind: "text", value: 'it"s' },
      ],
    });
    const h = parseFormula("=ITA.TOTAL(HSTACK(Data!$D$2:$D$9,'It''s'!C2:C9))");
    assert.deepEqual(h.kind === "call" && h.args[0], {
      kind: "call",
      name: "HSTACK",
      args: [
        { kind: "ref", sheet: "Data", address: "D2:D9" },
        { kind: "ref", sheet: "It's", address: "C2:C9" },
      ],
    });
  });

  it("refuses what it cannot read, so the cell shows #NAME?", () => {
    assert.throws(() => parseFormula("=SUM(A1:A3)+1"), FormulaError);
    assert.throws(() => parseFormula('=ITA.TOTAL("open'), FormulaError);
  });
});

describe("A1 addresses", () => {
  it("converts column letters both ways past Z", () => {
    assert.deepEqual([1, 26, 27, 52, 703].map(columnLetters), ["A", "Z", "AA", "AZ", "AAA"]);
    assert.deepEqual(
      ["A1", "Z1", "AA1", "AZ1", "AAA1"].map((a1) => parseCell(a1).column),
      [1, 26, 27, 52, 703],
    );
  });

  it("splits a place into sheet and address, quoted or not, and quotes sheets for formulas", () => {
    assert.deepEqual(splitPlace("คะแนน!C22"), { sheet: "คะแนน", address: "C22" });
    assert.deepEqual(splitPlace("'It''s'!A1:B2"), { sheet: "It's", address: "A1:B2" });
    assert.equal(splitPlace("scores.csv:12"), undefined);
    assert.equal(formulaRef("Data", "A1:C3"), "Data!A1:C3");
    assert.equal(formulaRef("คะแนน", "A1"), "'คะแนน'!A1");
    assert.equal(formulaRef("AB12", "A1"), "'AB12'!A1");
    assert.deepEqual(parseRange("C9:A3"), { top: 3, left: 1, bottom: 9, right: 3 });
  });

  it("reads arguments left out between commas as omitted, as Excel passes them (null)", () => {
    const f = parseFormula(`=ITA.TOTAL(A1:C9,"2568",,,D1:D9,"x")`);
    assert.ok(f.kind === "call");
    assert.deepEqual(
      f.args.map((a) => a.kind),
      ["ref", "text", "omitted", "omitted", "ref", "text"],
    );
  });
});
