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
  it("loads nothing but Node's own modules and its own chunks (no exceljs, even for reports)", () => {
    for (const f of files) {
      const outside = importsOf(f).filter((s) => !s.startsWith("node:") && !s.startsWith("./"));
      assert.deepEqual(outside, [], f);
    }
  });
  it("score and check start without the report path: main reaches the report chunk by import() only", () => {
    const main = importsOf("process.js");
    const report = files.find((f) => f.startsWith("report-"));
    assert.ok(report, "a report chunk");
    const staticImports = readFileSync("lib/ita/process.js", "utf8").match(/^import .*$/gm) ?? [];
    assert.ok(!staticImports.some((l) => l.includes(report)), "main imports the report chunk statically");
    assert.ok(main.includes(`./${report}`), "main does not import() the report chunk");
  });
});
