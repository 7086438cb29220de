/**
 * Reading the parts of a zip archive (an .xlsx file) held in memory: the central
 * directory, then one part at a time inflated by Node's zlib, with a cap on how large
 * a part may grow so a zip bomb is refused rather than filling memory. Stored and
 * deflated parts only (what every spreadsheet program writes); no zip64, no encryption.
 */
import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** Why an archive could not be read, in English (the caller adds the file and the Thai). */
export class ZipError extends Error {}

interface Entry {
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** A part may hold at most this many bytes once inflated (a 1,000,000-row sheet is about 100 MB). */
const MAX_PART_BYTES = 512 * 1024 * 1024;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly data: Buffer) {
    const end = this.findEnd();
    const count = data.readUInt16LE(end + 10);
    let at = data.readUInt32LE(end + 16);
    if (at === 0xffffffff) throw new ZipError("zip64 archives are not supported");
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50)
        throw new ZipError("damaged central directory");
      const nameLength = data.readUInt16LE(at + 28);
      const name = data.toString("utf8", at + 46, at + 46 + nameLength);
      this.entries.set(name.replace(/^\//, "").toLowerCase(), {
        method: data.readUInt16LE(at + 10),
        compressedSize: data.readUInt32LE(at + 20),
        size: data.readUInt32LE(at + 24),
        offset: data.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    }
  }

  /** The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment. */
  private findEnd(): number {
    const d = this.data;
    for (let at = d.length - 22; at >= Math.max(0, d.length - 22 - 0xffff); at--) {
      if (d.readUInt32LE(at) === 0x06054b50) return at;
    }
    throw new ZipError("not a zip archive");
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A part's stored bytes and how they are compressed; undefined when there is no such part. */
  private raw(name: string): { method: number; bytes: Buffer } | undefined {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return undefined;
    const d = this.data;
    if (e.offset + 30 > d.length || d.readUInt32LE(e.offset) !== 0x04034b50) throw new ZipError(`damaged part ${name}`);
    const start = e.offset + 30 + d.readUInt16LE(e.offset + 26) + d.readUInt16LE(e.offset + 28);
    if (e.method !== 0 && e.method !== 8) {
      throw new ZipError(`part ${name} uses an unsupported compression (${e.method})`);
    }
    return { method: e.method, bytes: d.subarray(start, start + e.compressedSize) };
  }

  /**
   * A part's bytes as they are inflated, a piece at a time, so a large sheet is never
   * held whole (nor as one string); nothing when there is no such part.
   */
  async *pieces(name: string): AsyncGenerator<Buffer> {
    const part = this.raw(name);
    if (!part) return;
    if (part.method === 0) {
      yield part.bytes;
      return;
    }
    let total = 0;
    try {
      for await (const piece of Readable.from([part.bytes]).pipe(createInflateRaw({ chunkSize: 1 << 20 }))) {
        total += (piece as Buffer).length;
        if (total > MAX_PART_BYTES) throw new ZipError(`part ${name} is larger than ${MAX_PART_BYTES} bytes`);
        yield piece as Buffer;
      }
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError(`part ${name}: ${(err as Error).message}`);
    }
  }

  /** A part's text (UTF-8), or undefined when the archive has no such part. Part names compare case-insensitively, as in Office. */
  text(name: string): string | undefined {
    const part = this.raw(name);
    if (!part) return undefined;
    const raw = part.bytes;
    if (part.method === 0) return raw.toString("utf8");
    try {
      return inflateRawSync(raw, { maxOutputLength: MAX_PART_BYTES }).toString("utf8");
    } catch (err) {
      throw new ZipError(`part ${name}: ${(err as Error).message}`);
    }
  }
}
