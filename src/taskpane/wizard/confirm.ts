/**
 * Asking before a write that is not simply new sheets: as an alert dialog in the
 * step, one line per sheet, telling apart "your earlier result for this agency"
 * (replaced if you say so) from "a sheet the add-in wrote for another agency" and
 * "a sheet the add-in did not write" (never replaced: another name is offered).
 * Used by the results and the report steps, which never write without this answer.
 */
import type { PlannedSheet } from "../../workbook/own-sheets.js";
import { h, uid } from "../dom.js";
import type { WriteQuestion } from "./state.js";
import type { Wizard } from "./wizard.js";

export interface ConfirmKeys {
  /** data-key of the go-ahead and Cancel buttons (the tests and the focus use them). */
  readonly goKey: string;
  readonly cancelKey: string;
  /** Where the focus goes after Cancel. */
  readonly backTo: string;
}

function line(w: Wizard, p: PlannedSheet): HTMLElement | null {
  const t = (th: string, en: string): string => w.t(th, en);
  const who = (agency: string): { th: string; en: string } =>
    agency ? { th: `ของ ${agency}`, en: `for ${agency}` } : { th: "", en: "" };
  if (p.status === "earlier") {
    const a = who(p.key.agency);
    return h(
      "li",
      { "data-testid": "replace-earlier" },
      t(
        `"${p.name}" เป็นผลครั้งก่อน${a.th ? ` ${a.th}` : "ของหน่วยงานนี้"} จะแทนที่ด้วยผลใหม่ (สิ่งที่แก้ไขในชีตเดิมจะหายไป)`,
        `"${p.name}" is your earlier result${a.en ? ` ${a.en}` : " for this agency"}; it will be replaced (edits made in it will be lost)`,
      ),
    );
  }
  const taken = p.taken;
  if (!taken) return null;
  if (taken.by === "other") {
    const holds = taken.holds;
    const a = who(holds?.agency ?? "");
    return h(
      "li",
      { "data-testid": "taken-other" },
      t(
        `"${taken.name}" เป็นชีตที่ ITA Workbench สร้างไว้${a.th ? ` ${a.th}` : "สำหรับหน่วยงานอื่น"}${holds ? ` (เกณฑ์ ${holds.rules})` : ""} จะไม่เขียนทับ สร้างเป็น "${p.name}" แทน`,
        `"${taken.name}" was written by ITA Workbench ${a.en || "for another agency"}${holds ? ` (rules ${holds.rules})` : ""} and is never replaced; "${p.name}" will be created instead`,
      ),
    );
  }
  return h(
    "li",
    { "data-testid": "taken-user" },
    t(
      `"${taken.name}" เป็นชีตที่ ITA Workbench ไม่ได้สร้าง จะไม่เขียนทับ สร้างเป็น "${p.name}" แทน`,
      `"${taken.name}" was not written by ITA Workbench and is never replaced; "${p.name}" will be created instead`,
    ),
  );
}

export function confirmWrite(
  w: Wizard,
  q: WriteQuestion,
  keys: ConfirmKeys,
  go: (agreed: readonly PlannedSheet[]) => void,
): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const textId = uid("confirm-text");
  const replaces = q.planned.some((p) => p.status === "earlier");
  return h(
    "div",
    { class: "confirm", role: "alertdialog", "aria-labelledby": textId },
    h(
      "p",
      { id: textId },
      replaces
        ? t("มีชีตจากครั้งก่อนอยู่แล้ว สร้างใหม่หรือไม่", "Sheets from an earlier run exist. Create the new ones?")
        : t("ชื่อชีตที่ต้องการมีผู้ใช้แล้ว ใช้ชื่ออื่นหรือไม่", "The sheet name is taken. Use another name?"),
    ),
    h("ul", { class: "confirm-list" }, ...q.planned.map((p) => line(w, p))),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        { type: "button", class: "primary", "data-key": keys.goKey, onclick: () => go(q.planned) },
        replaces ? t("แทนที่", "Replace") : t("สร้างด้วยชื่อใหม่", "Create under the new name"),
      ),
      h(
        "button",
        {
          type: "button",
          "data-key": keys.cancelKey,
          onclick: () => {
            w.flow.answered();
            w.focusNext = keys.backTo;
            w.status.say("ไม่ได้สร้างชีต ชีตเดิมยังอยู่เหมือนเดิม", "Nothing was created; the existing sheets are as they were");
            w.render();
          },
        },
        t("ยกเลิก", "Cancel"),
      ),
    ),
  );
}
