/**
 * A full garbage collection on request, for `ita report`'s long runs. V8 sets its next
 * heap limit from the live size at its last full collection: after a province's workbook
 * is read (grid and row objects live, then packed) the limit stays where reading left it,
 * and writing thousands of reports fills it with garbage before the next collection, so
 * peak memory grew with the province. Collecting once after reading, and now and then
 * while writing, brings the limit down to what is really kept. Node exposes `gc` only
 * with --expose-gc, which a user's `node bin/ita.js` does not pass: the flag is set at
 * run time and the function taken from a fresh context (the documented v8 flags API).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const f: unknown = runInNewContext("gc");
      gc = typeof f === "function" ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
