/**
 * `ita report`: score tables in (.xlsx, .csv, or a folder of them), one report per
 * agency out (<agency>.xlsx and <agency>.html), plus summary.xlsx / summary.html when
 * there are several. A bad file or agency is reported by name and the others go on;
 * the caller exits 1 if any failed. Input files are only read: an output that would
 * replace one stops the run before anything is written, and our own earlier reports in
 * a scanned folder are passed over. Writing itself (temporary files, renames, locks)
 * is output-files.ts's; file names are file-name.ts's.
 */
import { existsSync, statSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import {
  describeProblem,
  evaluateRows,
  type CompiledRules,
  type PublishedFigures,
  type ScoreRow,
} from "../engine/index.js";
import { AGENCY_SHEET, agenciesFromGrid, sameAgencyName } from "../report/agency.js";
import { agenciesFromCsv } from "./agency-csv.js";
import { renderHtml, renderSummaryHtml } from "../report/html.js";
import { buildReport, type Agency, type ReportModel } from "../report/model.js";
import { renderSummaryXlsx, renderXlsx } from "../report/xlsx.js";
import { findScoreTable, type TableProblem } from "../workbook/score-table.js";
import { isOwnSheet } from "../workbook/own-sheets.js";
import type { RangeData } from "../workbook/port.js";
import { readXlsx, UnreadableWorkbook } from "./read-xlsx.js";
import { rowsFromCsv } from "./score-csv.js";
import { readTextFile } from "./text-file.js";
import { capped, explain, InputError } from "./errors.js";
import { NameAllocator } from "./file-name.js";
import { InputSet, prepareOutputFolder, writeTogether } from "./output-files.js";

export interface ReportFlags {
  readonly agency?: string;
  readonly district?: string;
  readonly province?: string;
  /** Name of the sheet holding the score table; otherwise every sheet is searched. */
  readonly sheet?: string;
  readonly thaiDigits?: boolean;
  readonly published?: PublishedFigures;
}

/** One agency's scores, as read from a file. */
export interface AgencyInput {
  readonly file: string;
  readonly agency: Agency;
  readonly rows: readonly ScoreRow[];
  /** Why these rows cannot be reported (e.g. rows without an agency name); the others go on. */
  readonly problem?: string;
}

/** A file or agency that could not be reported, and why (one message per line). */
export interface Failure {
  readonly file: string;
  readonly message: string;
  /** True when the file itself could not be read (file system, CSV or zip error), not its content. */
  readonly unreadable?: boolean;
}

/** A workbook this tool wrote (every sheet one of ours): never taken for input when a folder is scanned. */
export class OwnOutput extends InputError {}

const sameName = sameAgencyName;

const problemText = (p: TableProblem): string => `${p.where}: ${p.th} / ${p.en}`;

function fromFlags(flags: ReportFlags): Agency | undefined {
  if (!flags.agency?.trim()) return undefined;
  return { name: flags.agency.trim(), district: flags.district?.trim(), province: flags.province?.trim() };
}

/** Agencies from the workbook's "หน่วยงาน" sheet, or undefined when the sheet is absent. */
function agencySheet(sheets: readonly RangeData[], file: string): readonly Agency[] | undefined {
  const sheet = sheets.find((s) => sameName(s.sheet, AGENCY_SHEET));
  if (!sheet) return undefined;
  const r = agenciesFromGrid(sheet.values, sheet.sheet);
  if (!r.ok) throw new InputError(`${file}: ${r.problem.where}: ${r.problem.th} / ${r.problem.en}`);
  return r.agencies;
}

export async function readWorkbookInput(file: string, flags: ReportFlags): Promise<AgencyInput[]> {
  const { sheets } = await readXlsx(file);
  if (sheets.length > 0 && sheets.every((s) => isOwnSheet(s.sheet))) {
    throw new OwnOutput(
      `${file}: เป็นรายงานที่ ita เขียนไว้ ไม่ใช่ตารางคะแนน / this is a report written by ita, not a score table`,
    );
  }
  const agencies = agencySheet(sheets, file);
  // The add-in's own output sheets (a report written into the workbook earlier) are never input.
  let candidates = sheets.filter((s) => !sameName(s.sheet, AGENCY_SHEET) && (flags.sheet || !isOwnSheet(s.sheet)));
  if (flags.sheet) {
    candidates = candidates.filter((s) => sameName(s.sheet, flags.sheet!));
    if (candidates.length === 0) {
      throw new InputError(
        `${file}: ไม่พบชีต "${flags.sheet}" (มี ${sheets.map((s) => s.sheet).join(", ")}) / sheet "${flags.sheet}" not found (sheets: ${sheets.map((s) => s.sheet).join(", ")})`,
      );
    }
  }
  const problems: TableProblem[] = [];
  const tables = [];
  for (const sheet of candidates) {
    const found = findScoreTable(sheet);
    if (found.ok) tables.push(found.table);
    else problems.push(...found.problems.filter((p) => p.code !== "empty"));
  }
  if (tables.length > 1) {
    const names = tables.map((t) => `"${t.sheet}"`).join(", ");
    throw new InputError(
      `${file}: พบตารางคะแนนหลายชีต (${names}) ระบุชีตด้วย --sheet หรือรวมเป็นตารางเดียวที่มีคอลัมน์หน่วยงาน / score tables on several sheets (${names}): choose one with --sheet, or make one table with an agency column`,
    );
  }
  for (const table of tables) {
    if (table.columns.agency !== undefined) {
      // One workbook, many agencies: group the rows by the agency column.
      // Names are grouped as sameName compares them, so stray spaces do not split an agency in two.
      const groups = new Map<string, { name: string; rows: ScoreRow[] }>();
      const nameless: string[] = [];
      for (const row of table.rows) {
        const name = (row.agency ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
        if (!name) {
          nameless.push(row.where ?? table.sheet);
          continue;
        }
        const group = groups.get(name);
        if (group) group.rows.push(row);
        else groups.set(name, { name, rows: [row] });
      }
      const inputs: AgencyInput[] = [...groups.values()].map(({ name, rows }) => ({
        file,
        agency: agencies?.find((a) => sameName(a.name, name)) ?? { name },
        rows,
      }));
      if (nameless.length) {
        const shown = nameless.slice(0, 5).join(", ") + (nameless.length > 5 ? ", …" : "");
        inputs.push({
          file,
          agency: { name: "" },
          rows: [],
          problem: `${nameless.length} แถวไม่มีชื่อหน่วยงาน จึงไม่นำมาคิด (${shown}) / ${nameless.length} row(s) without an agency name, left out (${shown})`,
        });
      }
      return inputs;
    }
    const agency = fromFlags(flags) ?? agencies?.[0];
    if (!agency) {
      throw new InputError(
        `${file}: ไม่พบชีต "${AGENCY_SHEET}" (ชื่อหน่วยงาน, อำเภอ, จังหวัด) เพิ่มชีตนี้ หรือระบุ --agency / sheet "${AGENCY_SHEET}" not found (agency name, district, province): add it, or give --agency`,
      );
    }
    return [{ file, agency, rows: table.rows }];
  }
  if (problems.length === 0) {
    throw new InputError(`${file}: ไม่พบตารางคะแนนในไฟล์นี้ / no score table in this file`);
  }
  throw new InputError(problems.map((p) => `${file}: ${problemText(p)}`).join("\n"));
}

function readCsvInput(file: string, flags: ReportFlags): AgencyInput[] {
  const rows = rowsFromCsv(readTextFile(file), file);
  let agency = fromFlags(flags);
  const sidecar = join(dirname(file), "agency.csv");
  if (!agency && existsSync(sidecar)) {
    const r = agenciesFromCsv(readTextFile(sidecar), sidecar);
    if (!r.ok) throw new InputError(`${r.problem.where}: ${r.problem.th} / ${r.problem.en}`);
    agency = r.agencies[0];
  }
  if (!agency) {
    throw new InputError(
      `${file}: ไม่ทราบชื่อหน่วยงาน ระบุ --agency หรือวางไฟล์ agency.csv ไว้ข้างไฟล์คะแนน / no agency name: give --agency, or put an agency.csv beside the scores`,
    );
  }
  return [{ file, agency, rows }];
}

const isScoreFile = (name: string): boolean =>
  /\.(xlsx|csv)$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".") && name.toLowerCase() !== "agency.csv";

/** The files `ita report <path>` reads: the path itself, or a folder's .xlsx and .csv files in name order. */
export function inputFiles(path: string): string[] {
  if (!existsSync(path)) throw new InputError(`ไม่พบไฟล์ ${path} / file not found: ${path}`);
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path)
      .filter(isScoreFile)
      .sort()
      .map((n) => join(path, n));
    if (files.length === 0) {
      throw new InputError(`ไม่มีไฟล์ .xlsx หรือ .csv ในโฟลเดอร์ ${path} / no .xlsx or .csv file in folder ${path}`);
    }
    return files;
  }
  return [path];
}

async function readInput(file: string, flags: ReportFlags): Promise<AgencyInput[]> {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx") return readWorkbookInput(file, flags);
  if (ext === ".csv") return readCsvInput(file, flags);
  throw new InputError(`${file}: อ่านได้เฉพาะ .xlsx และ .csv / only .xlsx and .csv files can be read`);
}

export interface Progress {
  /** Called after each file read or agency written: done of total, and what just happened. */
  step(done: number, total: number, label: string): void;
  end(): void;
}

export interface ReportRun {
  readonly written: readonly string[];
  readonly reports: readonly ReportModel[];
  readonly failures: readonly Failure[];
  /** Files passed over because they are reports this tool wrote (a folder reported into itself). */
  readonly skipped: readonly string[];
  /** Agencies read and scored but not written because the run was stopped (SIGINT/SIGTERM). */
  readonly notWritten: readonly string[];
  readonly interrupted: boolean;
}

export interface ReportOptions {
  /** Aborted by SIGINT/SIGTERM: the run stops between agencies. */
  readonly signal?: AbortSignal;
  /** Other files the run reads (rules, published figures): never overwritten either. */
  readonly alsoRead?: readonly string[];
}

/** An agency that can be written: its report built, its file name chosen. */
interface Ready {
  readonly report: ReportModel;
  readonly xlsxPath: string;
  readonly htmlPath: string;
}

/**
 * Build and write every agency's report; failures are collected, never thrown, except
 * an output that would overwrite an input, which stops the run before anything is written.
 * Three passes: read every input (only score rows are kept, so a folder of many
 * workbooks costs little memory), score and name every agency, then write.
 */
export async function writeReports(
  files: readonly string[],
  rules: CompiledRules,
  outDir: string,
  flags: ReportFlags,
  progress: Progress,
  options: ReportOptions = {},
): Promise<ReportRun> {
  const stopped = (): boolean => options.signal?.aborted ?? false;
  await prepareOutputFolder(outDir);
  const failures: Failure[] = [];
  const skipped: string[] = [];
  const inputsRead = new InputSet();
  for (const f of options.alsoRead ?? []) inputsRead.add(f);

  // 1. Read.
  const read: { file: string; inputs: AgencyInput[] }[] = [];
  let done = 0;
  for (const file of files) {
    if (stopped()) break;
    try {
      const inputs = await readInput(file, flags);
      inputsRead.add(file);
      if (file.toLowerCase().endsWith(".csv")) inputsRead.add(join(dirname(file), "agency.csv"));
      read.push({ file, inputs });
    } catch (e) {
      // Our own earlier report is replaced like any output; every other file is the user's.
      if (e instanceof OwnOutput && files.length > 1) skipped.push(basename(file));
      else {
        inputsRead.add(file);
        const message = e instanceof UnreadableWorkbook ? e.message : explain(e, file);
        failures.push({ file: basename(file), message, unreadable: !(e instanceof InputError) });
      }
    }
    if (files.length > 1) progress.step(++done, files.length, basename(file));
  }

  const notRead = files.slice(read.length + failures.length + skipped.length).map((f) => basename(f));

  // 2. Score and name.
  const names = new NameAllocator(["summary"]);
  const ready: Ready[] = [];
  for (const { file, inputs } of read) {
    if (flags.published && (files.length > 1 || inputs.filter((i) => !i.problem).length > 1)) {
      // One agency's published figures checked against another's would be false findings.
      failures.push({
        file: basename(file),
        message:
          "--published ใช้กับหน่วยงานเดียว แต่ไฟล์นี้มีหลายหน่วยงาน / --published is for one agency, and this input holds several",
      });
      continue;
    }
    for (const input of inputs) {
      if (input.problem) {
        failures.push({ file: basename(file), message: input.problem });
        continue;
      }
      const outcome = evaluateRows(rules, input.rows);
      if (!outcome.ok) {
        // Warnings too: a row left out as "no such question" often explains a "score missing".
        const errors = outcome.problems.filter((p) => p.severity === "error").map((p) => describeProblem(p));
        const warnings = outcome.problems
          .filter((p) => p.severity !== "error")
          .map((p) => `(คำเตือน / warning) ${describeProblem(p)}`);
        failures.push({
          file: `${basename(file)}${inputs.length > 1 ? ` (${input.agency.name})` : ""}`,
          message: `พบปัญหา ${errors.length} รายการ ยังคำนวณไม่ได้ / ${errors.length} problem(s), nothing computed:\n  ${capped([...errors, ...warnings]).join("\n  ")}`,
        });
        continue;
      }
      const report = buildReport(outcome.evaluation, rules.model, input.agency, {
        thaiDigits: flags.thaiDigits,
        published: flags.published,
      });
      const name = names.next(input.agency.name);
      ready.push({ report, xlsxPath: join(outDir, `${name}.xlsx`), htmlPath: join(outDir, `${name}.html`) });
    }
  }
  const withSummary = ready.length + failures.length > 1;
  const summaryPaths = [join(outDir, "summary.xlsx"), join(outDir, "summary.html")];
  inputsRead.refuseOverwrites([
    ...ready.flatMap((r) => [r.xlsxPath, r.htmlPath]),
    ...(withSummary ? summaryPaths : []),
  ]);

  // 3. Write, each agency's pair whole; a stop request is honoured between agencies.
  const written: string[] = [];
  const reports: ReportModel[] = [];
  const notWritten: string[] = [...notRead];
  for (const f of notRead) {
    failures.push({ file: f, message: "ยังไม่ได้อ่าน เพราะหยุดการทำงานกลางคัน / not read: the run was stopped" });
  }
  let next = 0;
  for (const r of ready) {
    if (stopped()) break;
    try {
      await writeTogether(outDir, [
        { path: r.xlsxPath, data: await renderXlsx(r.report) },
        { path: r.htmlPath, data: renderHtml(r.report) },
      ]);
      written.push(r.xlsxPath, r.htmlPath);
      reports.push(r.report);
    } catch (e) {
      failures.push({ file: r.report.agency.name, message: explain(e, r.xlsxPath) });
    }
    next++;
    if (ready.length > 1) progress.step(next, ready.length, `→ ${r.report.agency.name}`);
  }
  for (const r of ready.slice(next)) {
    notWritten.push(r.report.agency.name);
    failures.push({
      file: r.report.agency.name,
      message: "ยังไม่ได้เขียน เพราะหยุดการทำงานกลางคัน / not written: the run was stopped",
    });
  }
  if (withSummary) {
    try {
      await writeTogether(outDir, [
        { path: summaryPaths[0]!, data: await renderSummaryXlsx(reports, failures) },
        { path: summaryPaths[1]!, data: renderSummaryHtml(reports, failures) },
      ]);
      written.push(...summaryPaths);
    } catch (e) {
      failures.push({ file: "summary", message: explain(e, summaryPaths[0]) });
    }
  }
  progress.end();
  return { written, reports, failures, skipped, notWritten, interrupted: stopped() };
}
