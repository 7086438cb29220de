/**
 * Where `ita report` writes its agencies' files (report-files.ts): on a writer thread
 * (write-thread.ts), so that compressing and writing one agency's pair runs on the other
 * core while the main thread renders the next ones, or in the main thread itself for a
 * few agencies, where no thread script is beside this module (the sources run under
 * tsx), or after the thread stopped. This module alone decides; the files are the same either way.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { Utf8Scratch, type Text } from "../report/utf8.js";
import type { ZipPart } from "../report/zip.js";
import { writeReportFiles, type ReportFilesJob } from "./report-files.js";
import type { WriteAnswer, WriteRequest } from "./write-thread.js";

/** Below this many agencies the thread's start (tens of milliseconds) costs more than it saves. */
const THREAD_FROM = 200;

/**
 * A job sent and not yet answered. Its text is not kept: held until the thread answers,
 * each agency's text outlived the young generation and piled up in the old one.
 */
interface Waiting {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** One buffer for encoding; each part's bytes are then copied out into a buffer of their own. */
const scratch = new Utf8Scratch();

/**
 * The job as the thread is sent it: long texts as UTF-8 bytes whose buffers are handed
 * over, not copied (copying text to another thread cost more than encoding it); the
 * parts that are the same in every file stay text, the key of the thread's cache.
 */
function ship(job: ReportFilesJob): { shipped: ReportFilesJob; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const own = (text: Text | Uint8Array): Uint8Array => {
    const bytes = new Uint8Array(text instanceof Uint8Array ? text : scratch.encode(text));
    buffers.push(bytes.buffer);
    return bytes;
  };
  const parts = job.xlsx.parts.map((p): ZipPart => (p.repeated ? p : { name: p.name, data: own(p.data) }));
  return { shipped: { temps: job.temps, xlsx: { parts, when: job.xlsx.when }, html: own(job.html) }, buffers };
}

function rebuilt(error: NonNullable<WriteAnswer["error"]>): Error {
  const e = new Error(error.message);
  for (const key of ["code", "path", "syscall"] as const) {
    if (error[key] !== undefined) Object.assign(e, { [key]: error[key] });
  }
  return e;
}

export class ReportWriter {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  /**
   * A writer for a run of `agencies` agencies. `script` is the thread's entry: beside this
   * module unless given (tests give the built one, the sources having none of their own).
   */
  constructor(agencies: number, script = new URL("./write-thread.js", import.meta.url)) {
    if (agencies < THREAD_FROM || !existsSync(script)) return;
    try {
      const worker = new Worker(script);
      worker.on("message", (answer: WriteAnswer) => this.answered(answer));
      worker.on("error", (e) => this.lost(worker, e));
      worker.on("exit", (code) => this.lost(worker, code));
      // Kept alive by its jobs only (ref'd while one is waiting): an idle thread never holds the process open.
      worker.unref();
      this.worker = worker;
    } catch {
      // No thread to be had (a resource limit): the main thread writes.
    }
  }

  /** Whether the files are written on a thread of their own (else in the calling thread). */
  get threaded(): boolean {
    return this.worker !== null;
  }

  /** Write one agency's files to their temporary names; rejects with the file system's error. */
  write(job: ReportFilesJob): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve().then(() => writeReportFiles(job));
    const id = this.nextId++;
    const { shipped, buffers } = ship(job);
    return new Promise<void>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, job: shipped } satisfies WriteRequest, buffers);
      } catch (e) {
        // Not sent: nothing waits on the thread for it.
        this.answered({ id, error: { message: e instanceof Error ? e.message : String(e) } });
      }
    });
  }

  /** Stop the thread (every job written has been answered by then: callers await their writes first). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private answered({ id, error }: WriteAnswer): void {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (error) w.reject(rebuilt(error));
    else w.resolve();
  }

  /**
   * The thread stopped unasked: its unanswered jobs fail (each agency is named as not
   * written, its temporary files removed by the caller); every later one is written here.
   */
  private lost(worker: Worker, reason: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const why = reason instanceof Error ? reason.message : `exit code ${String(reason)}`;
    const unanswered = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of unanswered) w.reject(new Error(`the writer thread stopped: ${why}`));
  }
}
