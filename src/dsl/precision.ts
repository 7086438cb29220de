/**
 * Numbers at the published precision. NACC publishes scores to a fixed number of
 * decimals, rounded half-up, and rates on the published figure; this module is the
 * only place that rounds, so 84.99999999999999 from a floating-point sum is 85.00
 * everywhere, and a band edge means the same to the checker and to the evaluator.
 */

/** Strip binary floating-point noise (15 significant digits are exact for doubles). */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/** Round half-up (away from zero for the non-negative scores we handle) to `decimals`. */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = clean(clean(x) * factor);
  const rounded = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5);
  return clean(rounded / factor);
}

/** A value in whole units of the published precision (85.00 at 2 decimals → 8500). */
export function toUnits(x: number, decimals: number): number {
  return Math.round(roundHalfUp(x, decimals) * 10 ** decimals);
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
  return (units / 10 ** decimals).toFixed(decimals);
}
