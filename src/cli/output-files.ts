/**
 * Writing the command line's output files so that none is ever half-written and no
 * input is ever overwritten: each file goes to a temporary file in the same folder and
 * is renamed into place (a rename within a folder is atomic), the files of one agency
 * are renamed together under a lock so that two runs into one folder never mix their
 * pairs, and a path that resolves to one of the run's inputs is refused before anything
 * is written. Temporary files are removed when a run is stopped.
 */
import {
  chmodSync,
  closeSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { mkdir, open, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Utf8Scratch, type Text } from "../report/utf8.js";
import { UserError } from "./errors.js";

/** Temporary files of this process not yet renamed: removed if the run is stopped. */
const pendingTemps = new Set<string>();

/** Remove every temporary file this process has not renamed yet (on SIGINT/SIGTERM). */
export function removeTempFiles(): void {
  for (const t of pendingTemps) {
    try {
      unlinkSync(t);
    } catch {
      // Already gone (renamed or removed): nothing to clean.
    }
  }
  pendingTemps.clear();
}

/**
 * Random per process, then counted: a temporary name is unique to this process and call.
 * Made at the first write, so that commands writing nothing (`ita score`) start without
 * loading node:crypto (about 10 ms).
 */
let tempTag: Promise<string> | undefined;
let tempCount = 0;

/** A hidden name beside the target, unique to this process and call. */
async function tempPathFor(target: string): Promise<string> {
  tempTag ??= import("node:crypto").then(({ randomBytes }) => `${process.pid}.${randomBytes(4).toString("hex")}`);
  const tag = await tempTag;
  return join(dirname(target), `.${basename(target)}.${tag}.${++tempCount}.tmp`);
}

/*
 * The file operations of one write are synchronous: a province is thousands of small
 * files, and each asynchronous call's round trip through the thread pool cost more than
 * the call itself. `ita report` writes its agencies' files on a writer thread instead
 * (report-writer.ts), and yields between agencies so a stop request is seen there.
 */
/** Made at the first text written: commands that write nothing do not allocate it. */
let scratch: Utf8Scratch | undefined;

/**
 * Write a new file, never over an existing one ("wx"); a failure names the file (a failed
 * write, a full disk, unlike a failed open, names none). Also `ita report`'s writer thread's.
 */
export function writeNewFile(path: string, data: Uint8Array): void {
  try {
    writeFileSync(path, data, { flag: "wx" });
  } catch (e) {
    const err = e as { path?: unknown };
    if (err && typeof err === "object" && err.path === undefined) err.path = path;
    throw e;
  }
}

/** Write `data` to the new file `temp`; text is encoded into a buffer kept for the run (utf8.ts). */
function writeNew(temp: string, data: Text | Uint8Array, mode?: number): void {
  writeNewFile(temp, data instanceof Uint8Array ? data : (scratch ??= new Utf8Scratch()).encode(data));
  if (mode !== undefined) chmodSync(temp, mode);
}

/**
 * Remove a file this process created; a removal that fails (a read-only disk) leaves it, so
 * the error that made it leftover is the one reported. Also `ita report`'s writer thread's.
 */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the user to see: the write's own error is what they need to read.
  }
}

/** Remove a temporary file of this process, quietly, and forget it. */
function removeTemp(temp: string): void {
  removeQuietly(temp);
  pendingTemps.delete(temp);
}

/** The error of writing temporary file `temps[i]`, naming its target `paths[i]` (the hidden name means nothing to a user). */
function namedByTarget(e: unknown, temps: readonly string[], paths: readonly string[]): unknown {
  const err = e as { path?: unknown };
  const i = err && typeof err === "object" ? temps.indexOf(String(err.path)) : -1;
  if (i >= 0) err.path = paths[i];
  return e;
}

async function writeTemp(target: string, data: Text | Uint8Array, mode?: number): Promise<string> {
  const temp = await tempPathFor(target);
  pendingTemps.add(temp);
  try {
    writeNew(temp, data, mode);
  } catch (e) {
    removeTemp(temp);
    throw namedByTarget(e, [temp], [target]);
  }
  return temp;
}

const LOCK_NAME = ".ita-write.lock";
const LOCK_WAIT_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/**
 * Run `fn` holding the folder's lock file. Another live run holding it is waited for;
 * a lock left by a run that no longer exists is taken over.
 */
async function withFolderLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dir, LOCK_NAME);
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
      let holder = 0;
      try {
        holder = Number(readFileSync(lock, "utf8"));
      } catch {
        // Gone meanwhile: try again.
      }
      if ((holder > 0 && !alive(holder)) || Date.now() - started > LOCK_WAIT_MS) {
        rmSync(lock, { force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** A failed rename names its target, the file the user knows, not the hidden temporary file. */
function atTarget(e: unknown): unknown {
  const err = e as { path?: unknown; dest?: unknown };
  if (typeof err?.dest === "string") err.path = err.dest;
  return e;
}

type FileSet = readonly { readonly path: string; readonly data: Text | Uint8Array }[];

/**
 * Sets of files that belong together (an agency's .xlsx and .html), written to temporary
 * files as they come and put in place later, many sets under one hold of the folder's
 * lock: taking the lock is a file created and removed, which cost about as much as
 * writing one of the files, and `ita report` writes thousands of pairs. While the lock is
 * held each set's files are renamed one after the other, so another run into the same
 * folder sees and leaves either all old or all new of every set. Every target must be in `dir`.
 *
 * Sets are kept in the order `stage` was called, however their writing finishes: `commit`
 * waits for every set staged before it and reports each one's outcome in that order.
 */
export class StagedWrites {
  private readonly sets: { readonly paths: readonly string[]; readonly temps: Promise<readonly string[]> }[] = [];

  constructor(private readonly dir: string) {}

  /** Sets staged and not yet put in place (some may still be being written). */
  get size(): number {
    return this.sets.length;
  }

  /** Write a set's files to temporary files beside their targets; when one fails, none of the set is left. */
  stage(files: FileSet): Promise<void> {
    return this.stageWritten(
      files.map((f) => f.path),
      async (temps) => {
        for (let i = 0; i < files.length; i++) writeNew(temps[i]!, files[i]!.data);
      },
    );
  }

  /**
   * Stage a set whose temporary files `write` makes (`ita report`'s writer thread): their
   * names are chosen here, and removed if the run is stopped or `write` fails. The set
   * takes its place in the order at once; the promise settles when `write` has, and a
   * failure is also the set's error in `commit`.
   */
  stageWritten(paths: readonly string[], write: (temps: readonly string[]) => Promise<void>): Promise<void> {
    const temps = (async (): Promise<readonly string[]> => {
      const names = await Promise.all(paths.map(tempPathFor));
      for (const t of names) pendingTemps.add(t);
      try {
        await write(names);
      } catch (e) {
        for (const t of names) removeTemp(t);
        throw namedByTarget(e, names, paths);
      }
      return names;
    })();
    this.sets.push({ temps, paths });
    return temps.then(() => undefined);
  }

  /**
   * Put every staged set in place, in order, under one hold of the lock. Returns each
   * set's error in the same order (undefined: in place); a set that failed leaves no
   * temporary file behind.
   */
  async commit(): Promise<unknown[]> {
    const staged = this.sets.splice(0);
    const outcomes = await Promise.allSettled(staged.map((s) => s.temps));
    const errors: unknown[] = outcomes.map((o) => (o.status === "rejected" ? o.reason : undefined));
    const sets = staged.map((s, k) => {
      const o = outcomes[k]!;
      return { paths: s.paths, temps: o.status === "fulfilled" ? o.value : [] };
    });
    if (sets.every((s) => s.temps.length === 0)) return errors;
    let locked = false;
    let placed = false;
    try {
      await withFolderLock(this.dir, async () => {
        locked = true;
        sets.forEach((set, k) => {
          if (errors[k] !== undefined) return;
          try {
            // A target that is a folder fails its rename only after the set's first file has
            // replaced its own: half a pair. Refuse the set before any of it is put in place.
            for (const p of set.paths) {
              if (statSync(p, { throwIfNoEntry: false })?.isDirectory())
                throw Object.assign(new Error(`EISDIR: a folder where the file goes, ${p}`), {
                  code: "EISDIR",
                  path: p,
                });
            }
            for (let i = 0; i < set.temps.length; i++) {
              renameSync(set.temps[i]!, set.paths[i]!);
              pendingTemps.delete(set.temps[i]!);
            }
          } catch (e) {
            errors[k] = atTarget(e);
          }
        });
        placed = true;
      });
    } catch (e) {
      // The lock could not be taken (no set was put in place): every set fails with it. Once the
      // sets are placed, a lock file that could not be removed changes nothing they hold, and a
      // later run takes it over (its process is gone).
      // A set whose files could not be written keeps that error.
      if (!placed)
        for (let k = 0; k < errors.length; k++)
          if (sets[k]!.temps.length > 0 && (!locked || errors[k] === undefined)) errors[k] = e;
    } finally {
      for (const set of sets) {
        for (const t of set.temps) if (pendingTemps.has(t)) removeTemp(t);
      }
    }
    return errors;
  }
}

/**
 * Write a set of files that belong together: all to temporary files first, then renamed
 * one after the other while holding the folder's lock (StagedWrites with one set).
 */
export async function writeTogether(dir: string, files: FileSet): Promise<void> {
  const staged = new StagedWrites(dir);
  await staged.stage(files);
  const [error] = await staged.commit();
  if (error !== undefined) throw error;
}

/** Replace one file's content whole (e.g. `format --write`), keeping its permissions. */
export async function replaceFile(path: string, data: string): Promise<void> {
  const { mode } = await stat(path);
  // A rename would replace a read-only file too; refuse as writing in place would.
  const handle = await open(path, "r+");
  await handle.close();
  const temp = await writeTemp(path, data, mode & 0o7777);
  try {
    await rename(temp, path);
  } finally {
    pendingTemps.delete(temp);
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Identity of a file: device and inode (the same file under two names, a hard link or a
 * symlink); `null` when nothing is there, `undefined` when it cannot be told. Asked of
 * every output of a province run, most not there yet: told without an exception each.
 */
function identity(path: string): string | null | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s ? `${s.dev}:${s.ino}` : null;
  } catch {
    return undefined;
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** What a run reads: files compared with each output path before anything is written. */
export class InputSet {
  private readonly ids = new Map<string, string>();
  private readonly paths = new Map<string, string>();

  add(path: string): void {
    const id = identity(path);
    if (id) this.ids.set(id, path);
    this.paths.set(real(path), path);
  }

  /** The input that `output` would overwrite, if any; none when nothing is there yet. */
  overwrites(output: string): string | undefined {
    const id = identity(output);
    if (id === null) return undefined;
    return (id && this.ids.get(id)) ?? this.paths.get(real(output));
  }

  /** Refuse (a UserError, exit 2) when any of `outputs` is one of the inputs. */
  refuseOverwrites(outputs: readonly string[]): void {
    for (const out of outputs) {
      const input = this.overwrites(out);
      if (input) {
        throw new UserError(
          `ไม่เขียนทับไฟล์ข้อมูล: ผลลัพธ์ ${out} คือไฟล์ที่อ่านเข้ามา ${input} ใช้ --out โฟลเดอร์อื่น / refusing to overwrite an input: the output ${out} is the input ${input}; choose another --out folder`,
        );
      }
    }
  }
}

/**
 * Make sure `dir` is a folder this run can write into, before anything is read or written:
 * created if absent; a file, an empty name or a read-only place is one clear message.
 */
export async function prepareOutputFolder(dir: string): Promise<void> {
  if (!dir.trim()) throw new UserError("--out ว่าง ต้องระบุโฟลเดอร์ / --out is empty: give a folder");
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      throw new UserError(`--out ${dir} ไม่ใช่โฟลเดอร์ / --out ${dir} is not a folder`);
    }
    throw e;
  }
  if (!statSync(dir).isDirectory()) {
    throw new UserError(`--out ${dir} ไม่ใช่โฟลเดอร์ / --out ${dir} is not a folder`);
  }
  // Probe with a real file: access() says yes to root on a read-only mount, and no to nothing else.
  const probe = await tempPathFor(join(dir, "probe"));
  pendingTemps.add(probe);
  try {
    await writeFile(probe, "", { flag: "wx" });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new UserError(
        `เขียนลงโฟลเดอร์ ${dir} ไม่ได้ (ไม่มีสิทธิ์) / cannot write into the folder ${dir} (permission denied)`,
      );
    }
    throw e;
  } finally {
    await rm(probe, { force: true });
    pendingTemps.delete(probe);
  }
}
