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
import { problemItem } from "./places.js";
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
    const errors = problems.filter((p) => p.severity === "error").length;
    w.flow.checked(table, at, problems, out.ok && errors === 0 ? out.evaluation : undefined);
    const warnings = problems.length - errors;
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
  else
    summary = h(
      "p",
      { class: "message error" },
      t(
        `พบข้อผิดพลาด ${errors.length} รายการ แก้ไขในชีตแล้วกด "ตรวจอีกครั้ง" จะคำนวณผลเมื่อไม่มีข้อผิดพลาด`,
        `${errors.length} error(s). Fix them in the sheet and choose "Check again"; results are computed once there are none.`,
      ),
    );
  const list = (
    items: readonly ScoreProblem[],
    offset: number,
    heading: { th: string; en: string },
  ): HTMLElement | null =>
    items.length
      ? h(
          "div",
          {},
          h("h3", {}, `${t(heading.th, heading.en)} (${items.length})`),
          h("ul", { class: "problems" }, ...items.map((p, i) => item(w, p, i + offset))),
        )
      : null;
  return h(
    "div",
    {},
    summary,
    list(errors, 0, { th: "ข้อผิดพลาด", en: "Errors" }),
    list(warnings, errors.length, { th: "คำเตือน (ไม่นำมาคิดคะแนน)", en: "Warnings (not counted)" }),
    h("div", { class: "action-list" }, recheck),
    w.nextButton(3, w.state.evaluation !== undefined, { th: "ดูผลการประเมิน", en: "See the results" }),
  );
}
