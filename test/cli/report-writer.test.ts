/**
 * `ita report`'s writer (src/cli/report-writer.ts): an agency's pair of files is the
 * same, byte for byte, whether its writer thread or the main thread writes it; a file
 * that cannot be written is named as the main thread would name it; and the bundled
 * command writes a province through the thread, whole pairs and nothing left behind.
 * The thread's script is the built one (lib/ita/, made by `npm run build:cli`).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main.js";
import { writeReportFiles, type ReportFilesJob } from "../../src/cli/report-files.js";
import { ReportWriter } from "../../src/cli/report-writer.js";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { renderHtmlParts } from "../../src/report/html.js";
import { buildReport } from "../../src/report/model.js";
import { reportXlsxParts } from "../../src/report/xlsx.js";
import { seedRows } from "../support/seed.js";
import { writeSeedWorkbook } from "./workbooks.js";
import { tempDir } from "../support/temp-dir.js";

const BUILT_THREAD = pathToFileURL(resolve("lib/ita/write-thread.js"));
const tmp = tempDir("ita-writer-");
let n = 0;
const dir = (): string => {
  const d = join(tmp, String(++n));
  mkdirSync(d);
  return d;
};

function seedJob(temps: readonly [string, string], name = "เทศบาลตำบลคลองพน"): ReportFilesJob {
  const l = loadRulesText(bundledText("2568")!);
  if (!l.ok) throw new Error("rules do not load");
  const o = evaluateRows(l.compiled, seedRows());
  if (!o.ok) throw new Error("seed does not evaluate");
  const report = buildReport(o.evaluation, l.compiled.model, { name });
  return {
    temps,
    xlsx: reportXlsxParts(report, { date: new Date("2026-01-15T08:00:00Z") }),
    html: renderHtmlParts(report),
  };
}

describe("ita report's writer", () => {
  before(function () {
    if (!existsSync(BUILT_THREAD)) this.skip(); // npm ci builds lib/ita; CI runs `npm run build:cli` before the tests
  });

  it("writes an agency's pair on its thread byte for byte as the main thread does", async () => {
    const d = dir();
    const writer = new ReportWriter(1000, BUILT_THREAD);
    try {
      assert.equal(writer.threaded, true);
      await writer.write(seedJob([join(d, "t.xlsx"), join(d, "t.html")]));
    } finally {
      await writer.close();
    }
    writeReportFiles(seedJob([join(d, "m.xlsx"), join(d, "m.html")]));
    assert.ok(readFileSync(join(d, "t.xlsx")).equals(readFileSync(join(d, "m.xlsx"))), "the same .xlsx bytes");
    assert.ok(readFileSync(join(d, "t.html")).equals(readFileSync(join(d, "m.html"))), "the same .html bytes");
  });

  it("writes agencies in flight together, then more through the buffers handed back, each byte for byte as the main thread does", async () => {
    const d = dir();
    // Names of very different lengths, so that a buffer refilled by a shorter agency would show any byte left by a longer one.
    const names = [
      "อบต.ก",
      "เทศบาลตำบลคลองพน ".repeat(300),
      "อบจ.",
      "เทศบาลเมือง ".repeat(40),
      "ก",
      "สำนักงาน 😀 \ud800",
    ];
    const writer = new ReportWriter(1000, BUILT_THREAD);
    try {
      for (const round of [0, 1]) {
        const batch = round === 0 ? names : [...names].reverse();
        await Promise.all(
          batch.map((name, i) =>
            writer.write(seedJob([join(d, `t${round}-${i}.xlsx`), join(d, `t${round}-${i}.html`)], name)),
          ),
        );
        assert.ok(writer.buffersKept > 0, "the thread hands its buffers back");
        batch.forEach((name, i) =>
          writeReportFiles(seedJob([join(d, `m${round}-${i}.xlsx`), join(d, `m${round}-${i}.html`)], name)),
        );
      }
    } finally {
      await writer.close();
    }
    for (const round of [0, 1]) {
      for (let i = 0; i < names.length; i++) {
        for (const ext of [".xlsx", ".html"]) {
          const [t, m] = [`t${round}-${i}${ext}`, `m${round}-${i}${ext}`];
          assert.ok(readFileSync(join(d, t)).equals(readFileSync(join(d, m))), t);
        }
      }
    }
  });

  it("names the file its thread could not write with the file system's code and path, and leaves neither file", async () => {
    const d = dir();
    const missing = join(d, "gone", "t.html");
    const writer = new ReportWriter(1000, BUILT_THREAD);
    try {
      await assert.rejects(
        writer.write(seedJob([join(d, "t.xlsx"), missing])),
        (e: { code?: string; path?: string }) => {
          assert.equal(e.code, "ENOENT");
          assert.equal(e.path, missing);
          return true;
        },
      );
    } finally {
      await writer.close();
    }
    assert.deepEqual(readdirSync(d), [], "the .xlsx written before is removed too");
  });

  it("fails the jobs a thread that stops was writing, naming it, and writes the later ones in the calling thread", async () => {
    const d = dir();
    const writer = new ReportWriter(1000, pathToFileURL(resolve("test/fixtures/threads/stops.mjs")));
    try {
      await assert.rejects(
        writer.write(seedJob([join(d, "a.xlsx"), join(d, "a.html")])),
        /the writer thread stopped: exit code 3/,
      );
      assert.equal(writer.threaded, false);
      await writer.write(seedJob([join(d, "b.xlsx"), join(d, "b.html")]));
    } finally {
      await writer.close();
    }
    assert.deepEqual(readdirSync(d).sort(), ["b.html", "b.xlsx"]);
  });

  it("writes a few agencies in the calling thread: a thread's start would cost more than it saves", async () => {
    const writer = new ReportWriter(3, BUILT_THREAD);
    assert.equal(writer.threaded, false);
    const d = dir();
    await writer.write(seedJob([join(d, "t.xlsx"), join(d, "t.html")]));
    assert.deepEqual(readdirSync(d).sort(), ["t.html", "t.xlsx"]);
  });

  it("the bundled command writes a province through its thread: the same pages as the sources' run, whole workbooks, nothing left", async function () {
    this.timeout(120000);
    const d = dir();
    // As many as report-writer.ts takes a thread for (THREAD_FROM).
    const names = Array.from({ length: 200 }, (_, i) => `อบต.ที่ ${i + 1}`);
    await writeSeedWorkbook(join(d, "province.xlsx"), { agency: null, agencies: names, step: 0.25 });
    const bundled = spawnSync(
      process.execPath,
      ["bin/ita.js", "report", join(d, "province.xlsx"), "--out", join(d, "a")],
      {
        encoding: "utf8",
      },
    );
    assert.equal(bundled.status, 0, bundled.stderr);
    const code = await run(["report", join(d, "province.xlsx"), "--out", join(d, "b")], {
      out: () => undefined,
      err: () => undefined,
    });
    assert.equal(code, 0);
    const files = readdirSync(join(d, "a")).sort();
    assert.deepEqual(files, readdirSync(join(d, "b")).sort());
    assert.equal(files.length, 2 * names.length + 2);
    assert.deepEqual(
      files.filter((f) => f.startsWith(".")),
      [],
      "no temporary file or lock left",
    );
    for (const name of names) {
      const page = (out: string): string => readFileSync(join(d, out, `${name}.html`), "utf8");
      assert.equal(page("a"), page("b"), `${name}.html`);
    }
    // The first, a middle and the last workbook read back whole (exceljs is slow to open 200).
    for (const name of [names[0]!, names[100]!, names[199]!]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(d, "a", `${name}.xlsx`));
      assert.equal(wb.worksheets.length, 3, `${name}.xlsx is a whole workbook`);
    }
  });
});
