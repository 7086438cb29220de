/**
 * The Office.js adapter against office-addin-mock: the mock refuses to give a
 * property that was not loaded and synced, and context.sync is counted, so each
 * port method is held to one round trip to read and one to write.
 */
import { strict as assert } from "node:assert";
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/workbook/office-adapter.js";
import { SheetExistsError, type CellWrite } from "../../src/workbook/port.js";
import { textToXml, xmlToText } from "../../src/workbook/xml-text.js";

type Data = Record<string, unknown>;

/** Installs `Excel` built from `context`; returns the sync counter. */
function installExcel(context: Data, patch: (mock: Data) => void = () => {}): { syncs: number } {
  const counter = { syncs: 0 };
  const data = {
    context: {
      ...context,
      sync: async function (this: OfficeMockObject) {
        counter.syncs++;
        await OfficeMockObject.prototype.sync.call(this);
        await new Promise((r) => setTimeout(r, 0)); // the mock updates nested objects asynchronously
      },
    },
    run: async function (this: { context: unknown }, cb: (c: unknown) => unknown) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as Data;
  patch(mock);
  (globalThis as { Excel?: unknown }).Excel = mock;
  return counter;
}

/**
 * A selection on sheet คะแนน at `address`, whose cells in use are `used` (null: none in
 * use, Excel's null object). Merged areas: none.
 */
function installSelection(
  address: string,
  used: { values: unknown[][]; valueTypes: string[][]; address: string } | null,
): { syncs: number } {
  return installExcel(
    {
      workbook: {
        selected: {
          address,
          worksheet: { name: "คะแนน" },
          used: {
            ...(used ?? { values: [[""]], valueTypes: [["Empty"]], address: "" }),
            merged: { address: "" },
            getMergedAreasOrNullObject() {
              return (this as Data).merged;
            },
          },
          getUsedRangeOrNullObject() {
            return (this as Data).used;
          },
        },
        getSelectedRange() {
          return (this as Data).selected;
        },
      },
    },
    (m) => {
      const u = ((m.context as Data).workbook as { selected: { used: Data & { merged: Data } } }).selected.used;
      u.isNullObject = used === null;
      u.merged.isNullObject = true;
    },
  );
}

interface Written {
  address: string;
  formulas?: unknown;
  numberFormat?: unknown;
  format: { font: Data; fill: Data; columnWidth?: number; borders: Data[]; wrapText?: boolean };
  conditional: Data[];
  dataValidation: Data;
}

/** A sheet the add-in adds: a plain recorder (writes need no load, so no mock is needed). */
/** Excel with no sheet of the name written: writeSheet adds `added`. */
function installWithoutSheet(added: Data): { syncs: number } {
  return installExcel(
    {
      workbook: {
        worksheets: {
          existing: { delete() {} },
          getItemOrNullObject(this: Data) {
            return this.existing;
          },
          add: () => added,
        },
      },
      application: { suspendApiCalculationUntilNextSync() {} },
    },
    (m) => {
      (((m.context as Data).workbook as Data).worksheets as { existing: Data }).existing.isNullObject = true;
    },
  );
}

function recorderSheet() {
  const ranges: Written[] = [];
  const charts: Data[] = [];
  const sheet = {
    ranges,
    activated: false,
    frozen: 0,
    pageLayout: {
      setPrintTitleRows(this: Data, r: string) {
        this.titles = r;
      },
    } as Data,
    freezePanes: { freezeRows: (n: number) => (sheet.frozen = n) },
    activate: () => (sheet.activated = true),
    getRange(address = "") {
      const w: Written = {
        address,
        format: { font: {}, fill: {}, borders: [] },
        conditional: [],
        dataValidation: {},
      };
      ranges.push(w);
      return {
        set formulas(v: unknown) {
          w.formulas = v;
        },
        set numberFormat(v: unknown) {
          w.numberFormat = v;
        },
        format: {
          font: w.format.font,
          fill: w.format.fill,
          set columnWidth(v: number) {
            w.format.columnWidth = v;
          },
          set wrapText(v: boolean) {
            w.format.wrapText = v;
          },
          set horizontalAlignment(_v: string) {},
          set verticalAlignment(_v: string) {},
          borders: {
            getItem: (edge: string) => {
              const b = { edge };
              w.format.borders.push(b);
              return b;
            },
          },
        },
        conditionalFormats: {
          add: (type: string) => {
            const cf = { type, cellValue: { format: { fill: {}, font: {} } } };
            w.conditional.push(cf);
            return cf;
          },
        },
        dataValidation: w.dataValidation,
        select: () => undefined,
      };
    },
    charts: Object.assign(charts, {
      add(type: string, range: object, by: string) {
        const series: Data[] = [{ setXAxisValues() {} }];
        const chart = {
          type,
          range,
          by,
          series,
          title: {} as Data,
          legend: {} as Data,
          setPosition(this: Data, at: string) {
            this.at = at;
          },
        } as Data & { series: Data[] };
        Object.assign(series, {
          getItemAt: (i: number) => series[i],
          add: (name: string) => {
            const s = { name, setValues() {}, setXAxisValues() {} };
            series.push(s);
            return s;
          },
        });
        charts.push(chart);
        return chart;
      },
    }),
  };
  return sheet;
}

describe("the Office.js workbook adapter", () => {
  afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

  it("reads a sheet's used range, value types and merged cells in one sync", async () => {
    const counter = installExcel(
      {
        workbook: {
          worksheets: {
            sheet: {
              used: {
                values: [
                  ["ITA 2568", "", ""],
                  ["เครื่องมือ", "ข้อ", "คะแนน"],
                  ["IIT", "i1", 99.43],
                ],
                valueTypes: [
                  ["String", "Empty", "Empty"],
                  ["String", "String", "String"],
                  ["String", "String", "Double"],
                ],
                address: "'คะแนน'!A1:C3",
                merged: { address: "'คะแนน'!A1:C1" },
                getMergedAreasOrNullObject() {
                  return (this as Data).merged;
                },
              },
              getUsedRangeOrNullObject() {
                return (this as Data).used;
              },
            },
            getItem(this: Data, name: string) {
              this.asked = name;
              return this.sheet;
            },
          },
        },
      },
      (m) => {
        const used = (
          (m.context as Data).workbook as Data & { worksheets: { sheet: { used: Data & { merged: Data } } } }
        ).worksheets.sheet.used;
        used.isNullObject = false;
        used.merged.isNullObject = false;
      },
    );
    const r = await new OfficeWorkbook().readRange("คะแนน");
    assert.equal(counter.syncs, 1);
    assert.equal(r.topLeft, "A1");
    assert.deepEqual(r.kinds[2], ["string", "string", "number"]);
    assert.deepEqual(r.values[2], ["IIT", "i1", 99.43]);
    assert.deepEqual(r.merged, ["A1:C1"]);
  });

  it("reads a range in an Excel without ExcelApi 1.13, never asking it for merged areas", async () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => v !== "1.13" } } };
    try {
      installExcel(
        {
          workbook: {
            worksheets: {
              sheet: {
                used: {
                  values: [["IIT", "i1", 99.43]],
                  valueTypes: [["String", "String", "Double"]],
                  address: "S!A1:C1",
                },
                getUsedRangeOrNullObject() {
                  return (this as Data).used;
                },
              },
              getItem(this: Data) {
                return this.sheet;
              },
            },
          },
        },
        (m) => {
          const used = ((m.context as Data).workbook as Data & { worksheets: { sheet: { used: Data } } }).worksheets
            .sheet.used;
          used.isNullObject = false;
        },
      );
      const r = await new OfficeWorkbook().readRange("S");
      assert.deepEqual(r.values, [["IIT", "i1", 99.43]]);
      assert.deepEqual(r.merged, []);
    } finally {
      delete g.Office;
    }
  });

  it("writes a whole sheet — values, formats, conditional format, validation, chart — in one read and one write sync", async () => {
    const added = recorderSheet();
    const counter = installWithoutSheet(added);
    await new OfficeWorkbook().writeSheet(
      {
        name: "ผลการประเมิน ITA 2568",
        rows: [
          ["ตัวชี้วัด", "คะแนน"],
          [1, { formula: '=ITA.INDICATOR(A1:C9,1,"2568")', value: 98.67 }],
          ["=not a formula"],
        ],
        formats: [{ range: "B2:B3", numberFormat: "0.00", border: true }],
        below: [{ range: "B2:B3", below: 85, fill: "#FDE7E9" }],
        above: [{ range: "D5", above: 0, fill: "#FDE7E9" }],
        validation: [{ range: "B2:B3", min: 0, max: 100, message: { th: "0–100", en: "0–100" } }],
        charts: [
          {
            title: "t",
            categories: "A2:A3",
            values: { name: "คะแนน", range: "B2:B3" },
            lines: [{ name: "85", range: "C2:C3" }],
            at: "E2",
          },
        ],
        freezeRows: 1,
      },
      { replace: false, activate: true },
    );
    assert.equal(counter.syncs, 2);
    const values = added.ranges.find((r) => r.formulas)!;
    assert.equal(values.address, "A1:B3");
    assert.deepEqual(values.formulas, [
      ["ตัวชี้วัด", "คะแนน"],
      [1, '=ITA.INDICATOR(A1:C9,1,"2568")'],
      ["'=not a formula", ""],
    ]);
    const b = added.ranges.find((r) => r.numberFormat)!;
    assert.deepEqual(b.numberFormat, [["0.00"], ["0.00"]]);
    assert.deepEqual(
      b.format.borders.map((x) => x.edge),
      ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal"],
    );
    const cf = added.ranges.flatMap((r) => r.conditional)[0] as { cellValue: { rule: Data; format: { fill: Data } } };
    assert.deepEqual(cf.cellValue.rule, { formula1: "85", operator: "LessThan" });
    assert.equal(cf.cellValue.format.fill.color, "#FDE7E9");
    const warn = added.ranges.find((r) => r.address === "D5")!.conditional[0] as { cellValue: { rule: Data } };
    assert.deepEqual(warn.cellValue.rule, { formula1: "0", operator: "GreaterThan" });
    const dv = added.ranges.find((r) => r.dataValidation.rule)!.dataValidation;
    assert.deepEqual(dv.rule, { decimal: { formula1: 0, formula2: 100, operator: "Between" } });
    const chart = added.charts[0] as Data & { series: Data[] };
    assert.equal(chart.type, "ColumnClustered");
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.chartType]),
      [
        ["คะแนน", undefined],
        ["85", "Line"],
      ],
    );
    assert.equal(chart.at, "E2");
    assert.equal(added.frozen, 1);
    assert.equal(added.activated, true);
  });

  it("refuses to write over a sheet that exists unless told to replace it, after one read", async () => {
    let added = false;
    const counter = installExcel(
      {
        workbook: {
          worksheets: {
            existing: { delete() {} },
            getItemOrNullObject(this: Data) {
              return this.existing;
            },
            add: () => {
              added = true;
              return recorderSheet();
            },
          },
        },
        application: { suspendApiCalculationUntilNextSync() {} },
      },
      (m) => {
        (((m.context as Data).workbook as Data).worksheets as { existing: Data }).existing.isNullObject = false;
      },
    );
    await assert.rejects(
      new OfficeWorkbook().writeSheet({ name: "คะแนน", rows: [] }, { replace: false }),
      SheetExistsError,
    );
    assert.equal(counter.syncs, 1);
    assert.equal(added, false);
  });

  it("selects a cell on its sheet in one sync", async () => {
    const log: string[] = [];
    const counter = installExcel({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => log.push(`activate ${name}`),
            getRange: (a: string) => ({ select: () => log.push(`select ${a}`) }),
          }),
        },
      },
    });
    await new OfficeWorkbook().select("คะแนน", "C22");
    assert.deepEqual(log, ["activate คะแนน", "select C22"]);
    assert.equal(counter.syncs, 1);
  });

  it("reads a workbook setting in one sync and lists setting keys by prefix", async () => {
    const counter = installExcel(
      {
        workbook: {
          settings: {
            item: { value: "2568" },
            getItemOrNullObject(this: Data) {
              return this.item;
            },
          },
        },
      },
      (m) => {
        const settings = ((m.context as Data).workbook as Data).settings as Data;
        (settings.item as Data).isNullObject = false;
        // A collection's items are an array in Office.js; the mock cannot navigate "items/key", so record the load.
        settings.load = function (this: Data, what: string) {
          this.loaded = what;
        };
        settings.items = [{ key: "ITA.rules:a" }, { key: "ITA.choice.rules" }];
      },
    );
    const port = new OfficeWorkbook();
    assert.equal(await port.getSetting("ITA.choice.rules"), "2568");
    assert.equal(counter.syncs, 1);
    assert.deepEqual(await port.settingKeys("ITA.rules:"), ["ITA.rules:a"]);
    assert.equal(counter.syncs, 2);
  });

  /** Custom XML parts as Office.js gives them: by id, a null object for an id that holds nothing. */
  function installParts(stored: Record<string, string>): { syncs: number; added: string[]; deleted: string[] } {
    const log = { added: [] as string[], deleted: [] as string[] };
    const part = (id: string | null) => ({
      id: id ?? "",
      isNullObject: id === null,
      getXml: () => ({ value: id === null ? "" : stored[id] }),
      delete: () => log.deleted.push(id ?? "null"),
      load() {
        return this;
      },
    });
    const counter = installExcel({ workbook: { customXmlParts: {} } }, (m) => {
      const parts = ((m.context as Data).workbook as Data).customXmlParts as Data;
      parts.getItemOrNullObject = (id: string) => part(id in stored ? id : null);
      parts.add = (xml: string) => {
        log.added.push(xml);
        return part("{new}");
      };
    });
    return Object.assign(counter, log);
  }

  it("reads stored texts by id in two syncs (find the parts, then their XML), undefined where none", async () => {
    const counter = installParts({ "{a}": textToXml("ข้อความ\r\n<เกณฑ์> & \u0001") });
    const texts = await new OfficeWorkbook().readTexts(["{a}", "{gone}"]);
    assert.deepEqual(texts, ["ข้อความ\r\n<เกณฑ์> & \u0001", undefined]);
    assert.equal(counter.syncs, 2);
  });

  it("writes a text as a custom XML part and deletes the parts it replaces, one sync to read and one to write", async () => {
    const counter = installParts({ "{old}": textToXml("เดิม") });
    const id = await new OfficeWorkbook().writeText("ใหม่", ["{old}", "{missing}"]);
    assert.equal(id, "{new}");
    assert.equal(xmlToText(counter.added[0]!), "ใหม่");
    assert.deepEqual(counter.deleted, ["{old}"]);
    assert.equal(counter.syncs, 2);
  });

  it("writes a new text with nothing to replace in one sync", async () => {
    const counter = installParts({});
    await new OfficeWorkbook().writeText("ใหม่");
    assert.equal(counter.syncs, 1);
  });

  it("writes several settings, removals included, in one sync to read and one to write", async () => {
    const log: string[] = [];
    const counter = installExcel({ workbook: { settings: {} } }, (m) => {
      const settings = ((m.context as Data).workbook as Data).settings as Data;
      settings.add = (k: string, v: string) => log.push(`add ${k}=${v}`);
      settings.getItemOrNullObject = (k: string) => ({
        isNullObject: k !== "ITA.rules:old",
        delete: () => log.push(`delete ${k}`),
      });
    });
    await new OfficeWorkbook().setSettings({
      "ITA.rules-ref:a": "{}",
      "ITA.rules:old": undefined,
      "ITA.none": undefined,
    });
    assert.deepEqual(log, ["delete ITA.rules:old", "add ITA.rules-ref:a={}"]);
    assert.equal(counter.syncs, 2);
  });

  it("lists the sheets with their used ranges in two syncs (names, then used ranges)", async () => {
    const used = (address: string | null) => ({
      isNullObject: address === null,
      address: address ?? "",
      load() {
        return this;
      },
    });
    const counter = installExcel({ workbook: { worksheets: {} } }, (m) => {
      const sheets = ((m.context as Data).workbook as Data).worksheets as Data;
      // A collection's items are an array in Office.js; the mock cannot navigate "items/name", so record the load.
      sheets.load = function (this: Data, what: string) {
        this.loaded = what;
      };
      sheets.items = [
        { name: "คะแนน", getUsedRangeOrNullObject: () => used("'คะแนน'!A1:C38") },
        { name: "ว่าง", getUsedRangeOrNullObject: () => used(null) },
      ];
    });
    assert.deepEqual(await new OfficeWorkbook().listSheets(), [{ name: "คะแนน", used: "A1:C38" }, { name: "ว่าง" }]);
    assert.equal(counter.syncs, 2);
  });

  it("reads only the cells in use when whole columns are selected, in one sync", async () => {
    const counter = installSelection("'คะแนน'!A:C", {
      values: [
        ["เครื่องมือ", "ข้อ", "คะแนน"],
        ["IIT", "i1", 99.43],
      ],
      valueTypes: [
        ["String", "String", "String"],
        ["String", "String", "Double"],
      ],
      address: "'คะแนน'!A3:C4",
    });
    const r = await new OfficeWorkbook().readSelection();
    assert.equal(counter.syncs, 1);
    assert.equal(r.sheet, "คะแนน");
    assert.equal(r.topLeft, "A3");
    assert.equal(r.values.length, 2);
    assert.deepEqual(r.values[1], ["IIT", "i1", 99.43]);
  });

  it("reads an empty selection of whole columns as one blank cell at its top left, in one sync", async () => {
    const counter = installSelection("'คะแนน'!E:G", null);
    const r = await new OfficeWorkbook().readSelection();
    assert.equal(counter.syncs, 1);
    assert.deepEqual({ topLeft: r.topLeft, values: r.values }, { topLeft: "E1", values: [[""]] });
  });

  /** What writeSheet puts in Range.formulas for one row of cells. */
  async function writtenFormulas(row: readonly CellWrite[]): Promise<unknown[]> {
    const added = recorderSheet();
    installWithoutSheet(added);
    await new OfficeWorkbook().writeSheet({ name: "ผล", rows: [row] }, { replace: false, activate: false });
    return (added.ranges.find((r) => r.formulas)!.formulas as unknown[][])[0]!;
  }

  it("keeps text that Excel would take for a formula, number, date or truth value as text", async () => {
    const cells: [CellWrite, unknown][] = [
      ["=1+1", "'=1+1"],
      ["-5 คะแนน", "'-5 คะแนน"],
      [{ formula: "=ITA.TOTAL(A1:C3)", value: 1 }, "=ITA.TOTAL(A1:C3)"],
      ["9.1", "'9.1"], // a sub-indicator id, not the number 9.1
      ["1/10", "'1/10"], // not the 1st of October
      ["TRUE", "'TRUE"],
      ["#N/A", "'#N/A"], // text, not Excel's error value
      ["฿100", "'฿100"],
      ["'quoted", "''quoted"], // the user's own apostrophe is kept
      ["ตัวชี้วัดที่ 9.1", "ตัวชี้วัดที่ 9.1"],
      [93.6, 93.6],
      [null, ""],
    ];
    assert.deepEqual(
      await writtenFormulas(cells.map(([w]) => w)),
      cells.map(([, f]) => f),
    );
  });

  it("reads every merged area of a sheet, each without its sheet name", async () => {
    installExcel(
      {
        workbook: {
          worksheets: {
            sheet: {
              used: {
                values: [["ITA 2568", "", ""]],
                valueTypes: [["String", "Empty", "Empty"]],
                address: "Sheet1!A1:D6",
                merged: { address: "Sheet1!A1:C1, Sheet1!D4:D6" },
                getMergedAreasOrNullObject() {
                  return (this as Data).merged;
                },
              },
              getUsedRangeOrNullObject() {
                return (this as Data).used;
              },
            },
            getItem(this: Data) {
              return this.sheet;
            },
          },
        },
      },
      (m) => {
        const used = (
          (m.context as Data).workbook as Data & { worksheets: { sheet: { used: Data & { merged: Data } } } }
        ).worksheets.sheet.used;
        used.isNullObject = false;
        used.merged.isNullObject = false;
      },
    );
    assert.deepEqual((await new OfficeWorkbook().readRange("Sheet1")).merged, ["A1:C1", "D4:D6"]);
  });
});
