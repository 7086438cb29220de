/**
 * Folders for a test's files: fresh under the system's temporary folder, and removed when
 * the test process exits, so that running the tests again and again (a province run
 * writes tens of megabytes) does not fill the disk.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

process.on("exit", () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left behind (a file still held, no permission): a test run's result is not changed by it.
    }
  }
});

/** A new empty folder named `<prefix>XXXXXX`, gone when the process ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
