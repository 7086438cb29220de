#!/usr/bin/env node
// Entry point of the `ita` command; the code is bundled to lib/ita/ by `npm run build:cli` (run by npm ci):
// one file with Chevrotain's single-file build, and the report path (exceljs) in a chunk only `ita report` loads.
import { existsSync } from "node:fs";

const main = new URL("../lib/ita/main.js", import.meta.url);
if (!existsSync(main)) {
  console.error("ยังไม่ได้ build / not built: run `npm run build:cli` (npm ci does it)");
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2), {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  tty: Boolean(process.stderr.isTTY),
  errRaw: (t) => process.stderr.write(t),
});
