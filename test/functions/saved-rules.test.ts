import { strict as assert } from "node:assert";
import { OfficeMockObject } from "office-addin-mock";
import { MINI } from "./support.js";
import * as F from "../../src/functions/functions.js";
import { clearWorkbookRules, workbookRulesNames } from "../../src/functions/rules.js";
import { loadSavedRules, saveRules } from "../../src/office/saved-rules.js";

const TABLE = [
  ["IIT", "i1", 90],
  ["IIT", "i2", 80],
  ["IIT", "q6", 100],
  ["EIT", "q6", 90],
  ["OIT", "o1", 80],
];

function mockExcel(items: { key: string; value: unknown }[]) {
  const calls = { syncs: 0, calculate: [] as string[], added: [] as [string, unknown][] };
  const data = {
    context: {
      workbook: {
        settings: {
          items,
          add(key: string, value: unknown) {
            calls.added.push([key, value]);
          },
        },
      },
      application: {
        calculate(type: string) {
          calls.calculate.push(type);
        },
      },
    },
    run: async function (cb: (c: unknown) => unknown) {
      return cb((this as unknown as { context: unknown }).context);
    },
  };
  const mock = new OfficeMockObject(data);
  (globalThis as unknown as { Excel: unknown }).Excel = mock;
  return calls;
}

describe("rules saved in the workbook (office-addin-mock)", () => {
  afterEach(() => clearWorkbookRules());

  it("loads ITA.rules:* settings and registers them for the functions", async () => {
    mockExcel([
      { key: "ITA.rules:เกณฑ์หน่วยงาน", value: MINI },
      { key: "other.setting", value: "x" },
    ]);
    const r = await loadSavedRules();
    assert.deepEqual(r, { loaded: ["เกณฑ์หน่วยงาน"], refused: [] });
    assert.deepEqual(workbookRulesNames(), ["เกณฑ์หน่วยงาน"]);
    assert.equal(F.total(TABLE, "เกณฑ์หน่วยงาน"), 86.75);
  });

  it("refuses saved rules named like a bundled year", async () => {
    mockExcel([{ key: "ITA.rules:2568", value: MINI }]);
    const r = await loadSavedRules();
    assert.deepEqual(r.loaded, []);
    assert.match(r.refused[0]!.reason, /bundled year/);
  });

  it("recalculates once when a function asked for the rules before they loaded", async () => {
    assert.throws(() => F.total(TABLE, "late rules"));
    const calls = mockExcel([{ key: "ITA.rules:late rules", value: MINI }]);
    await loadSavedRules();
    assert.deepEqual(calls.calculate, ["Full"]);
  });

  it("does not recalculate when nothing was waiting", async () => {
    const calls = mockExcel([{ key: "ITA.rules:quiet", value: MINI }]);
    await loadSavedRules();
    assert.deepEqual(calls.calculate, []);
  });

  it("saves rules as a workbook setting and registers them at once", async () => {
    const calls = mockExcel([]);
    await saveRules(" ใหม่ ", MINI);
    assert.deepEqual(calls.added, [["ITA.rules:ใหม่", MINI]]);
    assert.equal(F.total(TABLE, "ใหม่"), 86.75);
  });
});
