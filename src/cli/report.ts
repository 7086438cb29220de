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
  bundledRules,
  compareYears,
  type History,
} from "../engine/index.js";
import { AGENCY_SHEET, agenciesFromGrid, sameAgencyName } from "../report/agency.js";
import { agenciesFromCsv } from "./agency-csv.js";
import { renderHtmlParts, renderSummaryHtml } from "../report/html.js";
import { buildReport, type Agency } from "../report/model.js";
import { summaryEntry, type SummaryEntry } from "../report/summary.js";
import { historyYears, noRulesText, type HistoryTable } from "./history.js";

// `--history` reads score files: it travels in the report chunk, which only `ita report` loads.
export { readHistory } from "./history.js";
import { findYearTables } from "../workbook/year-tables.js";
import type { Text } from "../report/utf8.js";
import { renderSummaryXlsx, reportXlsxParts, type XlsxParts } from "../report/xlsx.js";
import { findScoreTable, type TableProblem } from "../workbook/score-table.js";
import { isOwnSheet } from "../workbook/own-sheets.js";
import type { RangeData } from "../workbook/port.js";
import { readXlsx, UnreadableWorkbook } from "./read-xlsx.js";
import { rowsFromCsv } from "./score-csv.js";
import { readTextFile } from "./text-file.js";
import { capped, explain, InputError } from "./errors.js";
import { NameAllocator } from "./file-name.js";
import { InputSet, prepareOutputFolder, StagedWrites, writeTogether } from "./output-files.js";
import { ReportWriter } from "./report-writer.js";
import { packRows, unpackRows, type PackedRows } from "./packed-rows.js";
import { collectGarbage } from "./collect.js";

/**
 * Agencies written between full garbage collections (collect.ts): a few milliseconds each,
 * but a forced collection also drops the compiled code of the report writers (V8 deoptimizes
 * code whose embedded objects it frees, "weak objects"), which is then compiled again on
 * the other core. Measured at 5,000 agencies: every 250, 9 s of compiling and a peak of
 * 233 MB; every 1,000, 5 s and the same peak; never, 4 s and 278 MB.
 */
const COLLECT_EVERY = 1000;

/** Agencies' pairs put in place under one hold of the output folder's lock (output-files.ts). */
const PLACE_EVERY = 32;

/**
 * Agencies whose files may be in compression and writing at once, behind the one being
 * rendered: enough to ride out the writer thread's pauses (its own compiling and
 * collecting). Measured at 1,000 agencies on two cores: 4 in writing, 5.1–5.2 s; 8, 4.0–4.6 s;
 * 16 and 32 no faster, with more memory.
 */
const IN_WRITING = 8;

export interface ReportFlags {
  readonly agency?: string;
  readonly district?: string;
  readonly province?: string;
  /** Name of the sheet holding the score table; otherwise every sheet is searched. */
  readonly sheet?: string;
  readonly thaiDigits?: boolean;
  readonly published?: PublishedFigures;
  /** Earlier years' tables (`--history`), compared with each agency's result. */
  readonly history?: readonly HistoryTable[];
}

/** One agency's scores, as read from a file. */
export interface AgencyInput {
  readonly file: string;
  readonly agency: Agency;
  readonly rows: readonly ScoreRow[];
  /** Why these rows cannot be reported (e.g. rows without an agency name); the others go on. */
  readonly problem?: string;
  /** The fiscal year of these rows, when the workbook holds several years (the latest is reported). */
  readonly year?: number;
  /** The workbook's earlier years, compared with this one. */
  readonly earlier?: readonly HistoryTable[];
}

/** A file or agency that could not be reported, and why (one message per line). */
export interface Failure {
  readonly file: string;
  readonly message: string;
  /** True when the file itself could not be read (file system, CSV or zip error), not its content. */
  readonly unreadable?: boolean;
}

/**
 * A file's failure, the file named once wherever it is listed (terminal, summary page and
 * sheet): a reader's message that starts with the file's path (and its line) is listed under
 * that path and line, where other failures are listed under the file's name.
 */
function fileFailure(file: string, message: string, unreadable?: boolean): Failure {
  const place = message.startsWith(file) ? /^((?::\d+)*): /.exec(message.slice(file.length)) : null;
  const failure = place
    ? { file: file + place[1], message: message.slice(file.length + place[0].length) }
    : { file: basename(file), message };
  return unreadable === undefined ? failure : { ...failure, unreadable };
}

/** A workbook this tool wrote (every sheet one of ours): never taken for input when a folder is scanned. */
class OwnOutput extends InputError {}

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
  // Reading the XML left much garbage: collected before the rows are built beside the grid.
  collectGarbage();
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
  const foundIn = new Map<RangeData, ReturnType<typeof findScoreTable>>();
  for (const sheet of candidates) {
    const found = findScoreTable(sheet);
    foundIn.set(sheet, found);
    if (found.ok) tables.push(found.table);
    else problems.push(...found.problems.filter((p) => p.code !== "empty"));
  }
  // A sheet per year, or a year column: the latest year is the report's, the others its history.
  const byYear = findYearTables(candidates, (sheet) => foundIn.get(sheet) ?? findScoreTable(sheet));
  const distinctYears = new Set(byYear.years.map((t) => t.year));
  if (
    distinctYears.size > 1 &&
    byYear.unnamed.length === 0 &&
    byYear.years.every((t) => t.table.columns.agency === undefined)
  ) {
    const agency = fromFlags(flags) ?? agencies?.[0];
    if (!agency) {
      throw new InputError(
        `${file}: ไม่พบชีต "${AGENCY_SHEET}" (ชื่อหน่วยงาน, อำเภอ, จังหวัด) เพิ่มชีตนี้ หรือระบุ --agency / sheet "${AGENCY_SHEET}" not found (agency name, district, province): add it, or give --agency`,
      );
    }
    const latest = byYear.years.at(-1)!;
    const earlier = byYear.years
      .filter((t) => t.year !== latest.year)
      .map((t) => ({ year: t.year, source: `${basename(file)}!${t.sheet}`, rows: t.rows }));
    return [{ file, agency, rows: latest.rows, year: latest.year, earlier }];
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
  /** What the summary shows of each agency written (its figures, not the whole report). */
  readonly reports: readonly SummaryEntry[];
  readonly failures: readonly Failure[];
  /** Files passed over because they are reports this tool wrote (a folder reported into itself). */
  readonly skipped: readonly string[];
  /** Agencies read and scored but not written because the run was stopped (SIGINT/SIGTERM). */
  readonly notWritten: readonly string[];
  readonly interrupted: boolean;
  /** What the reader should know but is not a failure: earlier years left out of a comparison, and why. */
  readonly notes: readonly string[];
}

export interface ReportOptions {
  /** Aborted by SIGINT/SIGTERM: the run stops between agencies. */
  readonly signal?: AbortSignal;
  /** Other files the run reads (rules, published figures): never overwritten either. */
  readonly alsoRead?: readonly string[];
}

/** An agency as held between reading and writing: its score rows packed (packed-rows.ts). */
type HeldInput = Omit<AgencyInput, "rows"> & { readonly packed: PackedRows };

function held(input: AgencyInput): HeldInput {
  const { rows, ...rest } = input;
  return { ...rest, packed: packRows(rows) };
}

/** An agency to report: its scores and the file names chosen for it. */
interface Ready {
  readonly file: string;
  /** How the agency is named in a failure: the file, and the agency when the file holds several. */
  readonly label: string;
  readonly input: HeldInput;
  /** The rules of the year it is reported for (a workbook of several years: its latest). */
  readonly rules: CompiledRules;
  readonly xlsxPath: string;
  readonly htmlPath: string;
}

/** The problems that stop an agency's scores from being reported, as one failure message. */
function notComputed(problems: readonly Parameters<typeof describeProblem>[0][]): string {
  // Warnings too: a row left out as "no such question" often explains a "score missing".
  const errors = problems.filter((p) => p.severity === "error").map((p) => describeProblem(p));
  const warnings = problems
    .filter((p) => p.severity !== "error")
    .map((p) => `(คำเตือน / warning) ${describeProblem(p)}`);
  return `พบปัญหา ${errors.length} รายการ ยังคำนวณไม่ได้ / ${errors.length} problem(s), nothing computed:\n  ${capped([...errors, ...warnings]).join("\n  ")}`;
}

/**
 * Build and write every agency's report; failures are collected, never thrown, except
 * an output that would overwrite an input, which stops the run before anything is written.
 * Three passes: read every input (only score rows are kept, packed, so a folder of many
 * workbooks or a province's workbook costs little memory), name every agency and check
 * no name is an input's, then score, render and write one agency at a time, keeping only
 * its summary entry, so memory grows with the agencies by their packed rows only.
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
  const read: { file: string; inputs: HeldInput[] }[] = [];
  let done = 0;
  for (const file of files) {
    if (stopped()) break;
    try {
      // Packed one agency at a time, each agency's row objects let go as it is packed.
      const rowsRead: (AgencyInput | HeldInput)[] = await readInput(file, flags);
      collectGarbage();
      for (let i = 0; i < rowsRead.length; i++) rowsRead[i] = held(rowsRead[i] as AgencyInput);
      const inputs = rowsRead as HeldInput[];
      inputsRead.add(file);
      if (file.toLowerCase().endsWith(".csv")) inputsRead.add(join(dirname(file), "agency.csv"));
      read.push({ file, inputs });
      // The file's grid and row objects are garbage now: collect so the heap limit comes back down.
      collectGarbage();
    } catch (e) {
      // Our own earlier report is replaced like any output; every other file is the user's.
      if (e instanceof OwnOutput && files.length > 1) skipped.push(basename(file));
      else {
        inputsRead.add(file);
        const message = e instanceof UnreadableWorkbook ? e.message : explain(e, file);
        failures.push(fileFailure(file, message, !(e instanceof InputError)));
      }
    }
    if (files.length > 1) progress.step(++done, files.length, basename(file));
  }

  const notRead = files.slice(read.length + failures.length + skipped.length).map((f) => basename(f));

  // 2. Name every agency (before scoring: names depend on the inputs alone) and refuse any
  // output that would replace an input, before anything is written.
  const notes: string[] = [];
  const names = new NameAllocator(["summary"]);
  // An agency's entry is let go (null) once written, so its score rows can be collected.
  const ready: (Ready | null)[] = [];
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
        failures.push(fileFailure(file, input.problem));
        continue;
      }
      // A workbook of several years reports its latest by that year's rules.
      const own = input.year === undefined || input.year === rules.model.year ? rules : bundledRules(input.year);
      if (!own) {
        failures.push({ file: basename(file), message: noRulesText(input.year!) });
        continue;
      }
      const name = names.next(input.agency.name);
      ready.push({
        file,
        label: `${basename(file)}${inputs.length > 1 ? ` (${input.agency.name})` : ""}`,
        input,
        rules: own,
        xlsxPath: join(outDir, `${name}.xlsx`),
        htmlPath: join(outDir, `${name}.html`),
      });
    }
  }
  read.length = 0; // the inputs now live in `ready` only, each let go once written
  const withSummary = ready.length + failures.length > 1;
  const summaryPaths = [join(outDir, "summary.xlsx"), join(outDir, "summary.html")];
  inputsRead.refuseOverwrites([
    ...ready.flatMap((r) => (r ? [r.xlsxPath, r.htmlPath] : [])),
    ...(withSummary ? summaryPaths : []),
  ]);

  // 3. Score, render and write, each agency's pair whole; a stop request is honoured between agencies.
  const written: string[] = [];
  const reports: SummaryEntry[] = [];
  const notWritten: string[] = [...notRead];
  for (const f of notRead) {
    failures.push({ file: f, message: "ยังไม่ได้อ่าน เพราะหยุดการทำงานกลางคัน / not read: the run was stopped" });
  }
  // Pairs are written to temporary files as they are rendered and put in place a few dozen
  // at a time; any failure first puts the earlier pairs in place, so failures keep their order.
  const staged = new StagedWrites(outDir);
  const stagedAgencies: { readonly name: string; readonly r: Ready; readonly entry: SummaryEntry }[] = [];
  const putInPlace = async (): Promise<void> => {
    const errors = await staged.commit();
    stagedAgencies.forEach(({ name, r, entry }, k) => {
      if (errors[k] === undefined) {
        written.push(r.xlsxPath, r.htmlPath);
        reports.push(entry);
      } else failures.push({ file: name, message: explain(errors[k], r.xlsxPath) });
    });
    stagedAgencies.length = 0;
  };
  const fail = async (failure: Failure): Promise<void> => {
    await putInPlace();
    failures.push(failure);
  };
  /** This run's agencies still being compressed and written, oldest first. */
  const writing: Promise<void>[] = [];
  const writer = new ReportWriter(ready.length);
  let next = 0;
  try {
    for (; next < ready.length; next++) {
      // Let a pending SIGINT/SIGTERM be handled between agencies.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stopped()) break;
      const r = ready[next]!;
      const agency = r.input.agency;
      const rows = unpackRows(r.input.packed);
      const outcome = evaluateRows(r.rules, rows);
      if (!outcome.ok) {
        await fail({ file: r.label, message: notComputed(outcome.problems) });
      } else {
        let history: History | undefined;
        const earlier = [...(r.input.earlier ?? []), ...(flags.history ?? [])];
        if (earlier.length > 0) {
          const h = historyYears(agency.name, { rules: r.rules, rows }, earlier);
          notes.push(...h.notes);
          if (h.years.length > 1) history = compareYears(h.years);
        }
        const report = buildReport(outcome.evaluation, r.rules.model, agency, {
          thaiDigits: flags.thaiDigits,
          published: flags.published,
          history,
        });
        // Not awaited: the writer compresses and writes the pair (on its thread) while the next
        // agencies are rendered. A failure is this agency's error when it is put in place.
        let write: (temps: readonly string[]) => Promise<void>;
        try {
          // Let go of the texts once sent: the write stays pending until the writer answers.
          let texts: { html: Text; xlsx: XlsxParts } | null = {
            html: renderHtmlParts(report),
            xlsx: reportXlsxParts(report),
          };
          write = (temps) => {
            const { html, xlsx } = texts!;
            texts = null;
            return writer.write({ temps: [temps[0]!, temps[1]!], xlsx, html });
          };
        } catch (e) {
          write = () => Promise.reject(e as Error);
        }
        writing.push(staged.stageWritten([r.xlsxPath, r.htmlPath], write).catch(() => undefined));
        stagedAgencies.push({ name: agency.name, r, entry: summaryEntry(report) });
        // A few agencies in writing at a time: enough to keep the other core busy, few enough
        // that memory stays flat.
        if (writing.length > IN_WRITING) await writing.shift();
      }
      ready[next] = null;
      if (staged.size >= PLACE_EVERY) await putInPlace();
      if ((next + 1) % COLLECT_EVERY === 0) collectGarbage();
      if (ready.length > 1) progress.step(next + 1, ready.length, `→ ${agency.name}`);
    }
  } finally {
    try {
      // Rendered before a stop request (or an unexpected error): put in place, never left as temporary files.
      await putInPlace();
    } finally {
      await writer.close();
    }
  }
  for (const r of ready.slice(next)) {
    if (!r) continue;
    notWritten.push(r.input.agency.name);
    failures.push({
      file: r.input.agency.name,
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
  return { written, reports, failures, skipped, notWritten, interrupted: stopped(), notes };
}
