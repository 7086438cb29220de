/**
 * Where a diagnostic sits as a person sees it. Chevrotain counts columns in UTF-16
 * units, but Thai vowels and tone marks above or below a consonant are separate
 * code points that take no column on screen, so carets are placed by grapheme
 * (Intl.Segmenter), and the offending text is quoted as well.
 */
const segmenter = new Intl.Segmenter("th", { granularity: "grapheme" });

/** Number of visible characters in `text`. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
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
  for (const { segment } of segmenter.segment(text)) {
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
