/**
 * Numbers at the published precision. NACC publishes scores to a fixed number of
 * decimals, rounded half-up, and rates on the published figure; this module is the
 * only place that rounds, so 84.99999999999999 from a floating-point sum is 85.00
 * everywhere, and a band edge means the same to the checker and to the evaluator.
 */

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Round half-up (scores are never negative) to `decimals`. A sum such as
 * 84.99999999999999 differs from 85 only by floating-point noise (a few parts in
 * 10^16), so values within one part in 10^11 of a rounding edge count as on it:
 * 84.99999999999999 → 85.00 and 1.005 → 1.01, while a genuine 84.994 stays 84.99.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // A table, not 10 ** decimals: the lean path rounds five times per agency and Math.pow is most of that.
  const factor = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const rounded = Math.floor(scaled + 0.5 + scaled * 1e-11);
  return (x < 0 ? -rounded : rounded) / factor;
}

/** A value in whole units of the published precision (85.00 at 2 decimals → 8500). */
export function toUnits(x: number, decimals: number): number {
  return Math.round(roundHalfUp(x, decimals) * (POWERS_OF_TEN[decimals] ?? 10 ** decimals));
}

/** Whole units back to a value (8500 at 2 decimals → 85). */
export function fromUnits(units: number, decimals: number): number {
  return units / (POWERS_OF_TEN[decimals] ?? 10 ** decimals);
}

/**
 * The inclusive integer unit interval [lo, hi] a written bound pair describes.
 * `>= 85` at 2 decimals is [8500, ∞); `< 85` is (−∞, 8499]; `70 - 84.99` is [7000, 8499].
 */
export function boundsToUnits(
  b: { min?: number; minInclusive: boolean; max?: number; maxInclusive: boolean },
  decimals: number,
): { lo: number; hi: number } {
  const f = 10 ** decimals;
  const eps = 1e-9;
  const clean = (v: number): number => Number(v.toPrecision(15));
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  if (b.min !== undefined) {
    const m = clean(b.min * f);
    lo = b.minInclusive ? Math.ceil(m - eps) : Math.floor(m + eps) + 1;
  }
  if (b.max !== undefined) {
    const m = clean(b.max * f);
    hi = b.maxInclusive ? Math.floor(m + eps) : Math.ceil(m - eps) - 1;
  }
  return { lo, hi };
}

/** Show a value the way NACC prints it: fixed decimals, Arabic or Thai digits. */
export function formatFixed(x: number, decimals: number, thaiDigits = false): string {
  const text = roundHalfUp(x, decimals).toFixed(decimals);
  return thaiDigits ? toThaiDigits(text) : text;
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

export function unitsToText(units: number, decimals: number): string {
  return fromUnits(units, decimals).toFixed(decimals);
}
