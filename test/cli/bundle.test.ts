import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";

// The bundled `ita` (lib/ita/, built by `npm run build:cli`, which `npm ci` runs): what each file imports.
const files = readdirSync("lib/ita").filter((f) => f.endsWith(".js"));
const importsOf = (file: string): string[] => {
  const text = readFileSync(`lib/ita/${file}`, "utf8");
  return [
    ...text.matchAll(
      /(?:^|[\s;])(?:import|export)\s*(?:[\w*{}\s,$]*\sfrom\s*)?["']([^"']+)["']|import\(["']([^"']+)["']\)/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
};

describe("the bundled ita command", () => {
  it("loads nothing but Node's own modules, its own chunks and, for reports, exceljs", () => {
    for (const f of files) {
      const outside = importsOf(f).filter((s) => !s.startsWith("node:") && !s.startsWith("./") && s !== "exceljs");
      assert.deepEqual(outside, [], f);
    }
  });
  it("score and check start without exceljs: only the report chunk imports it, and main reaches it by import()", () => {
    const main = importsOf("process.js");
    const withExcel = files.filter((f) => importsOf(f).includes("exceljs"));
    assert.equal(withExcel.length, 1);
    assert.match(withExcel[0]!, /^report-/);
    const staticImports = readFileSync("lib/ita/process.js", "utf8").match(/^import .*$/gm) ?? [];
    assert.ok(!staticImports.some((l) => l.includes(withExcel[0]!)), "main imports the report chunk statically");
    assert.ok(main.includes(`./${withExcel[0]!}`), "main does not import() the report chunk");
  });
});
