/**
 * Raw survey answers → question scores through the rules' answer scales. Each
 * scale compiles to a lookup from answer text or code to points (reversed for
 * reverse-scored questions); "don't know" answers are skipped, not zero. The bulk
 * path takes answers as small integer indexes into the scale, one typed array per
 * question, so national volumes are a plain loop.
 */
import type { Scale, ScoringModel, ScoringQuestion } from "../dsl/runtime.js";
import { scoreProblem, type ScoreProblem } from "./errors.js";
import { arabicDigits, isBlank, type CellValue } from "./values.js";

export interface CompiledScale {
  readonly id: string;
  /** Points per answer position in the scale (NaN: skipped answer). */
  readonly points: Float64Array;
  /** Normalised answer text or code → position. */
  readonly lookup: ReadonlyMap<string, number>;
}

const norm = (v: CellValue): string =>
  arabicDigits(String(v ?? ""))
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

export function compileScale(scale: Scale, reversed: boolean): CompiledScale {
  const scored = scale.answers.map((a) => a.points).filter((p): p is number => p !== null);
  const hi = Math.max(...scored);
  const lo = Math.min(...scored);
  const points = Float64Array.from(scale.answers, (a) =>
    a.points === null ? Number.NaN : reversed ? hi + lo - a.points : a.points,
  );
  const lookup = new Map<string, number>();
  scale.answers.forEach((a, i) => {
    lookup.set(norm(a.text), i);
    if (a.code !== undefined) lookup.set(norm(a.code), i);
  });
  return { id: scale.id, points, lookup };
}

/** Position of an answer (its text or code, as typed) in the scale, if it is on it. */
export function answerPosition(scale: CompiledScale, value: CellValue): number | undefined {
  return scale.lookup.get(norm(value));
}

export function findQuestion<Q extends ScoringQuestion>(
  model: {
    readonly indicators: readonly {
      readonly subindicators: readonly { readonly questions: readonly Q[] }[];
      readonly questions: readonly Q[];
    }[];
  },
  id: string,
): Q | undefined {
  const key = norm(id);
  for (const ind of model.indicators) {
    for (const q of ind.subindicators.length ? ind.subindicators.flatMap((s) => s.questions) : ind.questions) {
      if (norm(q.id) === key) return q;
    }
  }
  return undefined;
}

export function scaleFor(model: Pick<ScoringModel, "scales">, q: ScoringQuestion): CompiledScale | undefined {
  const scale = model.scales.find((s) => s.id === q.scale);
  return scale ? compileScale(scale, q.reversed) : undefined;
}

export type QuestionScore =
  | { readonly ok: true; readonly score: number; readonly answered: number; readonly skipped: number }
  | { readonly ok: false; readonly problems: readonly ScoreProblem[] };

const BLANK = -1;
const UNKNOWN = -2;
const RECENT = 16;

/**
 * One question's score from its answers as typed in a sheet: text or code per cell.
 * Blank cells are no answer; an answer not on the scale is a problem naming its place.
 */
export function scoreAnswers(
  scale: CompiledScale,
  tool: string,
  question: string,
  answers: readonly { value: CellValue; where?: string }[],
): QuestionScore {
  let sum = 0;
  let answered = 0;
  let skipped = 0;
  const problems: ScoreProblem[] = [];
  // A national sheet repeats a handful of distinct answers a million times: each distinct
  // value is normalised once and remembered (BLANK, UNKNOWN or its position on the scale).
  // The first few distinct values are found by comparison, cheaper than hashing a fresh
  // string per cell; the rest through a Map.
  const recent: CellValue[] = [];
  const recentAt: number[] = [];
  const seen = new Map<CellValue, number>();
  const points = scale.points;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    const v = a.value;
    let at: number | undefined;
    for (let k = 0; k < recent.length; k++) {
      if (recent[k] === v) {
        at = recentAt[k]!;
        break;
      }
    }
    if (at === undefined) {
      at = seen.get(v);
      if (at === undefined) {
        at = isBlank(v) ? BLANK : (answerPosition(scale, v) ?? UNKNOWN);
        if (recent.length < RECENT) {
          recent.push(v);
          recentAt.push(at);
        } else seen.set(v, at);
      }
    }
    if (at === BLANK) continue;
    if (at === UNKNOWN) {
      problems.push(scoreProblem("unknown-answer", { tool, question, where: a.where, text: String(v) }));
      continue;
    }
    const p = points[at]!;
    if (p !== p) skipped++;
    else {
      sum += p;
      answered++;
    }
  }
  if (problems.length) return { ok: false, problems };
  if (answered === 0) return { ok: false, problems: [scoreProblem("no-answers", { tool, question })] };
  return { ok: true, score: sum / answered, answered, skipped };
}

/**
 * Bulk path: `codes[r]` is respondent r's answer as a position in the scale
 * (negative: no answer). Returns the mean points over scored answers (NaN if none).
 */
export function meanOfCodes(scale: CompiledScale, codes: Int8Array | Uint8Array | Int32Array): number {
  const pts = scale.points;
  let sum = 0;
  let n = 0;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (c < 0 || c >= pts.length) continue;
    const p = pts[c]!;
    if (p === p) {
      sum += p;
      n++;
    }
  }
  return n ? sum / n : Number.NaN;
}
