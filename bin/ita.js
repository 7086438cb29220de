#!/usr/bin/env node
// Entry point of the `ita` command; the code is bundled to lib/ita/ by `npm run build:cli` (run by npm ci):
// what `ita score` needs in the files loaded at start; the parser, the rules texts, Ajv and the report
// path in chunks only the commands that use them load (scripts/bundle-cli.ts).
import { existsSync } from "node:fs";

// Node 22.3 and later keep V8's compiled code of lib/ita/ between runs (in the system's
// temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such switch:
// asking costs it 0.2 ms (getBuiltinModule, unlike importing node:module, makes no ES module).
process.getBuiltinModule?.("node:module")?.enableCompileCache?.();

const entry = new URL("../lib/ita/process.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("ยังไม่ได้ build / not built: run `npm run build:cli` (npm ci does it)");
  process.exit(2);
}
const { runProcess } = await import(entry.href);
await runProcess(process.argv.slice(2));
