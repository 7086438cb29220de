/**
 * The `ita` command line: check a rules file, score an agency's CSV, audit
 * published figures, format a rules file. User mistakes end in one clear line
 * (Thai / English) naming the file and place, and a non-zero exit; never a stack trace.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseRules, formatDiagnostic } from "../dsl/index.js";
import { format } from "../dsl/format.js";
import type { ScoringModel } from "../dsl/model.js";
import { formatFixed } from "../dsl/precision.js";
import {
  audit,
  bundledScoring,
  bundledText,
  bundledYears,
  describeProblem,
  evaluateRows,
  latestYear,
  loadRulesText,
  summarise,
  type CompiledRules,
  type Evaluation,
  type PublishedFigures,
} from "../engine/index.js";
import { rowsFromCsv } from "./score-csv.js";
import { renderTable } from "./table.js";
import { InputError } from "./input-error.js";
// The report path (exceljs, the report renderers) is imported only by `ita report`, so
// `ita score` and `ita check` start without loading it.
import type { Progress } from "./report.js";

export class UserError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: `ita report` then draws a progress bar with `errRaw`. */
  readonly tty?: boolean;
  /** Write to stderr without a newline (progress bar redraws). */
  errRaw?(text: string): void;
}

const USAGE = `ITA Workbench — เครื่องมือคำนวณและตรวจสอบผลการประเมิน ITA / compute and check ITA results

  ita check <rules.ita>                          ตรวจไฟล์เกณฑ์ / check a rules file
  ita format <rules.ita> [--write]               จัดรูปแบบไฟล์เกณฑ์ / print the canonical rules file
  ita score <scores.csv> [--rules <file|year>] [--json]
                                                 คำนวณผล / score an agency
  ita audit <scores.csv> --published <file.json> [--rules <file|year>]
                                                 ตรวจตัวเลขที่ประกาศ / audit published figures
  ita report <workbook.xlsx | scores.csv | folder> [--rules <file|year>] [--out <dir>]
             [--published <file.json>] [--thai-digits] [--agency <name> --district <name> --province <name>]
             [--sheet <name>]
                                                 รายงานวิเคราะห์ผลและแผนพัฒนา (.xlsx และ .html) รายหน่วยงาน
                                                 / analysis report and improvement plan per agency

ปีที่มีในชุดเกณฑ์ / bundled years: ${bundledYears().join(", ")} (ค่าเริ่มต้น / default ${latestYear()})`;

function readText(path: string): string {
  if (!existsSync(path)) throw new UserError(`ไม่พบไฟล์ ${path} / file not found: ${path}`);
  return readFileSync(path, "utf8");
}

function loadRules(spec: string | undefined, io: Io): CompiledRules {
  const name = spec ?? latestYear();
  const fromFile = existsSync(name) || name.endsWith(".ita");
  const text = fromFile ? readText(name) : bundledText(name);
  if (text === undefined) {
    throw new UserError(
      `ไม่พบเกณฑ์ ${name} (มี ${bundledYears().join(", ")}) / unknown rules ${name} (bundled: ${bundledYears().join(", ")})`,
    );
  }
  const loaded = loadRulesText(text);
  const label = fromFile ? name : `rules/ita-${name}.ita`;
  for (const d of loaded.diagnostics) io.err(formatDiagnostic(label, d));
  if (!loaded.ok) throw new UserError(`ไฟล์เกณฑ์ ${label} มีข้อผิดพลาด / the rules file ${label} has errors`);
  return loaded.compiled;
}

/** For scoring alone: a bundled year comes precompiled (no parse, no parser built); a file is parsed. */
function loadScoringRules(spec: string | undefined, io: Io): CompiledRules<ScoringModel> {
  const name = spec ?? latestYear();
  const fromFile = existsSync(name) || name.endsWith(".ita");
  return (!fromFile && bundledScoring(name)) || loadRules(spec, io);
}

function scoreFile(path: string, rules: CompiledRules<ScoringModel>, io: Io): Evaluation {
  const outcome = evaluateRows(rules, rowsFromCsv(readText(path), path));
  for (const p of outcome.problems) io.err(`${p.severity === "error" ? "error" : "warning"}: ${describeProblem(p)}`);
  if (!outcome.ok) {
    const n = outcome.problems.filter((p) => p.severity === "error").length;
    throw new UserError(`${path}: พบปัญหา ${n} รายการ ยังคำนวณไม่ได้ / ${n} problem(s), nothing computed`);
  }
  return outcome.evaluation;
}

function printEvaluation(e: Evaluation, io: Io): void {
  const d = e.rules.decimals;
  const f = (x: number): string => formatFixed(x, d);
  io.out(`${e.rules.name.th} (${e.rules.name.en})`);
  io.out("");
  io.out(
    renderTable(
      [
        ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"],
        ...e.indicators.map((i) => [i.id, i.tools.join(", "), i.label.th, f(i.value.published), i.result.th]),
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
  io.out(
    `คะแนนรวม (total) ${f(e.total.published)}  ระดับผลการประเมิน (rating) ${e.rating.label.th} (${e.rating.label.en})`,
  );
  const up = e.rating.nextUp;
  if (up) {
    io.out(`สิ่งที่ยังขาดสำหรับระดับ "${up.label.th}" / what stands between this result and "${up.label.en || up.label.th}":`);
    for (const s of up.shortfalls) io.out(`  - ${s.th} / ${s.en}`);
  }
}

function readPublished(path: string): PublishedFigures {
  try {
    return JSON.parse(readText(path)) as PublishedFigures;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path}: ไม่ใช่ JSON ที่ถูกต้อง / not valid JSON (${(e as Error).message})`);
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
          `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40)}\u001b[K`,
        );
        drawn = true;
      } else io.err(`[${done}/${total}] ${label}`);
    },
    end() {
      if (drawn && io.errRaw) io.errRaw("\n");
    },
  };
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
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
      const r = parseRules(text);
      for (const d of r.diagnostics) io.err(formatDiagnostic(file, d));
      if (!r.model) return 1;
      if (command === "check") {
        io.out(
          `${file}: ไม่มีข้อผิดพลาด / no errors (${r.model.name.th}, ${r.model.tools.length} tools, ${r.model.indicators.length} indicators)`,
        );
        return 0;
      }
      const pretty = format(r.ast);
      if (values.write) writeFileSync(file, pretty);
      else io.out(pretty.trimEnd());
      return 0;
    }
    if (command === "score" || command === "audit") {
      if (!file) throw new UserError(`ต้องระบุไฟล์คะแนน / give a scores file: ita ${command} <scores.csv>`);
      const rules = loadScoringRules(values.rules, io);
      const evaluation = scoreFile(file, rules, io);
      if (command === "score") {
        if (values.json) io.out(JSON.stringify(summarise(evaluation), null, 2));
        else printEvaluation(evaluation, io);
        return 0;
      }
      if (!values.published) throw new UserError("ต้องระบุ --published <file.json> / give --published <file.json>");
      const findings = audit(evaluation, readPublished(values.published));
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
      const rules = loadRules(values.rules, io);
      const { inputFiles, writeReports } = await import("./report.js");
      const files = inputFiles(file);
      const outDir = values.out ?? "report-output";
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
          published: values.published ? readPublished(values.published) : undefined,
        },
        progressFor(io),
      );
      for (const f of result.failures) io.err(`✗ ${f.file}: ${f.message}`);
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
      if (result.failures.length > 0) {
        io.err(`ไม่สำเร็จ ${result.failures.length} รายการ / ${result.failures.length} failed`);
        return 1;
      }
      return 0;
    }
    throw new UserError(`ไม่รู้จักคำสั่ง ${command} / unknown command ${command}\n\n${USAGE}`);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UserError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err((e as Error).message);
      return 2;
    }
    throw e;
  }
}
