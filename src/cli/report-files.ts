/**
 * One agency's pair of report files written to their temporary names: the .xlsx parts
 * zipped (report/zip.ts) and the HTML page encoded to UTF-8, each created new ("wx"),
 * never over an existing file. This is the work `ita report` hands its writer thread
 * (write-thread.ts) while the main thread renders the next agencies (it imports only the zip
 * writer and the encoder, so the thread starts without the rest of the report code); report-writer.ts
 * runs it in the main thread when no writer thread can be had. When one file fails,
 * neither is left.
 */
import { Utf8Scratch, type Text } from "../report/utf8.js";
import type { XlsxParts } from "../report/xlsx.js";
import { zip } from "../report/zip.js";
import { removeQuietly, writeNewFile } from "./output-files.js";

export interface ReportFilesJob {
  /** Temporary names of the .xlsx and the .html, chosen (and registered for removal) by the main thread. */
  readonly temps: readonly [string, string];
  readonly xlsx: XlsxParts;
  /** The page's text, or its UTF-8 bytes (as the writer thread receives it). */
  readonly html: Text | Uint8Array;
}

/** One per thread: each file's bytes are written before the next file is encoded. */
const scratch = new Utf8Scratch();

export function writeReportFiles(job: ReportFilesJob): void {
  const [xlsxTemp, htmlTemp] = job.temps;
  try {
    writeNewFile(xlsxTemp, zip(job.xlsx.parts, job.xlsx.when));
    writeNewFile(htmlTemp, job.html instanceof Uint8Array ? job.html : scratch.encode(job.html));
  } catch (e) {
    // Created only by this job ("wx"): removing them removes nothing of anyone else's.
    for (const t of job.temps) removeQuietly(t);
    throw e;
  }
}
