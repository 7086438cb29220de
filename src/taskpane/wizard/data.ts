/**
 * Step 2, Data (ข้อมูล): find the score table by its headers in the workbook's
 * sheets, or take the user's selection, or create a blank entry sheet for the
 * chosen rules. Where the table was found is kept in the workbook's settings.
 */
import { isOwnSheet } from "../../workbook/own-sheets.js";
import {
  agencyProblem,
  agenciesIn,
  findScoreTable,
  narrowToAgency,
  type ScoreTable,
  type TableProblem,
} from "../../workbook/score-table.js";
import { buildEntrySheet, entrySheetName } from "../../workbook/entry-sheet.js";
import { parseCell } from "../../workbook/a1.js";
import { SheetExistsError, type RangeData } from "../../workbook/port.js";
import { prepButton } from "./oit-prep.js";
import { h, uid } from "../dom.js";
import { placeButton, problemItem } from "./places.js";
import { CHOICE_DATA } from "../choices.js";
import type { DataSource, Wizard } from "./wizard.js";

/** The rows the wizard scores: one agency's when the table holds several, else the whole table. */
export function narrow(table: ScoreTable, source: DataSource): ScoreTable {
  return narrowToAgency(table, source.agency);
}

function useTable(w: Wizard, table: ScoreTable, source: DataSource): void {
  const problem = agencyProblem(table);
  if (problem) {
    // Scores the formulas could not pick per agency: say why and where, compute nothing.
    w.flow.tableNotFound([problem]);
    return;
  }
  const agencies = agenciesIn(table);
  // The same sheet found again (Find, a new selection) keeps the agency the user chose.
  const previous = w.state.source;
  const wanted = source.agency ?? (previous?.sheet === source.sheet ? previous.agency : undefined);
  const narrowed = narrow(table, wanted === undefined ? source : { ...source, agency: wanted });
  const at = narrowed.agency === undefined ? source : { ...source, agency: narrowed.agency };
  if (source.agency !== undefined && source.agency !== previous?.agency) w.flow.agencyChosen(narrowed, at, agencies);
  else w.flow.tableFound(narrowed, at, agencies);
}

async function chooseAgency(w: Wizard, agency: string): Promise<void> {
  const source = w.state.source;
  if (!source) return;
  await w.busy({ th: "กำลังอ่านตารางคะแนน", en: "Reading the score table" }, async () => {
    const r = await readTable(w, source);
    if (Array.isArray(r)) {
      w.flow.tableNotFound(r);
      return;
    }
    useTable(w, r, { ...source, agency });
    await remember(w, w.state.source!);
    w.status.say(`ใช้คะแนนของ ${agency}`, `Using ${agency}'s scores`);
  });
  w.focusNext = "agency";
  w.render();
}

async function remember(w: Wizard, source: DataSource): Promise<void> {
  await w.ctx.port.setSetting(CHOICE_DATA, JSON.stringify(source));
}

/** Re-read the table where it was found (a whole sheet, or the selected range). */
export async function readTable(w: Wizard, source: DataSource): Promise<ScoreTable | TableProblem[]> {
  const data = await w.ctx.port.readRange(source.sheet, source.range);
  const found = findScoreTable(data);
  return found.ok ? found.table : found.problems;
}

/** At start: the table where it was found last time (a setting), if it is still there. */
export async function restoreTable(w: Wizard, json: string): Promise<void> {
  let source: DataSource;
  try {
    const v = JSON.parse(json) as { sheet?: unknown; range?: unknown; agency?: unknown };
    if (typeof v.sheet !== "string") return;
    source = {
      sheet: v.sheet,
      ...(typeof v.range === "string" ? { range: v.range } : {}),
      ...(typeof v.agency === "string" ? { agency: v.agency } : {}),
    };
  } catch {
    return;
  }
  try {
    const r = await readTable(w, source);
    if (!Array.isArray(r)) useTable(w, r, source);
  } catch {
    // the sheet was renamed or deleted: the user finds the table again
  }
}

async function findInWorkbook(w: Wizard): Promise<void> {
  await w.busy({ th: "กำลังค้นหาตารางคะแนน", en: "Looking for the score table" }, async (progress) => {
    const sheets = (await w.ctx.port.listSheets()).filter((s) => s.used && !isOwnSheet(s.name));
    const preferred = w.state.source?.sheet;
    sheets.sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred));
    const found: ScoreTable[] = [];
    const problems: TableProblem[] = [];
    for (let i = 0; i < sheets.length; i++) {
      progress(i, sheets.length);
      const r = findScoreTable(await w.ctx.port.readRange(sheets[i]!.name));
      if (r.ok) found.push(r.table);
      else problems.push(...r.problems.filter((p) => p.code !== "no-header" || sheets.length === 1));
    }
    progress(sheets.length, sheets.length);
    w.flow.tablesListed(found);
    if (found.length) {
      useTable(w, found[0]!, { sheet: found[0]!.sheet });
      await remember(w, w.state.source!);
      w.status.say(
        `พบตารางคะแนนที่ ${found[0]!.sheet}!${found[0]!.range}`,
        `Found the score table at ${found[0]!.sheet}!${found[0]!.range}`,
      );
    } else {
      w.flow.tableNotFound(
        problems.length
          ? problems
          : [
              {
                code: "no-header",
                th: "ไม่พบตารางคะแนนในชีตใด ต้องมีหัวคอลัมน์ เครื่องมือ ข้อ และ คะแนน",
                en: "no sheet has a score table: it needs tool, question and score column headers",
                where: "",
              },
            ],
      );
      w.status.say("ไม่พบตารางคะแนน", "No score table found");
    }
  });
  w.render();
}

async function useSelection(w: Wizard): Promise<void> {
  await w.busy({ th: "กำลังอ่านช่วงที่เลือก", en: "Reading the selection" }, async () => {
    const data = await w.ctx.port.readSelection();
    const r = findScoreTable(data);
    if (r.ok) {
      const source = { sheet: r.table.sheet, range: r.table.range };
      useTable(w, r.table, source);
      w.flow.tablesListed([]);
      await remember(w, w.state.source!);
      w.status.say(
        `ใช้ตารางที่ ${r.table.sheet}!${r.table.range}`,
        `Using the table at ${r.table.sheet}!${r.table.range}`,
      );
    } else {
      w.flow.tableNotFound(await explainSelection(w, data, r.problems), true);
    }
  });
  w.render();
}

/**
 * Why a selection is not a score table, in the user's terms: one empty cell is said
 * to be one empty cell (not "the sheet is empty"), and a selection that starts below
 * the sheet's header row is told where the header is.
 */
async function explainSelection(
  w: Wizard,
  data: RangeData,
  problems: readonly TableProblem[],
): Promise<TableProblem[]> {
  const at = `${data.sheet}!${data.topLeft}`;
  const one = data.values.length === 1 && data.values[0]?.length === 1;
  if (one && (data.kinds[0]?.[0] ?? "empty") === "empty") {
    return [
      {
        code: "empty",
        th: `เลือกไว้เพียงเซลล์เดียว (${at}) และเซลล์นั้นว่าง เลือกทั้งตารางคะแนนรวมแถวหัวตาราง แล้วกดอีกครั้ง หรือกด "ค้นหาตารางคะแนนในสมุดงาน"`,
        en: `The selection is one empty cell (${at}). Select the whole score table with its header row and try again, or choose "Find the score table in the workbook".`,
        where: at,
      },
    ];
  }
  if (!problems.some((p) => p.code === "no-header")) return [...problems];
  const whole = findScoreTable(await w.ctx.port.readRange(data.sheet));
  const top = parseCell(data.topLeft).row;
  if (!whole.ok || whole.table.headerRow >= top) return [...problems];
  const { headerRow, range } = whole.table;
  return [
    {
      code: "no-header",
      th: `ช่วงที่เลือกเริ่มที่ ${at} ซึ่งอยู่ใต้หัวตาราง (หัวตารางอยู่แถว ${headerRow}: ${data.sheet}!${range}) เลือกให้รวมแถวหัวตาราง หรือกด "ค้นหาตารางคะแนนในสมุดงาน"`,
      en: `The selection starts at ${at}, below the table's header (on row ${headerRow}: ${data.sheet}!${range}). Include the header row in the selection, or choose "Find the score table in the workbook".`,
      where: `${data.sheet}!${data.topLeft}`,
    },
  ];
}

async function createEntrySheet(w: Wizard): Promise<void> {
  const rules = w.rules;
  if (!rules?.compiled) return;
  const spec = buildEntrySheet(rules.compiled.model, rules.name);
  await w.busy({ th: "กำลังสร้างชีตกรอกคะแนน", en: "Creating the entry sheet" }, async () => {
    try {
      await w.ctx.port.writeSheet(spec, { replace: false, activate: true });
      w.status.say(
        `สร้างชีต ${spec.name} แล้ว กรอกคะแนนในคอลัมน์ คะแนน`,
        `Created ${spec.name}; type the scores in its คะแนน column`,
      );
    } catch (e) {
      // Never replace an entry sheet: it holds what the user typed. Use it as it is.
      if (!(e instanceof SheetExistsError)) throw e;
      w.status.say(`มีชีต ${spec.name} อยู่แล้ว จึงใช้ชีตนั้น`, `${spec.name} already exists; using it as it is`);
    }
    const r = await readTable(w, { sheet: spec.name });
    if (!Array.isArray(r)) {
      useTable(w, r, { sheet: spec.name });
      await remember(w, w.state.source!);
    } else w.flow.tableNotFound(r);
  });
  w.render();
}

export function renderData(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const table = w.state.table;
  const rulesName = w.rules?.name ?? "";
  const card = table
    ? h(
        "div",
        { class: "card found", "data-testid": "table-found" },
        h(
          "p",
          {},
          h("strong", {}, t("ตารางคะแนน", "Score table")),
          " ",
          placeButton(w, `${table.sheet}!${table.range}`, "table-range"),
        ),
        h(
          "p",
          { class: "note" },
          t(
            `${table.rows.length} แถว · หัวตารางอยู่แถว ${table.headerRow} ของชีต`,
            `${table.rows.length} rows · header on row ${table.headerRow} of the sheet`,
          ),
        ),
      )
    : h("p", { class: "note" }, t("ยังไม่ได้เลือกตารางคะแนน", "No score table chosen yet"));
  const others =
    w.state.found.length > 1
      ? h(
          "fieldset",
          { class: "choices" },
          h("legend", {}, t("พบหลายตาราง เลือกหนึ่งตาราง", "Several tables found; choose one")),
          ...w.state.found.map((f) => {
            const id = uid("table");
            return h(
              "div",
              { class: "radio" },
              h("input", {
                type: "radio",
                name: "table",
                id,
                "data-key": `table-${f.sheet}`,
                checked: table?.sheet === f.sheet && table.range === f.range,
                onchange: () => {
                  useTable(w, f, { sheet: f.sheet });
                  void remember(w, w.state.source!);
                  w.render();
                },
              }),
              h("label", { for: id }, `${f.sheet}!${f.range}`),
            );
          }),
        )
      : null;
  const pickerId = uid("agency");
  const agencyPicker =
    table && w.state.agencies.length > 1
      ? h(
          "div",
          { class: "field" },
          h(
            "label",
            { for: pickerId },
            t(
              `ตารางนี้มี ${w.state.agencies.length} หน่วยงาน เลือกหน่วยงานที่จะประเมิน`,
              `This table holds ${w.state.agencies.length} agencies; choose the one to assess`,
            ),
          ),
          h(
            "select",
            {
              id: pickerId,
              "data-key": "agency",
              onchange: (ev: Event) => void chooseAgency(w, (ev.target as HTMLSelectElement).value),
            },
            ...w.state.agencies.map((a) => h("option", { value: a, selected: a === table.agency }, a)),
          ),
        )
      : null;
  const problems = w.state.tableProblems.length
    ? h(
        "div",
        { role: "alert" },
        h("p", {}, t("หาตารางคะแนนไม่พบ:", "Could not find a score table:")),
        h("ul", { class: "problems" }, ...w.state.tableProblems.map((p, i) => problemItem(w, p, `table-problem-${i}`))),
      )
    : null;
  return h(
    "div",
    {},
    h(
      "p",
      {},
      t(
        "ตารางคะแนนต้องมีหัวคอลัมน์ เครื่องมือ ข้อ และ คะแนน (ลำดับใดก็ได้)",
        "The score table needs tool, question and score column headers (in any order).",
      ),
    ),
    card,
    agencyPicker,
    others,
    problems,
    h(
      "div",
      { class: "action-list" },
      h(
        "button",
        { type: "button", class: "primary", "data-key": "find", onclick: () => void findInWorkbook(w) },
        t("ค้นหาตารางคะแนนในสมุดงาน", "Find the score table in the workbook"),
      ),
      h(
        "button",
        { type: "button", "data-key": "selection", onclick: () => void useSelection(w) },
        t("ใช้ช่วงที่เลือกไว้", "Use the selected range"),
      ),
      h(
        "button",
        { type: "button", "data-key": "entry", onclick: () => void createEntrySheet(w) },
        t(
          `สร้างชีตกรอกคะแนนเปล่า (${entrySheetName(rulesName)})`,
          `Create a blank entry sheet (${entrySheetName(rulesName)})`,
        ),
      ),
      prepButton(w),
    ),
    w.nextButton(2, table !== undefined),
  );
}
