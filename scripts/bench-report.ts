/**
 * The report section of `npm run bench`: many agencies through `ita report`'s batch
 * path. Score tables for N agencies (default 1,000) are generated in memory from the
 * 2568 rules with a seeded PRNG; measured separately are rendering (buildReport +
 * HTML + xlsx), reading (one .xlsx with an agency column → score rows per agency),
 * and the whole command end to end (read, evaluate, render, write files, summary),
 * each against the evaluation alone run in the same process.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readWorkbookInput, writeReports } from "../src/cli/report.js";
import { evaluateRows, type CompiledRules, type Evaluation, type ScoreRow } from "../src/engine/index.js";
import { renderHtmlParts } from "../src/report/html.js";
import { buildReport } from "../src/report/model.js";
import type { CellWrite } from "../src/workbook/port.js";
import { reportXlsxParts, workbookBytes } from "../src/report/xlsx.js";
import { zip } from "../src/report/zip.js";

/** Where the reports are written: in the project, as the README's `--out report-output`. */
const OUT_ROOT = "bench-output";

/**
 * Run `fn` with a new folder under OUT_ROOT, removed after; OUT_ROOT too when this call made
 * it (a bench-output/ that was already there is left as it was, with whatever else it holds).
 */
async function withOutFolder<T>(prefix: string, fn: (out: string) => Promise<T> | T): Promise<T> {
  const made = mkdirSync(OUT_ROOT, { recursive: true }) !== undefined;
  const out = mkdtempSync(join(OUT_ROOT, prefix));
  try {
    return await fn(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
    if (made) rmSync(OUT_ROOT, { recursive: true, force: true });
  }
}

/** mulberry32: small, fast and the same numbers on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Question scores per agency: each agency has its own level, questions scatter around it. */
export function generateAgencies(compiled: CompiledRules, n: number, seed = 2568): ScoreRow[][] {
  const rnd = prng(seed);
  const questions = compiled.slots.filter((s) => s.kind === "question");
  return Array.from({ length: n }, () => {
    const level = 70 + rnd() * 28;
    return questions.map((s) => ({
      tool: s.tool,
      question: s.id,
      score: Math.round(Math.min(100, Math.max(0, level + (rnd() - 0.5) * 30)) * 100) / 100,
    }));
  });
}

export async function benchReports(
  compiled: CompiledRules,
  n: number,
  log: (line: string) => void,
  results: Record<string, number | string>,
): Promise<void> {
  const agencies = generateAgencies(compiled, n);
  const names = agencies.map((_, i) => `หน่วยงานที่ ${i + 1}`);

  // Baseline: the evaluation alone, timed on its second pass (the first warms the JIT up).
  const evaluateAll = (): Evaluation[] =>
    agencies.map((rows) => {
      const o = evaluateRows(compiled, rows);
      if (!o.ok) throw new Error("generated scores do not evaluate");
      return o.evaluation;
    });
  evaluateAll();
  let t0 = performance.now();
  const evaluations = evaluateAll();
  const tEval = performance.now() - t0;

  // Rendering: report model + HTML page + .xlsx bytes, per agency.
  let build = 0;
  let html = 0;
  let xlsx = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    t0 = performance.now();
    const report = buildReport(evaluations[i]!, compiled.model, { name: names[i]! });
    const t1 = performance.now();
    for (const part of renderHtmlParts(report)) bytes += part.length;
    const t2 = performance.now();
    const { parts, when } = reportXlsxParts(report);
    bytes += zip(parts, when).length;
    const t3 = performance.now();
    build += t1 - t0;
    html += t2 - t1;
    xlsx += t3 - t2;
  }
  const tRender = build + html + xlsx;

  // Reading: one provincial workbook, agency column, n × questions rows.
  const dir = mkdtempSync(join(tmpdir(), "ita-bench-report-"));
  try {
    const file = join(dir, "province.xlsx");
    writeProvince(agencies, file);
    t0 = performance.now();
    const inputs = await readWorkbookInput(file, {});
    const tRead = performance.now() - t0;
    if (inputs.length !== n) throw new Error(`read ${inputs.length} agencies, expected ${n}`);

    // End to end: what `ita report province.xlsx --out dir` does.
    t0 = performance.now();
    const { run, tAll } = await withOutFolder("in-process-", async (out) => {
      const run = await writeReports([file], compiled, out, {}, { step: () => {}, end: () => {} });
      return { run, tAll: performance.now() - t0 };
    });
    if (run.reports.length !== n || run.failures.length > 0) throw new Error("batch did not report every agency");

    const per = (ms: number): string => (ms / n).toFixed(2);
    results["report_agencies"] = n;
    results["report_eval_ms_per_agency"] = +per(tEval);
    results["report_render_ms_per_agency"] = +per(tRender);
    results["report_render_ratio_vs_eval"] = +(tRender / tEval).toFixed(0);
    results["report_read_ms_per_agency"] = +per(tRead);
    results["report_end_to_end_s"] = +(tAll / 1000).toFixed(2);
    results["report_end_to_end_ms_per_agency"] = +per(tAll);
    log(
      `reports for ${n.toLocaleString()} generated agencies (2568 rules): ` +
        `rendering ${(tRender / 1000).toFixed(2)} s, ${per(tRender)} ms per agency ` +
        `(model ${per(build)}, HTML ${per(html)}, xlsx ${per(xlsx)}; ${(bytes / n / 1024).toFixed(0)} KB per agency), ` +
        `${(tRender / tEval).toFixed(0)}× the evaluation alone (${per(tEval)} ms per agency)`,
    );
    log(
      `  reading one ${n.toLocaleString()}-agency workbook (${(n * agencies[0]!.length).toLocaleString()} rows): ` +
        `${(tRead / 1000).toFixed(2)} s, ${per(tRead)} ms per agency, ${(tRead / tEval).toFixed(0)}× the evaluation`,
    );
    log(
      `  \`ita report\` end to end (read, evaluate, render, write ${run.written.length.toLocaleString()} files, summary): ` +
        `${(tAll / 1000).toFixed(2)} s, ${per(tAll)} ms per agency (the command below is the goal: 1,000 ≤ 4 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A provincial workbook (one sheet, agency column), written before any timing by the
 * report's own .xlsx writer: exceljs took a minute and a gigabyte for 5,000 agencies.
 */
function writeProvince(agencies: readonly (readonly ScoreRow[])[], file: string): void {
  const rows: CellWrite[][] = [["หน่วยงาน", "เครื่องมือ", "ข้อ", "คะแนน"]];
  agencies.forEach((scores, i) => {
    for (const r of scores) rows.push([`หน่วยงานที่ ${i + 1}`, r.tool ?? null, r.question ?? null, r.score ?? null]);
  });
  writeFileSync(file, workbookBytes([{ name: "คะแนน", rows }], undefined));
}

/**
 * Microseconds to create one empty file in `dir` (timed: the creating; the files are removed
 * after): the floor under writing two files per agency. On this project's machine it went from 15 µs to 500 µs on the same
 * disk, by folder and by hour (the run's whole time moved by up to a second with it), so
 * it is printed beside the times.
 */
function createMicros(dir: string, files = 500): number {
  const probe = mkdtempSync(join(dir, "create-probe-"));
  try {
    const t0 = performance.now();
    for (let i = 0; i < files; i++) closeSync(openSync(join(probe, `หน่วยงานที่ ${i}.html`), "wx"));
    return ((performance.now() - t0) * 1000) / files;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * `ita report province.xlsx` as a user runs it, in a child process (bin/ita.js, the bundled
 * command), for each size: wall time and peak RSS (GNU time's %M). Sizes: `--report-sizes=100,1000,5000`.
 * The output goes where the README's command puts it, a folder beside the project's files
 * (bench-output/, removed after), the workbook read from the system's temporary folder.
 */
export async function benchReportCommand(
  compiled: CompiledRules,
  sizes: readonly number[],
  log: (line: string) => void,
  results: Record<string, number | string>,
): Promise<void> {
  const gnuTime = existsSync("/usr/bin/time");
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "ita-bench-province-"));
    try {
      const file = join(dir, "province.xlsx");
      writeProvince(generateAgencies(compiled, n), file);
      await withOutFolder("province-", (out) => {
        // Probed just before the run, in the folder it writes into: the disk's speed at creating files drifts.
        results[`report_create_us_${n}`] = +createMicros(out).toFixed(1);
        const args = ["bin/ita.js", "report", file, "--out", out];
        const t0 = performance.now();
        const r = gnuTime
          ? spawnSync("/usr/bin/time", ["-f", "ITA_BENCH %e %M %U %S", process.execPath, ...args], { encoding: "utf8" })
          : spawnSync(process.execPath, args, { encoding: "utf8" });
        const wall = (performance.now() - t0) / 1000;
        if (r.status !== 0) throw new Error(`ita report failed for ${n} agencies:\n${r.stderr}`);
        const m = /ITA_BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
        results[`report_s_${n}`] = +(m ? Number(m[1]) : wall).toFixed(2);
        if (m) {
          results[`report_peak_rss_mb_${n}`] = Math.round(Number(m[2]) / 1024);
          // CPU time (user + system): on a shared machine, what the run itself cost.
          results[`report_cpu_s_${n}`] = +(Number(m[3]) + Number(m[4])).toFixed(2);
        }
        log(
          `\`ita report\` on a ${n.toLocaleString()}-agency workbook (child process): ${results[`report_s_${n}`]} s` +
            (m ? `, CPU ${results[`report_cpu_s_${n}`]} s, peak RSS ${results[`report_peak_rss_mb_${n}`]} MB` : "") +
            `; creating a file there took ${results[`report_create_us_${n}`]} µs` +
            ` (goals: 1,000 ≤ 4 s, 5,000 ≤ 20 s, ≤ 300 MB)`,
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
