/**
 * Runs several `ita` commands in one process and prints their exit codes and output
 * as JSON: the hostile-input test starts it once as an unprivileged user, for the
 * cases where file permissions matter and the tests run as root.
 */
import { readFileSync } from "node:fs";
import { run } from "../../src/cli/main.js";

const commands = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[][];
const results: { code: number; out: string; err: string }[] = [];
for (const args of commands) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  results.push({ code, out: out.join("\n"), err: err.join("\n") });
}
process.stdout.write(JSON.stringify(results));
