/**
 * Step 3, Check (ตรวจสอบ): the table is read again (the user may have fixed cells)
 * and the engine lists every problem for the chosen rules, each with its cell:
 * missing question, duplicate, not a number, out of range, Thai digits that could
 * not be read, blank. Results are computed only when there is no error, and the
 * user sees why not otherwise.
 */
import { evaluateRows, type ScoreProblem } from "../../engine/index.js";
import { h } from "../dom.js";
import { narrow, readTable } from "./data.js";
import { columnLetters, parseCell, splitPlace } from "../../workbook/a1.js";
import { renderPartial } from "./partial.js";
import { placeButton, problemItem } from "./places.js";
import type { Wizard } from "./wizard.js";

export async function runCheck(w: Wizard): Promise<void> {
  const rules = w.rules?.compiled;
  const source = w.state.source;
  if (!rules || !source) return;
  await w.busy({ th: "กำลังตรวจสอบคะแนน", en: "Checking the scores" }, async () => {
    const r = await readTable(w, source);
    if (Array.isArray(r)) {
      w.flow.tableUnreadable(r);
      return;
    }
    const table = narrow(r, source);
    // The chosen agency is gone from the sheet: say whose scores are now shown (the transition forgets the old report details).
    const at =
      table.agency === source.agency
        ? source
        : { ...source, ...(table.agency === undefined ? {} : { agency: table.agency }) };
    // One evaluation gives both: every problem (row checks and what the roll-up misses) and the result.
    const out = evaluateRows(rules, table.rows);
    const problems = out.problems;
    const errorList = problems.filter((p) => p.severity === "error");
    const errors = errorCount(errorList);
    w.flow.checked(
      table,
      at,
      problems,
      out.ok && errorList.length === 0 ? out.evaluation : undefined,
      out.ok ? undefined : out.partial,
    );
    // Earlier years' sheets, compared with this result (each by its own rules).
    if (w.state.evaluation) {
      // Loaded on first use: comparing years (and rules-diff) stays out of the pane's start-up bundle.
      const { findHistory } = await import(/* webpackChunkName: "history" */ "./history.js");
      const found = await findHistory(w, table, rules);
      w.flow.historyFound(found.history, found.notes);
    }
    const warnings = problems.length - errorList.length;
    w.status.say(
      errors ? `พบข้อผิดพลาด ${errors} รายการ` : `ไม่พบข้อผิดพลาด${warnings ? ` (คำเตือน ${warnings} รายการ)` : ""}`,
      errors ? `${errors} error(s) found` : `No errors${warnings ? ` (${warnings} warning(s))` : ""}`,
    );
  });
}

function item(w: Wizard, p: ScoreProblem, i: number): HTMLElement {
  const hint =
    p.code === "missing"
      ? { th: " — ไม่มีแถวของข้อนี้ในตาราง เพิ่มแถว", en: " — the table has no row for it; add one" }
      : { th: "", en: "" };
  return problemItem(
    w,
    { where: p.where, th: p.th + hint.th, en: p.en + hint.en, severity: p.severity },
    `problem-${i}`,
  );
}

/** Blank score cells, one item: how many, the range they span when it is one column, and the first few cells. */
export function blankSummary(blanks: readonly ScoreProblem[]): { th: string; en: string; first: string[] } {
  const places = blanks.map((b) => splitPlace(b.where)).filter((x) => x !== undefined);
  let span = "";
  if (places.length === blanks.length && places.length > 1) {
    const cells = places.map((p) => ({ sheet: p.sheet, cell: parseCell(p.address.split(":")[0]!) }));
    const { sheet, cell } = cells[0]!;
    if (cells.every((c) => c.sheet === sheet && c.cell.column === cell.column)) {
      const rows = cells.map((c) => c.cell.row);
      const col = columnLetters(cell.column);
      span = ` (${sheet}!${col}${Math.min(...rows)}:${col}${Math.max(...rows)})`;
    }
  }
  return {
    th: `ยังไม่ได้กรอกคะแนน ${blanks.length} ช่อง${span}`,
    en: `${blanks.length} scores not yet entered${span}`,
    first: blanks.slice(0, 3).map((b) => b.where),
  };
}

function blankItem(w: Wizard, blanks: readonly ScoreProblem[]): HTMLElement {
  const s = blankSummary(blanks);
  return h(
    "li",
    { class: "error", "data-testid": "blank-scores" },
    h("span", { class: "badge" }, w.t("ข้อผิดพลาด", "Error")),
    " ",
    h("span", { class: "text" }, w.t(s.th, s.en)),
    h(
      "span",
      { class: "note" },
      ` ${w.t("เริ่มที่", "starting at")} `,
      ...s.first.flatMap((where, i) => [i ? " " : null, placeButton(w, where, `blank-${i}`) ?? where]),
      blanks.length > s.first.length ? " …" : null,
    ),
  );
}

/** The errors as the user reads them: blank scores as one item when there are several. */
function errorItems(w: Wizard, errors: readonly ScoreProblem[]): HTMLElement[] {
  const blanks = errors.filter((p) => p.code === "blank");
  const others = blanks.length > 1 ? errors.filter((p) => p.code !== "blank") : errors;
  const items = others.map((p, i) => item(w, p, i));
  return blanks.length > 1 ? [blankItem(w, blanks), ...items] : items;
}

/** How many error items the list shows (blank scores count once). */
function errorCount(errors: readonly ScoreProblem[]): number {
  const blanks = errors.filter((p) => p.code === "blank").length;
  return blanks > 1 ? errors.length - blanks + 1 : errors.length;
}

export function renderCheck(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const problems = w.state.problems;
  const errors = problems?.filter((p) => p.severity === "error") ?? [];
  const warnings = problems?.filter((p) => p.severity === "warning") ?? [];
  const table = w.state.table;
  const recheck = h(
    "button",
    { type: "button", "data-key": "recheck", onclick: () => void runCheck(w).then(() => w.render()) },
    t("ตรวจอีกครั้ง", "Check again"),
  );
  let summary: HTMLElement;
  if (!problems) summary = h("p", { class: "note" }, t("ยังไม่ได้ตรวจ", "Not checked yet"));
  else if (errors.length === 0)
    summary = h(
      "p",
      { class: "message ok", "data-testid": "check-ok" },
      t(
        `ไม่พบข้อผิดพลาดใน ${table ? `${table.sheet}!${table.range}` : ""} (${table?.rows.length ?? 0} แถว)`,
        `No errors in ${table ? `${table.sheet}!${table.range}` : ""} (${table?.rows.length ?? 0} rows)`,
      ),
    );
  else if (w.state.partial)
    summary = h(
      "p",
      { class: "message warning" },
      t(
        "ตารางนี้มีคะแนนไม่ครบทุกแบบวัดหรือตัวชี้วัด ส่วนที่มีคำนวณไว้ด้านล่าง",
        "This table does not cover every tool or indicator; what it covers is computed below.",
      ),
    );
  else
    summary = h(
      "p",
      { class: "message error" },
      t(
        `พบข้อผิดพลาด ${errorCount(errors)} รายการ แก้ไขในชีตแล้วกด "ตรวจอีกครั้ง" จะคำนวณผลเมื่อไม่มีข้อผิดพลาด`,
        `${errorCount(errors)} error(s). Fix them in the sheet and choose "Check again"; results are computed once there are none.`,
      ),
    );
  const list = (items: HTMLElement[], heading: { th: string; en: string }): HTMLElement | null =>
    items.length
      ? h(
          "div",
          {},
          h("h3", {}, `${t(heading.th, heading.en)} (${items.length})`),
          h("ul", { class: "problems" }, ...items),
        )
      : null;
  return h(
    "div",
    {},
    summary,
    w.state.partial ? renderPartial(w, w.state.partial) : null,
    list(
      errorItems(w, errors),
      w.state.partial ? { th: "ยังไม่มีคะแนน", en: "Not given" } : { th: "ข้อผิดพลาด", en: "Errors" },
    ),
    list(
      warnings.map((p, i) => item(w, p, i + errors.length)),
      { th: "คำเตือน (ไม่นำมาคิดคะแนน)", en: "Warnings (not counted)" },
    ),
    h("div", { class: "action-list" }, recheck),
    w.nextButton(3, w.state.evaluation !== undefined, { th: "ดูผลการประเมิน", en: "See the results" }),
  );
}
