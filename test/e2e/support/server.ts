/**
 * The built add-in (dist/, made by `npm run build` before `test:e2e`) served on
 * 127.0.0.1 at a random port for the browser tests. Any e2e test may use it.
 */
import { existsSync } from "node:fs";
import { serveStatic, type StaticServer } from "../../../scripts/preview-server.js";

export type { StaticServer };

export async function serveDist(): Promise<StaticServer> {
  if (!existsSync("dist/preview.html")) throw new Error("dist/ is not built: run `npm run build` first");
  return serveStatic("dist", 0, "127.0.0.1");
}
