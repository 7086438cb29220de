/**
 * `ita report`: score tables in (.xlsx, .csv, or a folder of them), one report per
 * agency out (<agency>.xlsx and <agency>.html), plus summary.xlsx / summary.html when
 * there are several. A bad file or agency is reported by name and the others go on;
 * the caller exits 1 if any failed. Input files are only read.
 */
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
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
import { buildReport, fileNameFor, type Agency, type ReportModel } from "../report/model.js";
import { renderSummaryXlsx, renderXlsx } from "../report/xlsx.js";
import { findScoreTable, type TableProblem } from "../workbook/score-table.js";
import { isOwnSheet } from "../workbook/own-sheets.js";
import type { RangeData } from "../workbook/port.js";
import { readXlsx, UnreadableWorkbook } from "./read-xlsx.js";
import { rowsFromCsv } from "./score-csv.js";
import { InputError } from "./input-error.js";

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
}

export { InputError } from "./input-error.js";

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

export function readCsvInput(file: string, flags: ReportFlags): AgencyInput[] {
  const rows = rowsFromCsv(readFileSync(file, "utf8"), file);
  let agency = fromFlags(flags);
  const sidecar = join(dirname(file), "agency.csv");
  if (!agency && existsSync(sidecar)) {
    const r = agenciesFromCsv(readFileSync(sidecar, "utf8"), sidecar);
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

export async function readInput(file: string, flags: ReportFlags): Promise<AgencyInput[]> {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx") return readWorkbookInput(file, flags);
  if (ext === ".csv") return readCsvInput(file, flags);
  throw new InputError(`${file}: อ่านได้เฉพาะ .xlsx และ .csv / only .xlsx and .csv files can be read`);
}

export interface Progress {
  /** Called after each agency or file: done of total, and what just happened. */
  step(done: number, total: number, label: string): void;
  end(): void;
}

export interface ReportRun {
  readonly written: readonly string[];
  readonly reports: readonly ReportModel[];
  readonly failures: readonly Failure[];
}

/** Build and write every agency's report; failures are collected, never thrown. */
export async function writeReports(
  files: readonly string[],
  rules: CompiledRules,
  outDir: string,
  flags: ReportFlags,
  progress: Progress,
): Promise<ReportRun> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const reports: ReportModel[] = [];
  const failures: Failure[] = [];
  const used = new Set<string>();
  const uniqueName = (agency: Agency): string => {
    const base = fileNameFor(agency);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === "summary"; n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  };
  // One file: progress per agency in it; a folder: progress per file.
  const perAgency = files.length === 1;
  let done = 0;
  let pending: Promise<unknown> = Promise.resolve();
  for (const file of files) {
    let inputs: AgencyInput[];
    try {
      inputs = await readInput(file, flags);
    } catch (e) {
      if (!(e instanceof InputError) && !(e instanceof UnreadableWorkbook)) throw e;
      failures.push({ file: basename(file), message: (e as Error).message });
      if (!perAgency) progress.step(++done, files.length, `✗ ${basename(file)}`);
      continue;
    }
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
      if (perAgency && inputs.length > 1) progress.step(done++, inputs.length, input.agency.name);
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
        const lines = [...errors, ...warnings];
        failures.push({
          file: `${basename(file)}${inputs.length > 1 ? ` (${input.agency.name})` : ""}`,
          message: `พบปัญหา ${errors.length} รายการ ยังคำนวณไม่ได้ / ${errors.length} problem(s), nothing computed:\n  ${lines.join("\n  ")}`,
        });
        continue;
      }
      const report = buildReport(outcome.evaluation, rules.model, input.agency, {
        thaiDigits: flags.thaiDigits,
        published: flags.published,
      });
      const name = uniqueName(input.agency);
      const xlsxPath = join(outDir, `${name}.xlsx`);
      const htmlPath = join(outDir, `${name}.html`);
      const xlsxBytes = await renderXlsx(report);
      const htmlText = renderHtml(report);
      // Write while the next agency renders; at most one agency's files are in flight.
      await pending;
      pending = Promise.all([writeFile(xlsxPath, xlsxBytes), writeFile(htmlPath, htmlText)]);
      written.push(xlsxPath, htmlPath);
      reports.push(report);
    }
    if (!perAgency) progress.step(++done, files.length, basename(file));
    else if (inputs.length > 1) progress.step(done, inputs.length, basename(file));
  }
  await pending;
  if (reports.length + failures.length > 1) {
    const xlsxPath = join(outDir, "summary.xlsx");
    const htmlPath = join(outDir, "summary.html");
    await writeFile(xlsxPath, await renderSummaryXlsx(reports, failures));
    await writeFile(htmlPath, renderSummaryHtml(reports, failures));
    written.push(xlsxPath, htmlPath);
  }
  progress.end();
  return { written, reports, failures };
}
