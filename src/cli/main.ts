/**
 * The `ita` command line: check a rules file, score an agency's CSV, audit
 * published figures, format a rules file. User mistakes end in one clear line
 * (Thai / English) naming the file and place, and a non-zero exit; never a stack trace.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
// What `ita score` and `ita audit` need comes through the doors without the parser and the rules
// texts: a bundled year is scored from its precompiled model. The parser (`ita check`, `ita format`,
// a rules file), the texts (`ita report`) and the report path are imported by the commands that use them.
import { formatDiagnostic, formatFixed, type ScoringModel } from "../dsl/runtime.js";
import {
  audit,
  bundledScoring,
  bundledYears,
  describeProblem,
  evaluateRows,
  itemWorths,
  latestYear,
  normaliseTool,
  readNumber,
  summarise,
  type CompiledRules,
  type Evaluation,
  type PartialEvaluation,
  type ScoreRow,
  indicatorColumns,
} from "../engine/scoring.js";
import { rowsFromCsv } from "./score-csv.js";
import { renderTable } from "./table.js";
import type { Progress } from "./report.js";
import { capped, escapeControl, explain, InputError, UserError } from "./errors.js";
import { replaceFile } from "./output-files.js";
import { readTextFile } from "./text-file.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: `ita report` then draws a progress bar with `errRaw`. */
  readonly tty?: boolean;
  /** Write to stderr without a newline (progress bar redraws). */
  errRaw?(text: string): void;
  /** Aborted on SIGINT/SIGTERM: `ita report` stops between agencies and exits 130. */
  readonly signal?: AbortSignal;
}

/** Exit code of a run stopped by SIGINT/SIGTERM (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

const USAGE = `ITA Workbench — เครื่องมือคำนวณและตรวจสอบผลการประเมิน ITA / compute and check ITA results

  ita check <rules.ita>                          ตรวจไฟล์เกณฑ์ / check a rules file
  ita format <rules.ita> [--write]               จัดรูปแบบไฟล์เกณฑ์ / print the canonical rules file
  ita score <scores.csv> [--rules <file|year>] [--json] [--assume <TOOL=score> ...]
                                                 คำนวณผล / score an agency; a table of some tools gives
                                                 what they allow; --assume gives a missing tool's score
                                                 (e.g. OIT items only: --assume IIT=95 --assume EIT=90)
  ita audit <scores.csv> --published <file.json> [--rules <file|year>]
                                                 ตรวจตัวเลขที่ประกาศ / audit published figures
  ita report <workbook.xlsx | scores.csv | folder> [--rules <file|year>] [--out <dir>]
             [--published <file.json>] [--thai-digits] [--agency <name> --district <name> --province <name>]
             [--sheet <name>] [--history <file|folder>]
                                                 รายงานวิเคราะห์ผลและแผนพัฒนา (.xlsx และ .html) รายหน่วยงาน
                                                 / analysis report and improvement plan per agency;
                                                 --history: earlier years' scores (a sheet per year or a
                                                 year column), each by its own rules, compared side by side

ปีที่มีในชุดเกณฑ์ / bundled years: ${bundledYears().join(", ")} (ค่าเริ่มต้น / default ${latestYear()})`;

/** A file's text; a missing, unreadable or binary file is one message (errors.ts, text-file.ts). */
const readText = readTextFile;

/** Where `--rules` points: a file (one that exists, or any name ending .ita), else a bundled year. */
function rulesSpec(spec: string | undefined): { readonly name: string; readonly fromFile: boolean } {
  const name = spec ?? latestYear();
  return { name, fromFile: existsSync(name) || name.endsWith(".ita") };
}

function unknownRules(name: string): UserError {
  return new UserError(
    `ไม่พบเกณฑ์ ${name} (มี ${bundledYears().join(", ")}) / unknown rules ${name} (bundled: ${bundledYears().join(", ")})`,
  );
}

/** The whole rules, texts included (`ita report`): a file or a bundled year, parsed. */
async function loadRules(spec: string | undefined, io: Io): Promise<CompiledRules> {
  const { name, fromFile } = rulesSpec(spec);
  const { bundledText, loadRulesText } = await import("../engine/index.js");
  const text = fromFile ? readText(name) : bundledText(name);
  if (text === undefined) throw unknownRules(name);
  const loaded = loadRulesText(text);
  const label = fromFile ? name : `rules/ita-${name}.ita`;
  for (const d of loaded.diagnostics) io.err(formatDiagnostic(label, d));
  if (!loaded.ok) throw new UserError(`ไฟล์เกณฑ์ ${label} มีข้อผิดพลาด / the rules file ${label} has errors`);
  return loaded.compiled;
}

/**
 * The rules for scoring (`ita score`, `ita audit`): a bundled year from its precompiled model,
 * without parsing its text (test/rules/bundled.test.ts holds that it is the parsed model without
 * texts and that every bundled text checks without a diagnostic); a rules file is parsed.
 */
async function loadScoringRules(spec: string | undefined, io: Io): Promise<CompiledRules<ScoringModel>> {
  const { name, fromFile } = rulesSpec(spec);
  if (fromFile) return loadRules(name, io);
  const rules = bundledScoring(name);
  if (!rules) throw unknownRules(name);
  return rules;
}

interface OpenPoints {
  readonly tool: string;
  readonly question: string;
  readonly score: number;
  /** Points of the total this item would add at 100. */
  readonly points: number;
}

/**
 * When only some tools are given (or the rest assumed), as in OIT preparation: the
 * given items that would add the most to the total at 100, most first (at most ten).
 */
function openPoints(
  rules: CompiledRules<ScoringModel>,
  e: Evaluation | PartialEvaluation,
  assumed: readonly ScoreRow[],
): OpenPoints[] {
  if (!("needs" in e) && assumed.length === 0) return [];
  const scores = new Map<string, number>();
  for (const ind of e.indicators) {
    for (const part of ind.parts) {
      for (const q of [...part.questions, ...part.subindicators.flatMap((s) => s.questions)]) {
        scores.set(`${part.tool}\u0000${q.id}`, q.value.published);
      }
    }
  }
  return itemWorths(rules)
    .flatMap((w) => {
      const score = scores.get(`${w.tool}\u0000${w.question}`);
      return score === undefined
        ? []
        : [{ tool: w.tool, question: w.question, score, points: (w.worth * (100 - score)) / 100 }];
    })
    .filter((x) => x.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 10);
}

function printOpenPoints(items: readonly OpenPoints[], rules: CompiledRules<ScoringModel>, io: Io): void {
  if (items.length === 0) return;
  const f = (x: number): string => formatFixed(x, rules.model.decimals);
  io.out("");
  io.out("ข้อที่เพิ่มคะแนนรวมได้มากที่สุดเมื่อได้ 100 / the items that would add the most to the total at 100:");
  io.out(
    renderTable(
      [
        ["แบบวัด (tool)", "ข้อ (item)", "คะแนน (score)", "เพิ่มได้ (points)"],
        ...items.map((x) => [x.tool, x.question, f(x.score), f(x.points)]),
      ],
      [2, 3],
    ),
  );
}

/** `--assume IIT=95`: a whole tool's score for a tool the table does not give (OIT preparation). */
function assumedRows(specs: readonly string[], rules: CompiledRules<ScoringModel>): ScoreRow[] {
  return specs.map((spec) => {
    const m = /^([^=]+)=(.+)$/.exec(spec.trim());
    const tool = m ? rules.toolByName.get(normaliseTool(m[1]!)) : undefined;
    const n = m ? readNumber(m[2]!) : undefined;
    if (!m || !tool || n?.kind !== "number" || n.value < 0 || n.value > 100) {
      throw new UserError(
        `--assume ${spec}: ต้องเป็น แบบวัด=คะแนน 0–100 เช่น IIT=95 (แบบวัด: ${rules.model.tools.map((t) => t.id).join(", ")}) / must be TOOL=score 0–100, e.g. IIT=95 (tools: ${rules.model.tools.map((t) => t.id).join(", ")})`,
      );
    }
    return { tool, question: "", score: n.value, where: `--assume ${spec}` };
  });
}

function scoreFile(
  path: string,
  rules: CompiledRules<ScoringModel>,
  io: Io,
  assumed: readonly ScoreRow[] = [],
): Evaluation | PartialEvaluation {
  const outcome = evaluateRows(rules, [...rowsFromCsv(readText(path), path), ...assumed]);
  const assumedTools = new Set(assumed.map((r) => String(r.tool)));
  const lines = outcome.problems
    // A tool assumed whole has no indicators by design: no warning for it.
    .filter((p) => !(p.code === "tool-given" && assumedTools.has(p.tool)))
    // Not given is not wrong when the rest is computed: a note, not an error.
    .map(
      (p) => `${p.code === "not-given" && !outcome.ok && outcome.partial ? "note" : p.severity}: ${describeProblem(p)}`,
    );
  for (const line of capped(lines)) io.err(line);
  if (!outcome.ok && outcome.partial) return outcome.partial;
  if (!outcome.ok) {
    const n = outcome.problems.filter((p) => p.severity === "error").length;
    throw new UserError(`${path}: พบปัญหา ${n} รายการ ยังคำนวณไม่ได้ / ${n} problem(s), nothing computed`);
  }
  return outcome.evaluation;
}

function printEvaluation(e: Evaluation | PartialEvaluation, io: Io): void {
  const d = e.rules.decimals;
  const f = (x: number): string => formatFixed(x, d);
  io.out(`${e.rules.name.th} (${e.rules.name.en})`);
  io.out("");
  io.out(
    renderTable(
      [
        // The engine's headings, one definition with ITA.INDICATORS, the results sheet and the
        // report; rules without a pass mark have no result column.
        indicatorColumns(Boolean(e.rules.pass)).map((c) => `${c.th} (${c.en})`),
        ...e.indicators.map((i) => [
          i.id,
          i.tools.join(", "),
          i.label.th,
          f(i.value.published),
          ...(i.result ? [i.result.th] : []),
        ]),
      ],
      [3],
    ),
  );
  io.out("");
  io.out(
    renderTable(
      [
        ["แบบวัด (tool)", "น้ำหนัก (weight)", "คะแนน (score)"],
        ...e.tools.map((t) => [t.id, `${t.weight}%`, f(t.value.published)]),
      ],
      [1, 2],
    ),
  );
  io.out("");
  if (e.total && e.rating) {
    io.out(
      `คะแนนรวม (total) ${f(e.total.published)}  ระดับผลการประเมิน (rating) ${e.rating.label.th} (${e.rating.label.en})`,
    );
  }
  if ("needs" in e) io.out(`${e.needs.th} / ${e.needs.en}`);
  const up = e.rating?.nextUp;
  if (up) {
    io.out(`สิ่งที่ยังขาดสำหรับระดับ "${up.label.th}" / what stands between this result and "${up.label.en || up.label.th}":`);
    for (const s of up.shortfalls) io.out(`  - ${s.th} / ${s.en}`);
  }
}

/** A progress bar on a terminal, plain lines otherwise (logs, CI). */
function progressFor(io: Io): Progress {
  const width = 30;
  let drawn = false;
  return {
    step(done, total, label) {
      if (io.tty && io.errRaw) {
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        io.errRaw(
          `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${escapeControl(label.slice(0, 40))}\u001b[K`,
        );
        drawn = true;
      } else io.err(`[${done}/${total}] ${label}`);
    },
    end() {
      if (drawn && io.errRaw) io.errRaw("\n");
    },
  };
}

/** Every line a command prints passes here: text echoed from cells and file names cannot drive the terminal. */
function escaping(io: Io): Io {
  return { ...io, out: (t) => io.out(escapeControl(t)), err: (t) => io.err(escapeControl(t)) };
}

export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = escaping(rawIo);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        rules: { type: "string" },
        json: { type: "boolean" },
        published: { type: "string" },
        write: { type: "boolean" },
        out: { type: "string" },
        "thai-digits": { type: "boolean" },
        agency: { type: "string" },
        district: { type: "string" },
        province: { type: "string" },
        sheet: { type: "string" },
        history: { type: "string" },
        assume: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, file] = positionals;
    if (!command || values.help || command === "help") {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (command === "check" || command === "format") {
      if (!file) throw new UserError(`ต้องระบุไฟล์เกณฑ์ / give a rules file: ita ${command} <rules.ita>`);
      const text = readText(file);
      const { format, parseRules } = await import("../dsl/index.js");
      const r = parseRules(text);
      for (const line of capped(r.diagnostics.map((d) => formatDiagnostic(file, d)))) io.err(line);
      if (!r.model) return 1;
      if (command === "check") {
        io.out(
          `${file}: ไม่มีข้อผิดพลาด / no errors (${r.model.name.th}, ${r.model.tools.length} tools, ${r.model.indicators.length} indicators)`,
        );
        return 0;
      }
      const pretty = format(r.ast);
      if (values.write) await replaceFile(file, pretty);
      // The canonical file itself, to be redirected into a file: printed byte for byte.
      else rawIo.out(pretty.trimEnd());
      return 0;
    }
    if (command === "score" || command === "audit") {
      if (!file) throw new UserError(`ต้องระบุไฟล์คะแนน / give a scores file: ita ${command} <scores.csv>`);
      if (command === "audit" && !values.published) {
        throw new UserError("ต้องระบุ --published <file.json> / give --published <file.json>");
      }
      const rules = await loadScoringRules(values.rules, io);
      // Unusable figures are refused before scoring: exit 2, one line each, nothing audited.
      const published =
        command === "audit"
          ? (await import("./published.js")).readPublished(values.published!, rules.model)
          : undefined;
      const assumed = assumedRows(values.assume ?? [], rules);
      const evaluation = scoreFile(file, rules, io, assumed);
      if (command === "score") {
        const worth = openPoints(rules, evaluation, assumed);
        if (values.json) {
          const s = "needs" in evaluation ? summarise(evaluation) : summarise(evaluation);
          const extra = {
            ...(assumed.length > 0
              ? { assumed: Object.fromEntries(assumed.map((r) => [String(r.tool), r.score])) }
              : {}),
            ...(worth.length > 0 ? { openPoints: worth } : {}),
          };
          io.out(JSON.stringify({ ...s, ...extra }, null, 2));
        } else {
          if (assumed.length > 0) {
            const list = assumed
              .map((r) => `${String(r.tool)} ${formatFixed(Number(r.score), rules.model.decimals)}`)
              .join(", ");
            io.out(`สมมติคะแนน / assumed: ${list}`);
          }
          printEvaluation(evaluation, io);
          printOpenPoints(worth, rules, io);
        }
        return 0;
      }
      const year = rules.model.year;
      io.out(
        values.rules
          ? `ตรวจตามเกณฑ์ปี ${year} (${values.rules}) / audited against the ${year} rules (${values.rules})`
          : `ตรวจตามเกณฑ์ปี ${year} ซึ่งเป็นปีล่าสุดที่มี เพราะไม่ได้ระบุ --rules / audited against the ${year} rules, the latest bundled year, as no --rules was given`,
      );
      const findings = audit(evaluation, published!);
      if (findings.length === 0) {
        io.out(`ตัวเลขที่ประกาศตรงกับเกณฑ์ทั้งหมด / every published figure agrees with the rules`);
        return 0;
      }
      io.out(`พบตัวเลขที่ไม่สอดคล้อง ${findings.length} รายการ / ${findings.length} published figure(s) do not add up:`);
      for (const f of findings) io.out(`  - ${f.th}\n    ${f.en}`);
      return 1;
    }
    if (command === "report") {
      if (!file) throw new UserError("ต้องระบุไฟล์หรือโฟลเดอร์ / give a workbook, a CSV or a folder: ita report <path>");
      const rules = await loadRules(values.rules, io);
      const { inputFiles, readHistory, writeReports } = await import("./report.js");
      const files = inputFiles(file);
      const outDir = values.out ?? "report-output";
      const historyFiles = values.history ? inputFiles(values.history) : [];
      const alsoRead = [values.published, values.rules, ...historyFiles].filter(
        (f): f is string => !!f && existsSync(f),
      );
      const result = await writeReports(
        files,
        rules,
        outDir,
        {
          agency: values.agency,
          district: values.district,
          province: values.province,
          sheet: values.sheet,
          thaiDigits: values["thai-digits"],
          published: values.published
            ? (await import("./published.js")).readPublished(values.published, rules.model)
            : undefined,
          history: values.history ? await readHistory(historyFiles) : undefined,
        },
        progressFor(io),
        { signal: io.signal, alsoRead },
      );
      for (const line of capped(result.failures.map((f) => `✗ ${f.file}: ${f.message}`))) io.err(line);
      for (const line of capped(result.notes.map((n) => `! ${n}`))) io.err(line);
      if (result.skipped.length > 0) {
        io.err(
          `ข้ามรายงานที่ ita เขียนไว้ ${result.skipped.length} ไฟล์ / skipped ${result.skipped.length} report(s) written by ita: ${result.skipped.join(", ")}`,
        );
      }
      for (const r of result.reports) {
        io.out(`${r.agency.name}: ${r.summary.totalText} ${r.summary.rating.th} (${r.summary.rating.en})`);
        if (r.audit && r.audit.length > 0) {
          io.out(
            `  ตัวเลขที่ประกาศไม่สอดคล้อง ${r.audit.length} รายการ / ${r.audit.length} published figure(s) do not add up:`,
          );
          for (const f of r.audit) io.out(`  - ${f.th}\n    ${f.en}`);
          io.out(
            "  รายการนี้อยู่ในรายงานด้วย สร้างใหม่โดยไม่ใส่ --published สำหรับฉบับเผยแพร่ / the list is in the report too: run again without --published for the copy to publish",
          );
        }
      }
      io.out(`เขียนแล้ว ${result.written.length} ไฟล์ใน ${outDir} / wrote ${result.written.length} file(s) to ${outDir}`);
      if (result.interrupted) {
        const n = result.notWritten.length;
        io.err(
          `หยุดแล้ว: เขียนรายงาน ${result.reports.length} หน่วยงาน ยังไม่ได้เขียน ${n} / stopped: ${result.reports.length} agency report(s) written, ${n} not written`,
        );
        return INTERRUPTED;
      }
      if (files.length === 1 && result.reports.length === 0 && result.failures.some((f) => f.unreadable)) return 2;
      if (result.failures.length > 0) {
        io.err(`ไม่สำเร็จ ${result.failures.length} รายการ / ${result.failures.length} failed`);
        return 1;
      }
      return 0;
    }
    throw new UserError(`ไม่รู้จักคำสั่ง ${command} / unknown command ${command}\n\n${USAGE}`);
  } catch (e) {
    if (
      e instanceof InputError ||
      e instanceof UserError ||
      (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      io.err((e as Error).message);
      return 2;
    }
    // Anything else is still one line; the stack only for whoever debugs us.
    io.err(explain(e));
    if (process.env.ITA_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 2;
  }
}
