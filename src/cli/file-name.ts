/**
 * File names for agencies' reports that every system accepts: at most 200 bytes of
 * UTF-8 (file systems count bytes, and Thai takes three per character), cut only
 * between visible characters so a Thai vowel or tone mark stays with its consonant and
 * an emoji is never split, no character Windows forbids, no name Windows reserves
 * (CON, NUL, COM1 …), no trailing dot or space, and no two agencies on one name.
 */
import { cutGraphemes } from "../dsl/runtime.js";

/** Bytes left for the name itself: 255 (the usual limit) less the extension, a "(n)" and a temporary suffix. */
const MAX_NAME_BYTES = 200;

const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;

/** Names Windows gives to devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** The longest start of `text`, whole graphemes only, that fits in `max` bytes of UTF-8. */
function cutToBytes(text: string, max: number): string {
  return cutGraphemes(text, max, bytes);
}

/** Trailing dots and spaces vanish on Windows ("ก." and "ก" become one file); leading dots hide a file elsewhere. */
const trimEnds = (s: string): string => s.replace(/[. ]+$/, "").replace(/^\.+/, "_");

/** A file name (without extension) for an agency's name. */
function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    // A lone surrogate is not a character; UTF-8 would write it as U+FFFD.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "_")
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  let out = trimEnds(cutToBytes(trimEnds(cleaned), MAX_NAME_BYTES));
  if (RESERVED.test(out)) out = `${out}_`;
  return out || "agency";
}

/**
 * Hands out distinct names: two agencies whose names are the same once cut (or differ
 * only in case, which Windows and macOS ignore) get "name (2)", still within the byte limit.
 * `reserved` names (e.g. "summary") are never handed out.
 */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  next(agencyName: string): string {
    const base = safeFileName(agencyName);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${trimEnds(cutToBytes(base, MAX_NAME_BYTES - bytes(suffix)))}${suffix}`;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
