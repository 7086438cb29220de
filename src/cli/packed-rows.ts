/**
 * An agency's score rows held compactly between reading and writing. `ita report` reads
 * every input before it writes anything (so no output can replace an input), and a
 * province's thousands of agencies each hold dozens to hundreds of rows: as objects with a
 * `where` string each, 61 rows cost ≈ 13 KB an agency, packed ≈ 2.4 KB (measured). Packed, a row is a score in a Float64Array,
 * its tool and question as indexes into the agency's own list of distinct values, and its
 * place as a prefix index and a row number ("คะแนน!D" + 1234); whatever does not fit
 * (a text score, a place not ending in a plain number) is kept aside as it was.
 * Unpacking gives back rows equal to the ones packed, value for value.
 */
import type { CellValue, ScoreRow } from "../engine/index.js";

export interface PackedRows {
  readonly length: number;
  /** Distinct tool and question values, and distinct `where` prefixes. */
  readonly values: readonly CellValue[];
  readonly prefixes: readonly string[];
  readonly tool: Uint32Array;
  readonly question: Uint32Array;
  /** Numeric scores; NaN where the score is not a number (see `otherScores`). */
  readonly score: Float64Array;
  readonly otherScores: ReadonlyMap<number, CellValue>;
  /** Index into `prefixes`, or NONE when `where` is kept in `otherWheres` (or absent). */
  readonly wherePrefix: Uint32Array;
  readonly whereNumber: Uint32Array;
  readonly otherWheres: ReadonlyMap<number, string>;
}

const NONE = 0xffffffff;

/** The index of `v` in `list`, added when new (keys tell 1 from "1" and null from undefined). */
function indexer(list: CellValue[]): (v: CellValue) => number {
  const seen = new Map<unknown, number>();
  return (v) => {
    let i = seen.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      seen.set(v, i);
    }
    return i;
  };
}

export function packRows(rows: readonly ScoreRow[]): PackedRows {
  const n = rows.length;
  const values: CellValue[] = [];
  const prefixes: string[] = [];
  const valueIndex = indexer(values);
  const prefixIndex = indexer(prefixes) as (p: string) => number;
  const tool = new Uint32Array(n);
  const question = new Uint32Array(n);
  const score = new Float64Array(n);
  const otherScores = new Map<number, CellValue>();
  const wherePrefix = new Uint32Array(n);
  const whereNumber = new Uint32Array(n);
  const otherWheres = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    tool[i] = valueIndex(r.tool);
    question[i] = valueIndex(r.question);
    // -0 and NaN are kept aside too: a Float64Array would hold them, but NaN marks "aside".
    if (typeof r.score === "number" && !Number.isNaN(r.score) && !Object.is(r.score, -0)) score[i] = r.score;
    else {
      score[i] = NaN;
      otherScores.set(i, r.score);
    }
    const m = r.where === undefined ? null : /^([\s\S]*?)([1-9]\d{0,8})$/.exec(r.where);
    if (m) {
      wherePrefix[i] = prefixIndex(m[1]!);
      whereNumber[i] = Number(m[2]);
    } else {
      wherePrefix[i] = NONE;
      if (r.where !== undefined) otherWheres.set(i, r.where);
    }
  }
  return { length: n, values, prefixes, tool, question, score, otherScores, wherePrefix, whereNumber, otherWheres };
}

export function unpackRows(p: PackedRows): ScoreRow[] {
  const rows: ScoreRow[] = new Array<ScoreRow>(p.length);
  for (let i = 0; i < p.length; i++) {
    const s = p.score[i]!;
    const prefix = p.wherePrefix[i]!;
    const where = prefix === NONE ? p.otherWheres.get(i) : p.prefixes[prefix]! + p.whereNumber[i]!;
    const row: { tool: CellValue; question: CellValue; score: CellValue; where?: string } = {
      tool: p.values[p.tool[i]!],
      question: p.values[p.question[i]!],
      score: Number.isNaN(s) ? p.otherScores.get(i) : s,
    };
    if (where !== undefined) row.where = where;
    rows[i] = row;
  }
  return rows;
}
