/**
 * One agency's pair of report files written to their temporary names: the .xlsx parts
 * zipped (report/zip.ts) and the HTML page encoded to UTF-8, each created new ("wx"),
 * never over an existing file. This is the work `ita report` hands its writer thread
 * (write-thread.ts) while the main thread renders the next agencies (it imports only the zip
 * writer and the encoder, so the thread starts without the rest of the report code); report-writer.ts
 * runs it in the main thread when no writer thread can be had. When one file fails,
 * neither is left.
 */
import { rmSync, writeFileSync } from "node:fs";
import { Utf8Scratch, type Text } from "../report/utf8.js";
import type { XlsxParts } from "../report/xlsx.js";
import { zip } from "../report/zip.js";

export interface ReportFilesJob {
  /** Temporary names of the .xlsx and the .html, chosen (and registered for removal) by the main thread. */
  readonly temps: readonly [string, string];
  readonly xlsx: XlsxParts;
  /** The page's text, or its UTF-8 bytes (as the writer thread receives it). */
  readonly html: Text | Uint8Array;
}

/** One per thread: each file's bytes are written before the next file is encoded. */
const scratch = new Utf8Scratch();

/** Write a new file; a failure names it (a failed write, unlike a failed open, names none). */
function writeNew(path: string, data: Uint8Array): void {
  try {
    writeFileSync(path, data, { flag: "wx" });
  } catch (e) {
    const err = e as { path?: unknown };
    if (err && typeof err === "object" && err.path === undefined) err.path = path;
    throw e;
  }
}

export function writeReportFiles(job: ReportFilesJob): void {
  const [xlsxTemp, htmlTemp] = job.temps;
  try {
    writeNew(xlsxTemp, zip(job.xlsx.parts, job.xlsx.when));
    writeNew(htmlTemp, job.html instanceof Uint8Array ? job.html : scratch.encode(job.html));
  } catch (e) {
    // Created only by this job ("wx"): removing them removes nothing of anyone else's. A removal
    // that fails (a read-only disk) leaves the write's own error to be reported.
    for (const t of job.temps) {
      try {
        rmSync(t, { force: true });
      } catch {
        // The caller removes it again, and says what went wrong first.
      }
    }
    throw e;
  }
}
