/**
 * Bundles the `ita` command into lib/ita/ (run by `npm run build:cli`, after tsc has
 * type-checked and compiled lib/): process.js and the chunks it imports statically
 * hold what `ita score` needs (the scoring engine and the bundled years' precompiled
 * models); what src/cli/main.ts imports with import() goes to chunks loaded only by the
 * commands that use them: the parser (`ita check`, `ita format`, a rules file) with
 * Chevrotain's single-file build instead of its package entry (which loads some 640
 * lodash-es modules), the rules texts (`ita report`), Ajv (`--published`) and the
 * report path. test/cli/bundle.test.ts checks what `ita score` and `ita check` load.
 * The command reads and writes .xlsx itself (Node's zlib); exceljs, used by scripts and
 * tests, is kept out of the bundle should anything import it again.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// chevrotain's "exports" do not list its single-file build, so it is found beside the entry.
const chevrotainMin = join(dirname(require.resolve("chevrotain")), "..", "chevrotain.min.mjs");

rmSync("lib/ita", { recursive: true, force: true }); // chunk names carry hashes: no stale chunk left behind
await build({
  // The writer thread of `ita report` (report-writer.ts) is its own entry, beside process.js.
  entryPoints: { process: "src/cli/process.ts", "write-thread": "src/cli/write-thread.ts" },
  outdir: "lib/ita",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["exceljs"],
  alias: { chevrotain: chevrotainMin },
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
});
