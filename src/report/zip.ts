/**
 * A zip archive (the container of an .xlsx file) built in memory from a few parts,
 * deflated by Node's own zlib with its CRC-32. Parts that are the same in every file
 * of a run (relationships, content types, styles) are compressed once and reused.
 * Writes only what an .xlsx needs: no zip64 (a report is a few hundred KB), no
 * encryption, names in UTF-8.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { Utf8Scratch, type Text } from "./utf8.js";

export type ZipPart =
  | {
      /** Path inside the archive, e.g. "xl/workbook.xml". */
      readonly name: string;
      /**
       * The part's text, whole or in pieces (utf8.ts: long parts are encoded piece by piece),
       * or already as UTF-8 bytes (as `ita report`'s writer thread receives it).
       */
      readonly data: Text | Uint8Array;
      readonly repeated?: false;
    }
  | {
      readonly name: string;
      readonly data: Text;
      /** The same text in most files written (e.g. a styles part): compressed once, then taken from a cache. */
      readonly repeated: true;
    };

interface Packed {
  readonly crc: number;
  readonly size: number;
  readonly deflated: Buffer;
}

/**
 * zlib level 1. Measured on the seed report's parts (90 KB of XML), CPU time per
 * report: level 1 0.56 ms → 17 KB, level 6 1.48 ms → 12.7 KB; exceljs's pure-JS
 * deflate at level 1 gave 27 KB. A province writes thousands: speed first.
 */
const LEVEL = 1;

/** Compressed repeated parts by their text; small and bounded (a run uses a handful). */
const cache = new Map<string, Packed>();
const CACHE_LIMIT = 64;

const scratch = new Utf8Scratch();

function pack(data: Text | Uint8Array): Packed {
  // Text is encoded into the scratch buffer: CRC and deflate read it before the next part.
  const raw = data instanceof Uint8Array ? data : scratch.encode(data);
  return { crc: crc32(raw), size: raw.length, deflated: deflateRawSync(raw, { level: LEVEL }) };
}

function packed(part: ZipPart): Packed {
  if (!part.repeated) return pack(part.data);
  const key = typeof part.data === "string" ? part.data : part.data.join("");
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    p = pack(part.data);
    cache.set(key, p);
  }
  return p;
}

/** MS-DOS date and time, as zip headers keep them (UTC, so files do not depend on the time zone). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;

/**
 * The fields a local header and its central directory entry share, in the same order
 * (version needed, flags, method, time, date, CRC, sizes, name length), from `at`.
 */
function entryFields(out: Buffer, at: number, p: Packed, nameLength: number, time: number, date: number): void {
  out.writeUInt16LE(VERSION, at);
  out.writeUInt16LE(UTF8_NAMES, at + 2);
  out.writeUInt16LE(DEFLATE, at + 4);
  out.writeUInt16LE(time, at + 6);
  out.writeUInt16LE(date, at + 8);
  out.writeUInt32LE(p.crc, at + 10);
  out.writeUInt32LE(p.deflated.length, at + 14);
  out.writeUInt32LE(p.size, at + 18);
  out.writeUInt16LE(nameLength, at + 22);
}

/** The archive's bytes: local headers and data, then the central directory, in one buffer. */
export function zip(parts: readonly ZipPart[], when: Date): Buffer {
  const { time, date } = dosTime(when);
  const entries = parts.map((part) => ({ p: packed(part), name: Buffer.from(part.name, "utf8") }));
  let dataSize = 0;
  let centralSize = 0;
  for (const { p, name } of entries) {
    dataSize += 30 + name.length + p.deflated.length;
    centralSize += 46 + name.length;
  }
  const out = Buffer.alloc(dataSize + centralSize + 22);
  // Fields not written (extra and comment lengths, disk number, attributes) stay zero.
  let at = 0;
  let central = dataSize;
  for (const { p, name } of entries) {
    out.writeUInt32LE(0x02014b50, central);
    out.writeUInt16LE(VERSION, central + 4);
    entryFields(out, central + 6, p, name.length, time, date);
    out.writeUInt32LE(at, central + 42);
    name.copy(out, central + 46);
    central += 46 + name.length;

    out.writeUInt32LE(0x04034b50, at);
    entryFields(out, at + 4, p, name.length, time, date);
    name.copy(out, at + 30);
    p.deflated.copy(out, at + 30 + name.length);
    at += 30 + name.length + p.deflated.length;
  }
  out.writeUInt32LE(0x06054b50, central);
  out.writeUInt16LE(parts.length, central + 8);
  out.writeUInt16LE(parts.length, central + 10);
  out.writeUInt32LE(centralSize, central + 12);
  out.writeUInt32LE(dataSize, central + 16);
  return out;
}
