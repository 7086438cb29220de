/**
 * The add-in's own output sheets are recognised by name, so a table search never
 * reads a results, report, plan or summary sheet as scores; the blank entry sheet
 * is input and stays searchable.
 */
import { strict as assert } from "node:assert";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { buildReport } from "../../src/report/model.js";
import { reportSheets, summarySheet } from "../../src/report/sheets.js";
import { entrySheetName } from "../../src/workbook/entry-sheet.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import {
  isOwnSheet,
  planInWorkbook,
  recordWritten,
  saveIndex,
  type OwnSheetIndex,
} from "../../src/workbook/own-sheets.js";
import { buildResultsSheet } from "../../src/workbook/results-sheet.js";
import { findScoreTable } from "../../src/workbook/score-table.js";
import { seedRange } from "./support.js";

/** The names the report and the wizard's results step give their sheets, from the seed agency. */
function writtenNames(): { report: string[]; results: (rulesName: string, agency?: string) => string } {
  const loaded = loadRulesText(bundledText("2568")!);
  const found = findScoreTable(seedRange());
  if (!loaded.ok || !found.ok) throw new Error("seed");
  const out = evaluateRows(loaded.compiled, found.table.rows);
  if (!out.ok) throw new Error("seed scores");
  const e = out.evaluation;
  return {
    // ita report's sheets for one agency and its summary of many.
    report: [
      ...reportSheets(buildReport(e, loaded.compiled.model, { name: "เทศบาลตำบลคลองพน" })),
      summarySheet([buildReport(e, loaded.compiled.model, { name: "เทศบาลตำบลคลองพน" })]),
    ].map((s) => s.name),
    results: (rulesName, agency) =>
      buildResultsSheet({
        evaluation: e,
        rulesName,
        table: agency === undefined ? found.table : { ...found.table, agency },
      }).spec.name,
  };
}

describe("the add-in's own sheets", () => {
  it("counts every sheet the report and the wizard write as the add-in's own", () => {
    const { report, results } = writtenNames();
    const names = [...report, results("2568"), results("เกณฑ์ 2569 ร่าง")];
    names.push(...report.map((n) => `${n} ITA 2568`)); // the pane's report step
    names.push(results("2568", "เทศบาลตำบลคลองพน")); // one agency of a province's table
    assert.deepEqual(
      names.filter((n) => !isOwnSheet(n)),
      [],
    );
  });

  it("leaves the blank entry sheet and the user's sheets searchable", () => {
    assert.equal(isOwnSheet(entrySheetName("2568")), false);
    assert.equal(isOwnSheet("คะแนน"), false);
    assert.equal(isOwnSheet("Sheet1"), false);
    // The user's own sheets that only begin with one of our words.
    assert.equal(isOwnSheet("สรุปคะแนน ITA 2568"), false);
    assert.equal(isOwnSheet("รายงานคะแนน"), false);
    assert.equal(isOwnSheet("ผลการประเมินรายข้อ"), false);
  });
});

describe("naming the add-in's sheets per agency", () => {
  const keys = (agency: string) =>
    (["results", "report", "plan"] as const).map((kind) => ({ kind, rules: "2568", agency }));

  /** A workbook holding these sheets (name, cell A1) and, when given, the add-in's index of its sheets. */
  async function book(
    sheets: readonly (readonly [string, string])[] = [],
    index?: OwnSheetIndex,
  ): Promise<MemoryWorkbook> {
    const port = new MemoryWorkbook();
    for (const [name, a1] of sheets) port.addSheet(name, [[a1]]);
    if (index) await saveIndex(port, index);
    return port;
  }
  const emptyIndex = (): OwnSheetIndex => ({ agencies: [], sheets: [] });

  it("gives two agencies whose names share their first 31 characters separate names for every sheet", async () => {
    const long = "องค์การบริหารส่วนตำบลหนองบัวทองคำเหนือ";
    const a = `${long}ใหม่`;
    const b = `${long}เก่า`;
    assert.equal(a.slice(0, 31), b.slice(0, 31));
    const { planned } = await planInWorkbook(await book(), [...keys(a), ...keys(b)]);
    const names = planned.map((p) => p.name);
    assert.equal(new Set(names).size, 6, names.join(" | "));
    assert.ok(names.every((n) => n.length <= 31));
    assert.deepEqual(
      names.map((n) => /#(\d+)/.exec(n)?.[1]),
      ["1", "1", "1", "2", "2", "2"],
    );
  });

  it("keeps 150 sheet names of 50 agencies in one table unique within 31 characters, whatever Excel's case rules", async () => {
    const agencies = Array.from({ length: 50 }, (_, i) => `เทศบาลตำบลคลองพนทดสอบชื่อยาวมากหน่วยที่ ${i + 1}`);
    const { index, planned } = await planInWorkbook(await book(), agencies.flatMap(keys));
    const names = planned.map((p) => p.name.toLowerCase());
    assert.equal(new Set(names).size, 150);
    assert.ok(planned.every((p) => p.name.length <= 31 && p.status === "new"));
    assert.equal(index.agencies.length, 50);
  });

  it("never takes a user's own sheet of the same name: another name is planned and the user's is named as taken", async () => {
    const port = await book([["ผลการประเมิน ITA 2568", "งบของฉัน"]]);
    const [p] = (await planInWorkbook(port, [{ kind: "results", rules: "2568", agency: "" }])).planned;
    assert.equal(p?.name, "ผลการประเมิน ITA 2568 (2)");
    assert.equal(p?.status, "new");
    assert.deepEqual(p?.taken, { name: "ผลการประเมิน ITA 2568", by: "user" });
  });

  it("treats a differently cased name as the same sheet, as Excel does", async () => {
    const port = await book([["ผลการประเมิน ita X", ""]]);
    const [p] = (await planInWorkbook(port, [{ kind: "results", rules: "x", agency: "" }])).planned;
    assert.equal(p?.taken?.by, "user");
  });

  it("offers to replace this agency's earlier result, recognised by the index and its title", async () => {
    const key = { kind: "results" as const, rules: "2568", agency: "ก" };
    const { index, planned } = await planInWorkbook(await book(), [key]);
    const name = planned[0]!.name;
    recordWritten(index, [{ ...key, name, title: "ผลการประเมิน ก" }]);
    const [p] = (await planInWorkbook(await book([[name, "ผลการประเมิน ก"]], index), [key])).planned;
    assert.deepEqual([p?.name, p?.status], [name, "earlier"]);
  });

  it("does not replace a sheet of ours whose title the user has since overwritten: it is theirs now", async () => {
    const index = emptyIndex();
    const key = { kind: "results" as const, rules: "2568", agency: "" };
    recordWritten(index, [{ ...key, name: "ผลการประเมิน ITA 2568", title: "ผลการประเมิน ก" }]);
    const port = await book([["ผลการประเมิน ITA 2568", "งบประมาณของฉัน"]], index);
    const [p] = (await planInWorkbook(port, [key])).planned;
    assert.equal(p?.status, "new");
    assert.equal(p?.taken?.by, "user");
  });

  it("never replaces a sheet the add-in wrote for another agency, and says whose it is", async () => {
    const key = { kind: "results" as const, rules: "2568", agency: "ก" };
    const wanted = (await planInWorkbook(await book(), [key])).planned[0]!.name;
    // An index from a workbook where agency ข's results happen to hold the name ก would get.
    const index = emptyIndex();
    recordWritten(index, [{ ...key, agency: "ข", name: wanted, title: "t" }]);
    index.agencies.push({ name: "ก", number: 1 });
    const [p] = (await planInWorkbook(await book([[wanted, "t"]], index), [key])).planned;
    assert.notEqual(p?.name, wanted);
    assert.equal(p?.taken?.by, "other");
    assert.equal(p?.taken?.holds?.agency, "ข");
  });

  it("reads a hand-edited or broken index as empty rather than as a claim on any sheet", async () => {
    const key = { kind: "results" as const, rules: "2568", agency: "" };
    const broken = await book([["ผลการประเมิน ITA 2568", ""]]);
    await broken.setSetting("ITA.ownSheets", "{not json");
    const edited = await book([["ผลการประเมิน ITA 2568", ""]]);
    await edited.setSetting(
      "ITA.ownSheets",
      JSON.stringify({ sheets: [{ name: "ผลการประเมิน ITA 2568", kind: "evil" }], agencies: [{ name: "a" }] }),
    );
    for (const port of [broken, edited]) {
      const { index, planned } = await planInWorkbook(port, [key]);
      assert.deepEqual(index, emptyIndex());
      assert.deepEqual(planned[0]?.taken, { name: "ผลการประเมิน ITA 2568", by: "user" });
    }
  });

  it("keeps the agency's number and the (n) suffix whole when a long rules name is cut", async () => {
    const key = { kind: "results" as const, rules: "เกณฑ์ที่ตั้งชื่อยาวมากจนเกินสามสิบเอ็ดตัว", agency: "ก" };
    const index = { agencies: [{ name: "ก", number: 12 }], sheets: [] };
    const first = (await planInWorkbook(await book([], index), [key])).planned[0]!.name;
    // The first name taken by a sheet of the user's: the next one is offered.
    const second = (await planInWorkbook(await book([[first, "ของฉัน"]], index), [key])).planned[0]!.name;
    assert.ok(first.length <= 31 && /#12/.test(first), first);
    assert.ok(second.length <= 31 && / \(2\)$/.test(second), second);
  });
});
