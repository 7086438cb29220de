/**
 * The report .xlsx as a user opens it: read back with exceljs, every cell's value and
 * look, the sheets' print setup, frozen rows, widths and highlights are the same as in
 * the files exceljs itself wrote before the writer was ours (test/fixtures/report/*-exceljs.xlsx,
 * written from the same reports with a fixed date).
 */
import { strict as assert } from "node:assert";
import ExcelJS from "exceljs";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { buildReport, type ReportModel } from "../../src/report/model.js";
import { summaryEntry } from "../../src/report/summary.js";
import { renderSummaryXlsx, reportXlsxParts, type XlsxParts } from "../../src/report/xlsx.js";
import { zip } from "../../src/report/zip.js";

/** The bytes `ita report` writes for these parts (cli/report-files.ts). */
const xlsxBytes = ({ parts, when }: XlsxParts): Buffer => zip(parts, when);
import { seedRows } from "../support/seed.js";

const date = new Date("2025-01-02T03:04:05Z");
const seedAgency = { name: "เทศบาลตำบลคลองพน", district: "คลองท่อม", province: "กระบี่" };

function report(agency: { name: string; district?: string; province?: string }, thaiDigits = false): ReportModel {
  const l = loadRulesText(bundledText("2568")!);
  if (!l.ok) throw new Error("rules");
  const o = evaluateRows(l.compiled, seedRows());
  if (!o.ok) throw new Error("seed");
  return buildReport(o.evaluation, l.compiled.model, agency, { thaiDigits });
}

async function open(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof data === "string") await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** What a cell shows and how it looks, with absent and false settings alike. */
function cellLook(c: ExcelJS.Cell): unknown {
  const f = c.font ?? {};
  const a = c.alignment ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return {
    value: c.value,
    font: [f.name, f.size, !!f.bold, !!f.italic, f.color?.argb],
    fill: fill?.pattern === "solid" ? fill.fgColor?.argb : undefined,
    align: [a.horizontal, a.vertical, !!a.wrapText],
    border: ["top", "left", "bottom", "right"].map((s) => {
      const b = c.border?.[s as "top"];
      return b?.style ? `${b.style} ${b.color?.argb}` : undefined;
    }),
    numFmt: c.numFmt || undefined,
    locked: c.protection?.locked !== false,
  };
}

function sheetLook(ws: ExcelJS.Worksheet): unknown {
  const p = ws.pageSetup;
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  const cellsSeen: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cellsSeen[cell.address] = cellLook(cell);
    }),
  );
  return {
    name: ws.name,
    print: [p.paperSize, p.orientation, !!p.fitToPage, p.fitToWidth, p.fitToHeight, p.printTitlesRow, p.margins],
    frozen: view?.state === "frozen" ? view.ySplit : undefined,
    widths: (ws.columns ?? []).map((c) => c.width),
    highlights: (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings.map((cf) => ({
      ref: cf.ref,
      rules: cf.rules.map((r) => {
        const rule = r as ExcelJS.CellIsRuleType;
        const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
        return [rule.type, rule.operator, rule.formulae, fill?.bgColor?.argb, rule.style?.font?.color?.argb];
      }),
    })),
    cells: cellsSeen,
  };
}

async function sameAsBefore(written: Buffer, fixture: string): Promise<void> {
  const now = await open(written);
  const before = await open(`test/fixtures/report/${fixture}`);
  assert.deepEqual(
    now.worksheets.map((w) => w.name),
    before.worksheets.map((w) => w.name),
  );
  for (let i = 0; i < before.worksheets.length; i++) {
    assert.deepEqual(sheetLook(now.worksheets[i]!), sheetLook(before.worksheets[i]!), before.worksheets[i]!.name);
  }
}

describe("the report .xlsx", () => {
  it("shows the seed agency's cells, looks, print setup and highlights as before", async () => {
    await sameAsBefore(xlsxBytes(reportXlsxParts(report(seedAgency), { date })), "seed-exceljs.xlsx");
  });

  it("shows the seed agency's report in Thai digits as before", async () => {
    await sameAsBefore(xlsxBytes(reportXlsxParts(report(seedAgency, true), { date })), "seed-thai-digits-exceljs.xlsx");
  });

  it("shows the summary of agencies and the files not reported as before, from summary entries alone", async () => {
    const entries = [report({ name: "อบต.สอง" }), report(seedAgency)].map(summaryEntry);
    const xlsx = await renderSummaryXlsx(entries, [{ file: "bad.xlsx", message: "x / y" }], { date });
    await sameAsBefore(xlsx, "summary-exceljs.xlsx");
  });

  it("carries the report's title and the given date in the file's properties", async () => {
    const wb = await open(xlsxBytes(reportXlsxParts(report(seedAgency), { date })));
    assert.match(wb.title, /ประจำปีงบประมาณ พ.ศ. 2568 เทศบาลตำบลคลองพน$/);
    assert.equal(wb.creator, "ITA Workbench");
    assert.equal(wb.created.toISOString(), date.toISOString());
  });
});
