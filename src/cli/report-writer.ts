/**
 * Where `ita report` writes its agencies' files (report-files.ts): on a writer thread
 * (write-thread.ts), so that compressing and writing one agency's pair runs on the other
 * core while the main thread renders the next ones, or in the main thread itself for a
 * few agencies, where no thread script is beside this module (the sources run under
 * tsx), or after the thread stopped. This module alone decides; the files are the same either way.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { encodeInto, utf8Bound, type Text } from "../report/utf8.js";
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

/**
 * A job buffer's least size: an agency takes about 200 KB of UTF-8 and, by the bound the
 * encoder needs room for (3 bytes per UTF-16 unit), about 320 KB, so one size serves nearly
 * every agency and a buffer handed back fits the next one.
 */
const JOB_BUFFER_MIN = 1024 * 1024;
/** Spare buffers kept: `ita report` has up to 8 agencies in writing and renders one more. */
const SPARE_MAX = 10;

/**
 * The job as the thread is sent it: the texts that differ per agency encoded to UTF-8 into
 * one buffer, handed over rather than copied (copying text to another thread cost more than
 * encoding it) and handed back by the thread once written, to be filled again (a fresh
 * buffer per part was memory newly mapped, zeroed and copied into every time); the parts
 * that are the same in every file stay text, the key of the thread's cache.
 */
function ship(job: ReportFilesJob, spare: ArrayBuffer[]): { shipped: ReportFilesJob; buffer: ArrayBuffer } {
  const own = job.xlsx.parts.flatMap((p) => (p.repeated ? [] : [p.data]));
  own.push(job.html);
  let bound = 0;
  for (const data of own) bound += data instanceof Uint8Array ? data.byteLength : utf8Bound(data);
  // The smallest spare that fits; a larger agency than any before gets a buffer of its own size.
  let k = -1;
  for (let i = 0; i < spare.length; i++) {
    const size = spare[i]!.byteLength;
    if (size >= bound && (k < 0 || size < spare[k]!.byteLength)) k = i;
  }
  const buffer = k >= 0 ? spare.splice(k, 1)[0]! : new ArrayBuffer(Math.max(bound, JOB_BUFFER_MIN));
  const target = Buffer.from(buffer);
  let at = 0;
  const bytes = (data: Text | Uint8Array): Uint8Array => {
    const from = at;
    if (data instanceof Uint8Array) {
      target.set(data, at);
      at += data.byteLength;
    } else at = encodeInto(data, target, at);
    return new Uint8Array(buffer, from, at - from);
  };
  const parts = job.xlsx.parts.map((p): ZipPart => (p.repeated ? p : { name: p.name, data: bytes(p.data) }));
  return { shipped: { temps: job.temps, xlsx: { parts, when: job.xlsx.when }, html: bytes(job.html) }, buffer };
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
  /** Job buffers the thread has handed back, to be filled again. */
  private readonly spare: ArrayBuffer[] = [];

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

  /** Job buffers handed back by the thread and kept to be filled again (what the tests see of the reuse). */
  get buffersKept(): number {
    return this.spare.length;
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
    const { shipped, buffer } = ship(job, this.spare);
    return new Promise<void>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, job: shipped, buffer } satisfies WriteRequest, [buffer]);
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

  private answered({ id, error, buffer }: WriteAnswer): void {
    if (buffer && this.spare.length < SPARE_MAX) this.spare.push(buffer);
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
