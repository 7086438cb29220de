/**
 * The writer thread of `ita report` (a worker_threads entry, bundled to
 * lib/ita/write-thread.js): takes one agency's files at a time from the main thread,
 * writes them (report-files.ts) and answers with the job's number, the job's buffer handed
 * back to be filled again, and, when it failed, the error's message, code and path, so the
 * main thread names it as it would its own.
 */
import { parentPort } from "node:worker_threads";
import { writeReportFiles, type ReportFilesJob } from "./report-files.js";

export interface WriteRequest {
  readonly id: number;
  readonly job: ReportFilesJob;
  /** The buffer the job's bytes are views of, handed back with the answer to be filled again. */
  readonly buffer?: ArrayBuffer;
}

export interface WriteAnswer {
  readonly id: number;
  readonly buffer?: ArrayBuffer;
  readonly error?: {
    readonly message: string;
    readonly code?: string;
    readonly path?: string;
    readonly syscall?: string;
  };
}

const port = parentPort;
port?.on("message", ({ id, job, buffer }: WriteRequest) => {
  let answer: WriteAnswer;
  try {
    writeReportFiles(job);
    answer = { id, buffer };
  } catch (e) {
    const err = e as { message?: unknown; code?: unknown; path?: unknown; syscall?: unknown };
    const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
    answer = {
      id,
      buffer,
      error: {
        message: text(err?.message) ?? String(e),
        code: text(err?.code),
        path: text(err?.path),
        syscall: text(err?.syscall),
      },
    };
  }
  port.postMessage(answer, buffer ? [buffer] : []);
});
