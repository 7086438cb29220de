/**
 * `npm run preview` (after the build): serve dist/ on http://localhost:<port>/ and
 * print the address of the preview page — the task pane beside an in-memory
 * workbook with the seed agency's scores, no Excel needed. PORT=8080 to choose the port.
 */
import { serveStatic } from "./preview-server.js";

const port = Number(process.env.PORT ?? 3001);
const served = await serveStatic("dist", port, "localhost").catch(async (e: NodeJS.ErrnoException) => {
  if (e.code !== "EADDRINUSE") throw e;
  console.error(`พอร์ต ${port} ถูกใช้อยู่ ใช้พอร์ตว่างแทน / port ${port} is in use; using a free one`);
  return serveStatic("dist", 0, "localhost");
});
console.log(`ITA Workbench preview: ${served.url}preview.html  (Ctrl+C to stop)`);
console.log(`task pane page (outside Excel uses an empty in-memory workbook): ${served.url}taskpane.html`);
