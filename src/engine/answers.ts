/**
 * Raw survey answers → question scores through the rules' answer scales. Each
 * scale compiles to a lookup from answer text or code to points (reversed for
 * reverse-scored questions); "don't know" answers are skipped, not zero. Answers
 * come as typed in a sheet (text or code per cell); each distinct answer is
 * normalised once per call, so national volumes are a plain loop.
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

function compileScale(scale: Scale, reversed: boolean): CompiledScale {
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
/** Slots of the table of recent text answers (a power of two). */
const TEXT_SLOTS = 64;

/** Where a text answer may sit in the table: its length and first and last characters, cheap to read. */
function textSlot(v: string): number {
  const n = v.length;
  return n === 0 ? 0 : (n * 31 + v.charCodeAt(0) * 7 + v.charCodeAt(n - 1)) & (TEXT_SLOTS - 1);
}

/**
 * What each distinct answer of one call means (BLANK, UNKNOWN or its position on the
 * scale), remembered so that each is normalised once. A national sheet repeats a
 * handful of distinct answers a million times, each cell its own string: a text is
 * found in a small table by its length and end characters and compared once, cheaper
 * than hashing it or comparing it with every answer seen; anything else (numbers typed
 * as codes, texts that share a table slot) goes through a Map.
 */
class AnswerMemo {
  readonly texts = new Array<string | null>(TEXT_SLOTS).fill(null);
  readonly textAt = new Int32Array(TEXT_SLOTS);
  readonly seen = new Map<CellValue, number>();
  constructor(readonly scale: CompiledScale) {}

  /** The slow path: a value not in the table yet. */
  find(v: CellValue): number {
    let at = this.seen.get(v);
    if (at === undefined) {
      at = isBlank(v) ? BLANK : (answerPosition(this.scale, v) ?? UNKNOWN);
      const slot = typeof v === "string" ? textSlot(v) : -1;
      if (slot >= 0 && this.texts[slot] === null) {
        this.texts[slot] = v as string;
        this.textAt[slot] = at;
      } else this.seen.set(v, at);
    }
    return at;
  }
}

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
  const memo = new AnswerMemo(scale);
  const { texts, textAt } = memo;
  const points = scale.points;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    const v = a.value;
    let at: number;
    if (typeof v === "string") {
      const slot = textSlot(v);
      at = texts[slot] === v ? textAt[slot]! : memo.find(v);
    } else at = memo.find(v);
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
