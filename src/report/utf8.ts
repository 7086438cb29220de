/**
 * Text to UTF-8 bytes for the report writers, through one reused buffer, and text built
 * in pieces of moderate size. A report's parts are long (a sheet's shared strings, an
 * HTML page: 60,000 Thai characters and more): as one string each, V8 flattens it into a
 * string too large for its young generation and `Buffer.from` allocates a fresh buffer
 * for the bytes, and both are fresh memory every time. Measured per report, that was 5
 * times the cost of encoding the same text chunk by chunk into a buffer kept for the run.
 */

/** Pieces are cut near this many UTF-16 units: far below V8's large-object size (128 KB). */
const CHUNK = 8192;

/** Text appended piece by piece, kept as a few strings of moderate size. */
export class TextChunks {
  private readonly done: string[] = [];
  private current = "";

  add(text: string): void {
    this.current += text;
    if (this.current.length >= CHUNK) {
      this.done.push(this.current);
      this.current = "";
    }
  }

  /** The text's pieces, in order; their concatenation is everything added. */
  chunks(): string[] {
    if (this.current) {
      this.done.push(this.current);
      this.current = "";
    }
    return this.done;
  }
}

/** Text given whole or in pieces. */
export type Text = string | readonly string[];

/** The most bytes `text` can take in UTF-8: 3 per UTF-16 unit (a surrogate pair, 2 units, takes 4). */
export function utf8Bound(text: Text): number {
  if (typeof text === "string") return text.length * 3;
  let n = 0;
  for (const piece of text) n += piece.length * 3;
  return n;
}

/**
 * Encode `text` into `target` from byte `at`; returns where the bytes end. `target` must have
 * room for `utf8Bound(text)`: without it `Buffer.write` would stop short without a word, so
 * lacking room is an error here, never a shortened file.
 */
export function encodeInto(text: Text, target: Buffer, at: number): number {
  for (const piece of typeof text === "string" ? [text] : text) {
    if (at + piece.length * 3 > target.length)
      throw new RangeError("encodeInto: the buffer is smaller than the text's bound");
    at += target.write(piece, at, "utf8");
  }
  return at;
}

/** A buffer reused for every encoding; grows as needed and is never shrunk. */
export class Utf8Scratch {
  private buffer: Buffer;

  constructor(initial = 256 * 1024) {
    this.buffer = Buffer.allocUnsafe(initial);
  }

  /**
   * The bytes of `text`: a view into this scratch buffer, valid only until the next
   * call (copy it to keep it).
   */
  encode(text: Text): Buffer {
    const need = utf8Bound(text);
    if (need > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(need, this.buffer.length * 2));
    return this.buffer.subarray(0, encodeInto(text, this.buffer, 0));
  }
}
