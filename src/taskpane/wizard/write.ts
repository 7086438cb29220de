/**
 * Writing the add-in's sheets from the Results and Report steps (their buttons'
 * actions, writeResults and writeReport, live here: the steps render, this writes), safely:
 * 1. the score table is read again and compared with the one checked: if the scores
 *    changed, nothing is written and the wizard goes back to Check;
 * 2. names come from the add-in's index of its sheets (src/workbook/own-sheets.ts):
 *    this agency's earlier sheet is replaced only after the user says so; a sheet
 *    written for another agency or one the add-in did not write is never replaced,
 *    and the user is asked before another name is used;
 * 3. after the write, every formula cell is read back: success is reported only when
 *    each shows the figure the pane shows; otherwise the cells are named as a failure.
 */
import { formatFixed } from "../../dsl/runtime.js";
import { buildReport } from "../../report/model.js";
import { reportSheets } from "../../report/sheets.js";
import { buildResultsSheet } from "../../workbook/results-sheet.js";
import { cellA1, parseCell } from "../../workbook/a1.js";
import {
  planInWorkbook,
  recordWritten,
  saveIndex,
  titleCell,
  type OwnSheetKey,
  type OwnSheetKind,
  type PlannedSheet,
} from "../../workbook/own-sheets.js";
import type { CellWrite, SheetSpec, WorkbookPort } from "../../workbook/port.js";
import { readTable, narrow } from "./data.js";
import { runCheck } from "./check.js";
import { sameRows, shownAgency, type Text } from "./state.js";
import { CHOICE_AGENCY } from "../choices.js";
import type { Wizard } from "./wizard.js";

interface SheetToWrite {
  readonly key: OwnSheetKey;
  readonly spec: SheetSpec;
}

/** A formula cell whose value, read back, is not the figure the pane shows. */
export interface WrongCell {
  readonly place: string;
  readonly shown: string;
  readonly expected?: string;
}

const PENDING = new Set(["#BUSY!", "#GETTING_DATA", "#CALC!"]);
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Read a written sheet back and compare every formula cell with the value the
 * engine gave it (the cached `value`); a cell without one must at least not be an
 * error. Excel computes custom functions asynchronously: cells still busy are read
 * again a few times.
 */
async function wrongCells(
  port: WorkbookPort,
  name: string,
  rows: readonly (readonly CellWrite[])[],
  decimals: number,
  attempts = 8,
): Promise<WrongCell[] | "pending"> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const data = await port.readRange(name);
    const origin = parseCell(data.topLeft);
    const wrong: WrongCell[] = [];
    let pending = false;
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (!c || typeof c !== "object") return;
        const row = i + 1 - origin.row;
        const col = j + 1 - origin.column;
        const value = data.values[row]?.[col];
        const kind = data.kinds[row]?.[col];
        const place = `${name}!${cellA1(i + 1, j + 1)}`;
        if (kind === "error") {
          if (PENDING.has(String(value))) pending = true;
          else wrong.push({ place, shown: String(value) });
          return;
        }
        const want = c.value;
        if (want === undefined) return;
        const same =
          typeof want === "number"
            ? typeof value === "number" && Math.abs(value - want) < 1e-9
            : String(value ?? "") === String(want);
        if (!same) {
          const show = (v: unknown): string => (typeof v === "number" ? formatFixed(v, decimals) : String(v ?? ""));
          wrong.push({ place, shown: show(value), expected: show(want) });
        }
      }),
    );
    if (!pending) return wrong;
    await wait(250 * (attempt + 1));
  }
  return "pending";
}

/** The failure message naming the cells (the first few, then how many more). */
function wrongMessage(cells: readonly WrongCell[]): Text {
  const list = cells.slice(0, 5);
  const more = cells.length - list.length;
  const th = list.map((c) =>
    c.expected === undefined ? `${c.place} (${c.shown})` : `${c.place} (${c.shown} แทน ${c.expected})`,
  );
  const en = list.map((c) =>
    c.expected === undefined ? `${c.place} (${c.shown})` : `${c.place} (${c.shown} instead of ${c.expected})`,
  );
  return {
    th: `สร้างชีตไม่สำเร็จ: สูตรในชีตไม่ได้ให้ตัวเลขที่แสดงในบานหน้าต่างนี้ ที่ ${th.join(", ")}${more ? ` และอีก ${more} เซลล์` : ""} ห้ามใช้ตัวเลขในชีตนี้ ตรวจตารางคะแนนแล้วสร้างใหม่`,
    en: `The sheet was not created correctly: its formulas do not give the figures shown here, at ${en.join(", ")}${more ? ` and ${more} more cell(s)` : ""}. Do not use its figures; check the score table and create it again.`,
  };
}

/** The table is still what was checked (re-read now, narrowed to the same agency). */
async function stillChecked(w: Wizard): Promise<boolean> {
  const source = w.state.source;
  if (!source || !w.state.table) return false;
  const r = await readTable(w, source);
  return !Array.isArray(r) && sameRows(narrow(r, source), w.state.table);
}

const needsAnswer = (p: PlannedSheet): boolean => p.status === "earlier" || p.taken !== undefined;
const samePlan = (a: readonly PlannedSheet[], b: readonly PlannedSheet[]): boolean =>
  a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.status === b[i]!.status);

/**
 * Write `sheets` for step `what`. Without `agreed`, a plan that replaces a sheet or
 * moves to another name is put to the user first (flow.asked); with the plan the
 * user agreed to, it is written if the workbook still gives that same plan.
 */
async function writeOwnSheets(
  w: Wizard,
  what: "results" | "report",
  sheets: readonly SheetToWrite[],
  label: Text,
  agreed?: readonly PlannedSheet[],
): Promise<void> {
  const port = w.ctx.port;
  const decimals = w.state.evaluation?.rules.decimals ?? 2;
  let changed = false;
  await w.busy(label, async (progress) => {
    if (!(await stillChecked(w))) {
      changed = true;
      return;
    }
    const { index, planned } = await planInWorkbook(
      port,
      sheets.map((s) => s.key),
    );
    if ((agreed === undefined && planned.some(needsAnswer)) || (agreed !== undefined && !samePlan(agreed, planned))) {
      w.flow.asked({ what, planned });
      w.focusNext = what === "results" ? "replace" : "report-replace";
      return;
    }
    w.flow.answered();
    const wrong: WrongCell[] = [];
    let pending = false;
    for (const [i, s] of sheets.entries()) {
      progress(i, sheets.length);
      const p = planned[i]!;
      await port.writeSheet({ ...s.spec, name: p.name }, { replace: p.status === "earlier", activate: i === 0 });
      const bad = await wrongCells(port, p.name, s.spec.rows, decimals);
      if (bad === "pending") pending = true;
      else wrong.push(...bad);
    }
    // Ours from now on, whatever the check below finds: the next write may replace it after asking.
    recordWritten(
      index,
      planned.map((p, i) => ({ ...p.key, name: p.name, title: titleCell(sheets[i]!.spec.rows) })),
    );
    await saveIndex(port, index);
    const names = planned.map((p) => p.name);
    if (wrong.length) {
      w.flow.failed(wrongMessage(wrong));
      w.status.say("สร้างชีตไม่สำเร็จ", "The sheet was not created correctly");
      return;
    }
    w.flow.written(what, names, !pending);
    w.focusNext = what === "results" ? "goto" : "report-goto";
    const list = names.map((n) => `"${n}"`).join(", ");
    if (pending)
      w.status.say(
        `สร้างชีต ${list} แล้ว สูตรยังคำนวณไม่เสร็จ ตรวจตัวเลขในชีตอีกครั้ง`,
        `Created ${list}; its formulas are still calculating, so look over its figures`,
      );
    else w.status.say(`สร้างชีต ${list} แล้ว`, `Created ${list}`);
  });
  if (changed) {
    // Back to Check with the reason, and the table checked again so its new problems are listed.
    w.flow.tableChanged();
    w.focusNext = "step-heading";
    w.render();
    const error = w.state.error;
    await runCheck(w);
    if (error) w.flow.failed(error);
    w.status.say("คะแนนเปลี่ยนไปหลังการตรวจสอบ ยังไม่ได้สร้างชีต", "The scores changed after the check; nothing was created");
  }
  w.render();
}

/** Step 4's action: the results sheet of the agency shown, with its live formulas. */
export async function writeResults(w: Wizard, agreed?: readonly PlannedSheet[]): Promise<void> {
  const e = w.state.evaluation;
  const table = w.state.table;
  const rules = w.rules;
  if (!e || !table || !rules) return;
  const agencyName = shownAgency(w.state);
  const layout = buildResultsSheet({
    evaluation: e,
    rulesName: rules.name,
    table,
    ...(agencyName ? { agencyName } : {}),
    ...(w.state.history ? { history: w.state.history } : {}),
  });
  await writeOwnSheets(
    w,
    "results",
    [{ key: { kind: "results", rules: rules.name, agency: table.agency ?? "" }, spec: layout.spec }],
    { th: "กำลังสร้างชีตผลการประเมิน", en: "Creating the results sheet" },
    agreed,
  );
}

/** The report and the plan (src/report builds them); their names come from the add-in's index of its sheets. */
function sheetsFor(w: Wizard): SheetToWrite[] | undefined {
  const e = w.state.evaluation;
  const rules = w.rules?.compiled;
  const agency = w.state.agency;
  const table = w.state.table;
  if (!e || !rules || !agency?.name.trim()) return undefined;
  const report = buildReport(e, rules.model, agency, { thaiDigits: w.state.thaiDigits });
  const kinds: OwnSheetKind[] = ["report", "plan"];
  // reportSheets gives results, report, plan: the live results sheet is step 4's.
  return reportSheets(report)
    .slice(1)
    .map((spec, i) => ({ key: { kind: kinds[i]!, rules: w.rules!.name, agency: table?.agency ?? "" }, spec }));
}

export async function writeReport(w: Wizard, agreed?: readonly PlannedSheet[]): Promise<void> {
  const sheets = sheetsFor(w);
  if (!sheets) {
    w.flow.failed({ th: "กรอกชื่อหน่วยงานก่อน", en: "Type the agency's name first" });
    w.focusNext = "agency-name";
    w.render();
    return;
  }
  await w.ctx.port.setSetting(CHOICE_AGENCY, JSON.stringify(w.state.agency));
  await writeOwnSheets(
    w,
    "report",
    sheets,
    { th: "กำลังสร้างรายงานและแผนพัฒนา", en: "Creating the report and the plan" },
    agreed,
  );
}
