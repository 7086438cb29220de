/**
 * `npm run preview`: the real task pane beside an in-memory workbook holding the
 * seed agency's score sheet and details (examples/khlong-phon-2568/scores.csv and
 * agency.csv, copied into dist by the build), so the add-in can be seen and tried without Excel. No
 * Office.js is loaded; the pane talks to the MemoryWorkbook through the same port.
 * `?lang=en` opens the pane in English; `?sample=percent` holds the seed's scores as percentages,
 * `?sample=zeros` every score as 0;
 * `?sample=province` loads a table of two agencies
 * (`&agencies=name|name` names them); `?sample=clash` adds a sheet of the user's own that
 * bears the name the add-in would give its results sheet.
 */
import "../../workbook/cf-stub.js";
import { MemoryWorkbook } from "../../workbook/memory-adapter.js";
import { mountPane } from "../pane.js";
import { mountGrid } from "./grid.js";
import { agencySheet, percentSheet, provinceSheet, seedSheet, USERS_OWN_SHEET, zerosSheet } from "./seed.js";

async function main(): Promise<void> {
  const book = document.getElementById("book");
  const app = document.getElementById("app");
  if (!book || !app) return;
  const csv = await (await fetch("preview/scores.csv")).text();
  const seed = seedSheet(csv);
  const agency = agencySheet(await (await fetch("preview/agency.csv")).text());
  const params = new URLSearchParams(location.search);
  // ?sample=province: a provincial office's table of two agencies instead of one agency's sheet.
  const names = params.get("agencies")?.split("|");
  const scores =
    params.get("sample") === "province"
      ? provinceSheet(csv, names?.length === 2 ? [names[0]!, names[1]!] : undefined)
      : params.get("sample") === "percent"
        ? percentSheet(csv)
        : params.get("sample") === "zeros"
          ? zerosSheet(csv)
          : seed;
  const workbook = new MemoryWorkbook([
    { name: scores.name, rows: scores.rows, merged: scores.merged },
    { name: agency.name, rows: agency.rows, merged: agency.merged },
    ...(params.get("sample") === "clash" ? [USERS_OWN_SHEET] : []),
  ]);
  mountGrid(book, workbook);
  const lang = params.get("lang");
  mountPane(app, workbook, {
    notice: {
      th: "ตัวอย่าง: สมุดงานในหน่วยความจำ (ไม่ใช่ Excel) มีคะแนนของเทศบาลตำบลคลองพน ปี 2568",
      en: "Preview: an in-memory workbook (not Excel) holding Khlong Phon's 2568 scores",
    },
    ...(lang === "en" || lang === "th" ? { lang } : {}),
  });
}

void main();
