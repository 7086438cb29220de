/**
 * The supported Excel builds, held to the code: the manifest declares the table's
 * requirement sets, every Office.js member office-adapter.ts uses from a later ExcelApi
 * (by the API sets Office.js's own type declarations give) is in the table of guarded
 * calls, and each of those is called only behind its guard.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { GUARDED, canCall } from "../../src/workbook/requirements.js";

/**
 * What manifest.xml's <Requirements> must declare: Excel offers the add-in only where all
 * of these hold (src/workbook/requirements.ts says which builds that means).
 */
const REQUIRED = [
  { set: "SharedRuntime", version: "1.1" },
  { set: "CustomFunctionsRuntime", version: "1.1" },
  { set: "ExcelApi", version: "1.10" },
];

const ADAPTER = readFileSync("src/workbook/office-adapter.ts", "utf8");
const OFFICE_TYPES = readFileSync(createRequire(import.meta.url).resolve("@types/office-js/index.d.ts"), "utf8");

const newer = (a: string, b: string): boolean => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  return x[0]! !== y[0]! ? x[0]! > y[0]! : x[1]! > y[1]!;
};

/**
 * Each member name of the Excel namespace → the earliest ExcelApi set of any declaration
 * of that name (a declaration whose comment names no API set, such as most `load`
 * overloads, is in every Excel: 1.1). By name, not by class, so a lower bound: a member
 * that is new in every class that has it is caught.
 */
function earliestExcelApi(): Map<string, string> {
  const start = OFFICE_TYPES.indexOf("declare namespace Excel {");
  const excel = OFFICE_TYPES.slice(start, OFFICE_TYPES.indexOf("declare namespace Word {", start));
  const out = new Map<string, string>();
  for (const m of excel.matchAll(/\/\*\*((?:(?!\*\/)[^])*)\*\/\s*(?:readonly\s+)?(\w+)\??\s*[(:<]/g)) {
    const set = /Api set: ExcelApi(?:Online)? ([\d.]+|BETA)/.exec(m[1]!);
    const version = !set ? "1.1" : set[1] === "BETA" || /ExcelApiOnline/.test(set[0]) ? "99.0" : set[1]!;
    const known = out.get(m[2]!);
    if (!known || newer(known, version)) out.set(m[2]!, version);
  }
  return out;
}

describe("the supported Excel builds", () => {
  it("are what manifest.xml declares", () => {
    const manifest = readFileSync("manifest.xml", "utf8");
    const sets = [...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => ({
      set: m[1],
      version: m[2],
    }));
    assert.deepEqual(sets, REQUIRED);
  });

  it("lists every Office.js member the adapter uses from a later ExcelApi than the declared one", () => {
    const declared = REQUIRED.find((r) => r.set === "ExcelApi")!.version;
    const earliest = earliestExcelApi();
    assert.equal(earliest.get("getMergedAreasOrNullObject"), "1.13", "the type declarations are read");
    const used = new Set([...ADAPTER.matchAll(/\.(\w+)\b/g)].map((m) => m[1]!));
    const above = [...used]
      .filter((name) => earliest.has(name) && newer(earliest.get(name)!, declared))
      .map((name) => ({ call: name, version: earliest.get(name) }));
    assert.deepEqual(
      above,
      GUARDED.map((g) => ({ call: g.call, version: g.version })),
    );
  });

  it("calls each guarded member only behind its guard", () => {
    for (const g of GUARDED) {
      const lines = ADAPTER.split("\n").filter((l) => l.includes(`.${g.call}(`));
      assert.ok(lines.length > 0, `${g.call} is not called`);
      for (const l of lines) assert.match(l, new RegExp(`canCall\\("${g.call}"\\)`), l.trim());
    }
  });

  it("asks Excel whether the set is there, and says what happens without it in Thai and English", () => {
    const asked: string[] = [];
    const g = globalThis as { Office?: unknown };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => (asked.push(`${set} ${version}`), false),
        },
      },
    };
    try {
      assert.equal(canCall("getMergedAreasOrNullObject"), false);
      assert.deepEqual(asked, ["ExcelApi 1.13"]);
    } finally {
      delete g.Office;
    }
    for (const c of GUARDED) assert.ok(/[\u0E00-\u0E7F]/.test(c.without.th) && c.without.en.length > 0);
  });
});
