/**
 * `npm run bench [-- --json] [--only=agency,national,…] [--report-sizes=1000,5000]`:
 * performance as ratios against baselines run in the same process (or, for start-up
 * and the report command, child processes beside Node doing nothing), never as
 * thresholds in tests. Every timed function is warmed up first. Measures, for the
 * 2568 rules: parse+check; one agency's totals and full result tree against a fair
 * hand-written function (scripts/bench-baselines.ts, agreement checked on 200,000
 * generated agencies; timed in interleaved rounds on CPU time, the tree also read
 * node by node), and the tree against a hand-written 2568 tree builder making the
 * same plain objects (checked node by node on 40,000 of them): the floor of any such
 * tree; national-volume answers → question scores on the product's path
 * (scoreAnswers) and HyperFormula's warm recalculation; 100 ITA.TOTAL formulas;
 * the add-in's bundles; `ita score`'s and `ita check`'s start; `ita report` in process (render, read,
 * end to end) and as a command on 1,000 and 5,000 agencies with its peak RSS.
 * The figures are noisy on a shared machine: compare the ratios.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { HyperFormula } from "hyperformula";
import { parseRules } from "../src/dsl/index.js";
import { sharedParser } from "../src/dsl/parser.js";
import { bundledText, scaleFor, scoreAnswers, type CompiledRules } from "../src/engine/index.js";
import { compile } from "../src/engine/compile.js";
import { scoreTotals, totalsProgram } from "../src/engine/totals.js";
import { evaluate, readScores } from "../src/engine/evaluate.js";
import { rowsFromCsv } from "../src/cli/score-csv.js";
import { agency2568, handWritten2568, meanOfCodes, text2568, treeBuilder2568 } from "./bench-baselines.js";

const json = process.argv.includes("--json");
const results: Record<string, number | string> = {};
/** `--only=agency,national`: run only these sections (parse, agency, national, recalc, bundle, cli, report). */
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const run = (section: string): boolean => !only || only.includes(section);
const log = (line: string): void => {
  if (!json) console.log(line);
};

function time(fn: () => unknown, minMs = 300): number {
  // Repeat until the sample is long enough; returns ms per call.
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= minMs) return dt / n;
    n *= dt < 1 ? 16 : 2;
  }
}

/**
 * CPU time (user + system) of this process per call, in ms, repeating until the sample
 * is `minMs` long: unlike wall time it does not count the time other jobs hold the core.
 */
function cpuTime(fn: () => unknown, minMs: number): number {
  let n = 1;
  for (;;) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const c = process.cpuUsage(c0);
    const dt = (c.user + c.system) / 1000;
    if (dt >= minMs) return dt / n;
    n *= dt < 1 ? 16 : 2;
  }
}

/** Read every node of an evaluation (every level, figure, label and sentence), as a reader would; returns a checksum. */
function readTree(outcome: ReturnType<typeof evaluate>): number {
  if (!outcome.ok) throw new Error("the seed does not evaluate");
  const e = outcome.evaluation;
  let sum = e.total.exact + e.total.published + e.rules.name.th.length;
  const label = (l: { th: string; en: string }): number => l.th.length + l.en.length;
  const figure = (f: { exact: number; published: number }): number => f.exact + f.published;
  for (const t of e.tools) sum += t.id.length + label(t.label) + t.weight + figure(t.value) + (t.given ? 1 : 0);
  for (const i of e.indicators) {
    sum += i.id.length + label(i.label) + i.tools.length + figure(i.value) + (i.pass ? 1 : 0);
    if (i.result) sum += label(i.result);
    for (const p of i.parts) {
      sum += p.tool.length + figure(p.value) + (p.given ? 1 : 0);
      for (const q of p.questions) sum += q.id.length + figure(q.value);
      for (const s of p.subindicators) {
        sum += s.id.length + label(s.label) + figure(s.value) + (s.given ? 1 : 0);
        for (const q of s.questions) sum += q.id.length + figure(q.value);
      }
    }
  }
  sum += e.rating.row + label(e.rating.label);
  if (e.rating.nextUp) {
    sum += label(e.rating.nextUp.label);
    for (const f of e.rating.nextUp.shortfalls)
      sum += f.id.length + f.current + f.target + f.gap + f.th.length + f.en.length;
  }
  return sum;
}

/**
 * Where two result trees differ (the path below the root and both values), or null:
 * the same keys in the same order at every node, numbers bit for bit (Object.is), the
 * same strings, booleans and nulls; a shortfall (a node with `subject`) also by its two
 * sentences, which are built when read.
 */
function treeDifference(a: unknown, b: unknown): string | null {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return Object.is(a, b) ? null : `: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return ": a list against an object";
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  const other = Object.keys(y);
  if (keys.length !== other.length || keys.some((k, i) => k !== other[i]))
    return `: keys ${keys.join()} ≠ ${other.join()}`;
  if ("subject" in x) keys.push("th", "en");
  for (const k of keys) {
    const d = treeDifference(x[k], y[k]);
    // The path is built only on the way out of a difference.
    if (d) return `.${k}${d}`;
  }
  return null;
}

/** Run a function for `ms` before it is timed, so the JIT has compiled it. */
function warm(fn: () => unknown, ms = 150): void {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) fn();
}

function median(fn: () => number, runs = 5): number {
  const xs = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return xs[runs >> 1]!;
}

const text = bundledText("2568")!;

// 1. Parse + check.
if (run("parse")) {
  const t0 = performance.now();
  sharedParser();
  const r = parseRules(text);
  const cold = performance.now() - t0;
  if (!r.model) throw new Error("2568 rules do not check");
  const warm = median(() => time(() => parseRules(text), 200));
  results["parse_check_cold_ms"] = +cold.toFixed(2);
  results["parse_check_warm_ms"] = +warm.toFixed(3);
  log(`parse+check 2568 rules: cold ${cold.toFixed(1)} ms (includes building the parser), warm ${warm.toFixed(2)} ms`);
}

// 2. One agency: the engine against a fair hand-written 2568 function (scripts/bench-baselines.ts),
// checked to agree on many generated agencies first. Every timed function is warmed up first.
const compiled: CompiledRules = compile(parseRules(text).model!);
if (run("agency")) {
  const program = totalsProgram(compiled);
  const toolOut = new Float64Array(compiled.tools.length);
  const rowOut = new Int32Array(1);
  const handTools = new Float64Array(4);
  const handRow = new Int32Array(1);
  // Agreement: generated agencies, half with scores to two decimals as published, half unrounded.
  const questions = compiled.slots.map((s, i) => [s, i] as const).filter(([s]) => s.kind === "question");
  const agencies = 200_000;
  const values = new Float64Array(compiled.slots.length);
  let disagree = 0;
  let treesChecked = 0;
  const handTree = treeBuilder2568(text2568(compiled));
  let rnd = 2568;
  const next = (): number => (rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let a = 0; a < agencies; a++) {
    values.fill(Number.NaN);
    const level = 60 + next() * 40;
    for (const [, slot] of questions) {
      const x = Math.min(100, Math.max(0, level + (next() - 0.5) * 30));
      values[slot] = a % 2 ? Math.round(x * 100) / 100 : x;
    }
    const engineTotal = scoreTotals(program, values, toolOut, rowOut, undefined);
    const handTotal = handWritten2568(agency2568(compiled, values), handTools, handRow);
    if (engineTotal !== handTotal || rowOut[0] !== handRow[0] || toolOut.some((t, k) => t !== handTools[k])) disagree++;
    // The full tree, node by node, on every tenth agency (both kinds of scores, every rating row).
    if (a % 10 < 2) {
      const outcome = evaluate(compiled, { values, where: [], problems: [] });
      if (!outcome.ok) throw new Error(`generated agency ${a} does not evaluate`);
      const d = treeDifference(outcome.evaluation, handTree(agency2568(compiled, values)));
      if (d) throw new Error(`the engine's tree and the hand-written tree differ on generated agency ${a}: tree${d}`);
      treesChecked++;
    }
  }
  if (disagree > 0)
    throw new Error(`the engine and the hand-written function disagree on ${disagree} of ${agencies} agencies`);

  const rows = rowsFromCsv(readFileSync("examples/khlong-phon-2568/oit-items.csv", "utf8"), "seed");
  const input = readScores(compiled, rows);
  const seed = agency2568(compiled, input.values);
  const out = evaluate(compiled, input);
  if (!out.ok || out.evaluation.total.published !== handWritten2568(seed, handTools, handRow))
    throw new Error("engine and hand-written disagree on the seed");
  const seedDifference = treeDifference(out.evaluation, handTree(seed));
  if (seedDifference)
    throw new Error(`the engine's tree and the hand-written tree differ on the seed: ${seedDifference}`);
  const hand = (): number => handWritten2568(seed, handTools, handRow);
  const lean = (): number => scoreTotals(program, input.values, toolOut, rowOut, input.levels);
  const handBuilt = (): unknown => handTree(seed);
  const tree = (): unknown => evaluate(compiled, input);
  // The tree as a reader gets it: every level, figure and label read, and the rating's
  // explanation, whose sentences are built when they are read (rating.ts), read too.
  const treeRead = (): number => readTree(evaluate(compiled, input));
  for (const fn of [hand, lean, handBuilt, tree, treeRead]) warm(fn);
  // Interleaved rounds on CPU time: each round times the five one after another, so load
  // from other jobs on the shared machine falls on a round's five alike instead of on one
  // function's whole sample; each ratio is the median of the rounds' ratios.
  const rounds = 15;
  const perRound = (fn: () => unknown): number => cpuTime(fn, 60);
  const hs: number[] = [];
  const ratios: [number[], number[], number[], number[]] = [[], [], [], []];
  const vsHandTree: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const h = perRound(hand);
    hs.push(h);
    const [l, ht, t, tr] = [lean, handBuilt, tree, treeRead].map(perRound) as [number, number, number, number];
    [l, ht, t, tr].forEach((x, k) => ratios[k]!.push(x / h));
    vsHandTree.push(t / ht);
  }
  const mid = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
  const base = mid(hs);
  const [leanRatio, handTreeRatio, treeRatio, readRatio] = ratios.map(mid) as [number, number, number, number];
  const treeVsHandTree = mid(vsHandTree);
  results["agency_agreement_checked"] = agencies;
  results["agency_tree_agreement_checked"] = treesChecked;
  results["agency_handwritten_ns"] = +(base * 1e6).toFixed(1);
  results["agency_totals_per_s"] = Math.round(1000 / (base * leanRatio));
  results["agency_totals_ratio_vs_handwritten"] = +leanRatio.toFixed(2);
  results["agency_tree_per_s"] = Math.round(1000 / (base * treeRatio));
  results["agency_tree_ratio_vs_handwritten"] = +treeRatio.toFixed(2);
  results["agency_tree_read_ratio_vs_handwritten"] = +readRatio.toFixed(2);
  results["agency_tree_handwritten_ratio"] = +handTreeRatio.toFixed(2);
  results["agency_tree_ratio_vs_handwritten_tree"] = +treeVsHandTree.toFixed(2);
  const lean_ = base * leanRatio;
  const engine = base * treeRatio;
  log(
    `one agency: hand-written 2568 function ${(base * 1e6).toFixed(0)} ns (agrees with the engine on ` +
      `${agencies.toLocaleString()} generated agencies: tools, total and rating)`,
  );
  log(
    `one agency, compiled totals and rating: ${Math.round(1000 / lean_).toLocaleString()} evaluations/s; ` +
      `${leanRatio.toFixed(2)}× the hand-written function (goal ≤ 2×)`,
  );
  log(
    `one agency, full result tree (every level, labels, explanation): ${Math.round(1000 / engine).toLocaleString()} evaluations/s; ` +
      `${treeRatio.toFixed(2)}× the hand-written function (goal ≤ 10×); every node and the explanation's ` +
      `sentences read as well: ${readRatio.toFixed(2)}×; a hand-written 2568 tree builder (the same plain-object ` +
      `tree, agrees node by node on ${treesChecked.toLocaleString()} generated agencies and the seed) is itself ` +
      `${handTreeRatio.toFixed(2)}× the function, and the engine's tree ${treeVsHandTree.toFixed(2)}× that builder`,
  );
}

// 3. National volume: 1.35 million respondents' answers → question scores, on the product's path
// (scoreAnswers: answers as typed, text or code, as the QUESTION function passes them). The
// answers are generated per question before timing and passed through JSON as Excel's
// custom-functions bridge delivers them (a fresh string per cell).
if (run("national")) {
  const respondents = 1_350_000;
  const model = compiled.model;
  const asked = model.indicators.flatMap((i) => i.questions).filter((x) => x.scale);
  const picked = asked.slice(0, 15);
  let seed = 42;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  let engineMs = 0;
  let plainMs = 0;
  let answers = 0;
  for (const q of picked) {
    const scale = scaleFor(model, q)!;
    const source = model.scales.find((s) => s.id === q.scale)!;
    const codes = Int8Array.from({ length: respondents }, () => Math.floor(rand() * source.answers.length));
    const typed = Array.from(codes, (c, r) => {
      const a = source.answers[c]!;
      // Half the answers as the scale's text, half as its code (when it has one).
      return { value: r % 2 && a.code !== undefined ? a.code : a.text, where: `B${r + 2}` };
    });
    const cells = JSON.parse(JSON.stringify(typed)) as { value: string; where: string }[];
    const product = (): number => {
      const r = scoreAnswers(scale, q.indicator, q.id, cells);
      if (!r.ok) throw new Error("generated answers do not score");
      return r.score;
    };
    if (Math.abs(product() - meanOfCodes(scale, codes)) > 1e-9)
      throw new Error("the product path and the codes disagree");
    warm(product);
    warm(() => meanOfCodes(scale, codes));
    engineMs += median(() => time(product, 200), 3);
    plainMs += median(() => time(() => meanOfCodes(scale, codes), 100), 3);
    answers += respondents;
  }
  results["national_answers_ms"] = +engineMs.toFixed(1);
  results["national_ratio_vs_codes_loop"] = +(engineMs / plainMs).toFixed(2);
  log(
    `1.35 M respondents × ${picked.length} questions → question scores on the product's path (text and codes): ` +
      `${engineMs.toFixed(0)} ms (goal < 1000 ms); ${(engineMs / plainMs).toFixed(1)}× a typed-array loop over ` +
      `answer codes (${plainMs.toFixed(0)} ms), ${((engineMs * 1e6) / answers).toFixed(0)} ns per answer`,
  );

  // HyperFormula: AVERAGE over a points sheet of 20,000 respondents (a 1.35 M-row sheet is beyond it).
  // Its build is timed apart from a warm recalculation after one changed answer, against the
  // engine scoring that question's 20,000 answers again.
  const slice = 20_000;
  const q = picked[0]!;
  const scale = scaleFor(model, q)!;
  const source = model.scales.find((s) => s.id === q.scale)!;
  const column = Array.from({ length: slice }, () => Math.floor(rand() * source.answers.length));
  const sheet = column.map((c) => {
    const p = scale.points[c]!;
    return [p === p ? p : null];
  });
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(
    { data: sheet, out: [[`=AVERAGE(data!A1:A${slice})`]] },
    { licenseKey: "gpl-v3" },
  );
  const outSheet = hf.getSheetId("out")!;
  const dataSheet = hf.getSheetId("data")!;
  hf.getCellValue({ sheet: outSheet, row: 0, col: 0 });
  const tBuild = performance.now() - t0;
  let flip = 0;
  const hfRecalc = (): unknown => {
    flip = (flip + 1) % slice;
    hf.setCellContents({ sheet: dataSheet, row: flip, col: 0 }, [[flip % 2 ? 100 : 0]]);
    return hf.getCellValue({ sheet: outSheet, row: 0, col: 0 });
  };
  const cells = column.map((c, r) => ({ value: source.answers[c]!.text, where: `B${r + 2}` }));
  const engineRecalc = (): unknown => {
    flip = (flip + 1) % slice;
    cells[flip] = { value: source.answers[flip % source.answers.length]!.text, where: `B${flip + 2}` };
    return scoreAnswers(scale, q.indicator, q.id, cells);
  };
  warm(hfRecalc);
  warm(engineRecalc);
  const tHf = median(() => time(hfRecalc, 300), 3);
  const tEngine = median(() => time(engineRecalc, 300), 3);
  hf.destroy();
  results["hyperformula_build_ms"] = +tBuild.toFixed(0);
  results["hyperformula_recalc_ms"] = +tHf.toFixed(3);
  results["hyperformula_recalc_ratio_vs_engine"] = +(tHf / tEngine).toFixed(2);
  log(
    `HyperFormula, one question over ${slice.toLocaleString()} respondents: building the sheet ${tBuild.toFixed(0)} ms; ` +
      `recalculating after one changed answer ${tHf.toFixed(2)} ms warm, against the engine scoring the ` +
      `changed column again ${tEngine.toFixed(2)} ms (${(tHf / tEngine).toFixed(2)}×)`,
  );
}

// 4. One recalculation of 100 ITA.TOTAL formulas over the seed table, against the engine called directly.
if (run("recalc")) {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  const { total } = await import("../src/functions/functions.js");
  const rows = rowsFromCsv(readFileSync("examples/khlong-phon-2568/scores.csv", "utf8"), "seed");
  const matrix = [["เครื่องมือ", "ข้อ", "คะแนน"], ...rows.map((r) => [r.tool, r.question, r.score])];
  const direct = (): void => {
    for (let i = 0; i < 100; i++) evaluate(compiled, readScores(compiled, rows));
  };
  const viaFunctions = (): void => {
    for (let i = 0; i < 100; i++) total(matrix, null);
  };
  warm(direct);
  warm(viaFunctions);
  const tDirect = median(() => time(direct));
  const tFunctions = median(() => time(viaFunctions));
  results["recalc_100_formulas_ms"] = +tFunctions.toFixed(2);
  results["recalc_ratio_vs_engine"] = +(tFunctions / tDirect).toFixed(2);
  log(
    `recalculating 100 =ITA.TOTAL(...) over the seed table: ${tFunctions.toFixed(1)} ms, ` +
      `${(tFunctions / tDirect).toFixed(2)}× calling the engine directly (goal ≤ 1.2×)`,
  );
}

// 5. The add-in's custom-functions bundle (after `npm run build`).
if (run("bundle")) {
  if (existsSync("dist")) {
    const js = readdirSync("dist").filter((f) => f.endsWith(".js"));
    const sizes = Object.fromEntries(js.map((f) => [f, statSync(`dist/${f}`).size]));
    const functions = Object.entries(sizes)
      .filter(([f]) => /^(runtime|common|functions)\.js$/.test(f))
      .reduce((s, [, n]) => s + n, 0);
    results["functions_bundle_kb"] = +(functions / 1024).toFixed(1);
    // What Excel loads when the add-in starts: the shared runtime's page holds the pane and the functions.
    const startup = Object.entries(sizes)
      .filter(([f]) => /^(runtime|common|functions|taskpane)\.js$/.test(f))
      .reduce((s, [, n]) => s + n, 0);
    results["startup_kb"] = +(startup / 1024).toFixed(1);
    // The pane's own start-up JavaScript before the editor: the runtime, the shared chunk and taskpane.js.
    const pane = Object.entries(sizes)
      .filter(([f]) => /^(runtime|common|taskpane)\.js$/.test(f))
      .reduce((s, [, n]) => s + n, 0);
    results["pane_bundle_kb"] = +(pane / 1024).toFixed(1);
    log(`task pane start-up (runtime, common, taskpane): ${(pane / 1024).toFixed(1)} KB minified (goal ≤ 150 KB)`);
    log(`add-in start-up (runtime, common, taskpane, functions): ${(startup / 1024).toFixed(1)} KB minified`);
    log(`custom-functions bundle (minified, dist/): ${(functions / 1024).toFixed(1)} KB (goal ≤ 100 KB)`);
    // The rules editor (CodeMirror) is loaded on demand: every chunk outside the entries'
    // own files (preview.js is the `npm run preview` page's entry) is lazy. CodeMirror's
    // "cm-editor" class name in an initial file would mean the editor leaked into what
    // Excel loads for the functions and the pane.
    const initial = /^(runtime|common|functions|taskpane|preview)\.js$/;
    const lazy = Object.entries(sizes).filter(([f]) => !initial.test(f));
    const lazyTotal = lazy.reduce((n, [, b]) => n + b, 0);
    const leaked = js.filter((f) => initial.test(f) && readFileSync(`dist/${f}`, "utf8").includes("cm-editor"));
    results["editor_chunks_kb"] = +(lazyTotal / 1024).toFixed(1);
    results["codemirror_in_initial_chunks"] = leaked.join(",") || "none";
    log(
      `lazily loaded chunks (rules editor, CodeMirror): ${(lazyTotal / 1024).toFixed(1)} KB in ` +
        `${lazy.map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(", ") || "none"}; ` +
        `CodeMirror in an initial chunk: ${leaked.join(", ") || "no"}`,
    );
  } else {
    log("custom-functions bundle: not measured (run `npm run build` first)");
  }
}

// 6. The command line's start: `ita score` on the seed and `ita check` on the 2568 rules as a user
// runs them, against Node starting and doing nothing, in the same conditions: child processes
// in turn (score, check, Node) after a round not counted; the median of 7 rounds, and each
// ratio as the median of the rounds' ratios, so that a machine whose speed drifts compares
// like with like.
if (run("cli")) {
  const spawnMs = (args: string[]): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
    return performance.now() - t0;
  };
  const commands = {
    score: ["bin/ita.js", "score", "examples/khlong-phon-2568/scores.csv"],
    check: ["bin/ita.js", "check", "rules/ita-2568.ita"],
    bare: ["-e", "0"],
  };
  const rounds = Array.from({ length: 8 }, () => ({
    score: spawnMs(commands.score),
    check: spawnMs(commands.check),
    bare: spawnMs(commands.bare),
  })).slice(1);
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const score = mid(rounds.map((r) => r.score));
  const check = mid(rounds.map((r) => r.check));
  const bare = mid(rounds.map((r) => r.bare));
  results["cli_score_start_ms"] = Math.round(score);
  results["cli_check_start_ms"] = Math.round(check);
  results["node_start_ms"] = Math.round(bare);
  results["cli_score_start_ratio_vs_node"] = +mid(rounds.map((r) => r.score / r.bare)).toFixed(2);
  results["cli_check_start_ratio_vs_node"] = +mid(rounds.map((r) => r.check / r.bare)).toFixed(2);
  log(
    `\`node bin/ita.js score\` on the seed: ${score.toFixed(0)} ms (goal ≤ 300 ms); ` +
      `\`node bin/ita.js check rules/ita-2568.ita\`: ${check.toFixed(0)} ms; Node doing nothing: ` +
      `${bare.toFixed(0)} ms (score ${results["cli_score_start_ratio_vs_node"]}×, check ${results["cli_check_start_ratio_vs_node"]}×)`,
  );
}

// 7. Reports for many agencies (`ita report` batch path): rendering, reading, end to end.
if (run("report")) {
  const { benchReportCommand, benchReports } = await import("./bench-report.js");
  const n = Number(process.argv.find((a) => a.startsWith("--agencies="))?.slice("--agencies=".length) ?? 1000);
  await benchReports(compiled, n, log, results);
  const sizes = (
    process.argv.find((a) => a.startsWith("--report-sizes="))?.slice("--report-sizes=".length) ?? "100,1000,5000"
  )
    .split(",")
    .map(Number);
  await benchReportCommand(compiled, sizes, log, results);
}

if (json) console.log(JSON.stringify(results));
