import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "../support/temp-dir.js";

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

/**
 * The sources a run of bin/ita.js loaded, as the bundler named them in its `// path` comments:
 * a module hook (in Node's hooks thread) writes every file URL loaded to a file.
 */
function sourcesLoaded(args: readonly string[]): { status: number | null; sources: Set<string> } {
  const dir = tempDir("ita-loads-");
  try {
    const log = join(dir, "loads.txt");
    const hooks = `import{appendFileSync}from"node:fs";export async function load(u,c,n){if(u.startsWith("file:"))appendFileSync(process.env.ITA_LOADS,u+"\\n");return n(u,c)}`;
    const register = `import{register}from"node:module";register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const r = spawnSync(
      process.execPath,
      ["--import", `data:text/javascript,${encodeURIComponent(register)}`, "bin/ita.js", ...args],
      { encoding: "utf8", env: { ...process.env, ITA_LOADS: log } },
    );
    const files = readFileSync(log, "utf8").split("\n").filter(Boolean);
    const sources = new Set(
      files
        .flatMap((url) => [
          ...readFileSync(fileURLToPath(url), "utf8").matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm),
        ])
        .map((m) => m[1]!.replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, "$1")),
    );
    return { status: r.status, sources };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sources that a quick start leaves alone: the parser, the rules texts, Ajv and the report path. */
const HEAVY = [
  "node_modules/chevrotain",
  "src/dsl/parser.ts",
  "src/rules/bundled.ts",
  "node_modules/ajv",
  "src/cli/report.ts",
];

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
  it("ita score on a bundled year loads neither the parser, the rules texts, Ajv nor the report path", () => {
    const { status, sources } = sourcesLoaded(["score", "examples/khlong-phon-2568/scores.csv"]);
    assert.equal(status, 0);
    assert.ok(sources.has("src/engine/evaluate.ts"), "the scoring engine is loaded");
    assert.deepEqual(
      HEAVY.filter((s) => sources.has(s)),
      [],
    );
  });
  it("ita check loads the parser but neither the rules texts, Ajv nor the report path", () => {
    const { status, sources } = sourcesLoaded(["check", "rules/ita-2568.ita"]);
    assert.equal(status, 0);
    assert.ok(sources.has("node_modules/chevrotain") && sources.has("src/dsl/parser.ts"), "the parser is loaded");
    assert.deepEqual(
      HEAVY.slice(2).filter((s) => sources.has(s)),
      [],
    );
  });
});
