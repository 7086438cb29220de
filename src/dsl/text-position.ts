/**
 * Where a diagnostic sits as a person sees it. Chevrotain counts columns in UTF-16
 * units, but Thai vowels and tone marks above or below a consonant are separate
 * code points that take no column on screen, so carets are placed by grapheme
 * (Intl.Segmenter), and the offending text is quoted as well.
 */

// Made on first need: making one loads ICU's break rules, 40–50 ms, a large part of
// `ita score`'s start, which measures Thai and ASCII text only (countSimple).
let segmenter: Intl.Segmenter | undefined;
const segments = (text: string): Intl.Segments =>
  (segmenter ??= new Intl.Segmenter("th", { granularity: "grapheme" })).segment(text);

/**
 * Graphemes of text made only of printable ASCII and the Thai block (U+0E01–U+0E5B),
 * counted without ICU, or undefined for any other text. There every code point starts
 * a grapheme except the Thai marks that join the one before it (Unicode's grapheme
 * rules, UAX #29: Extend U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E and the SpacingMark
 * SARA AM U+0E33); test/dsl/text-position.test.ts compares it with Intl.Segmenter.
 */
function countSimple(text: string): number | undefined {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) n++;
    else if (c < 0x0e01 || c > 0x0e5b) return undefined;
    else if (i === 0 || !(c === 0x0e31 || (c >= 0x0e33 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e))) n++;
  }
  return n;
}

/** Number of visible characters in `text`. */
export function graphemeLength(text: string): number {
  const simple = countSimple(text);
  if (simple !== undefined) return simple;
  let n = 0;
  for (const _ of segments(text)) n++;
  return n;
}

/**
 * The longest start of `text` made of whole visible characters whose `size` (UTF-16
 * units by default; a caller may count UTF-8 bytes) stays within `max`: a Thai vowel
 * or tone mark is never cut from its consonant, nor an emoji from its modifier.
 */
export function cutGraphemes(text: string, max: number, size: (s: string) => number = (s) => s.length): string {
  if (size(text) <= max) return text;
  let out = "";
  let used = 0;
  for (const { segment } of segments(text)) {
    const n = size(segment);
    if (used + n > max) break;
    out += segment;
    used += n;
  }
  return out;
}

/** 1-based visible column of `offset` within its line. */
export function graphemeColumn(text: string, offset: number): number {
  const lineStart = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  return graphemeLength(text.slice(lineStart, Math.max(lineStart, offset))) + 1;
}
