/**
 * The `ita` process around run(): standard streams, signals and exit codes. A closed
 * pipe (`ita score … | head -1`) ends the process quietly; SIGINT/SIGTERM during
 * `ita report` asks the run to stop between agencies (it cleans up and exits 130);
 * a second signal removes temporary files and exits 130 at once; other commands end on
 * the first, as any command does.
 */
import { INTERRUPTED, run } from "./main.js";
import { removeTempFiles } from "./output-files.js";

function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function runProcess(argv: readonly string[]): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const stop = new AbortController();
  const onSignal = (): void => {
    if (stop.signal.aborted) {
      removeTempFiles();
      process.exit(INTERRUPTED);
    }
    stop.abort();
  };
  // Only a report has agencies to stop between; any other command ends at once on Ctrl-C as usual.
  const stoppable = argv[0] === "report";
  if (stoppable) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  const code = await run(argv, {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    tty: Boolean(process.stderr.isTTY),
    errRaw: (t) => process.stderr.write(t),
    signal: stop.signal,
  });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.exitCode = code;
}
