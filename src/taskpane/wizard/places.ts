/**
 * A problem that names a place ("คะแนน!C22") as a button: activating it selects
 * that cell in the workbook (port.select), so the user lands on what to fix.
 * Text is set as text nodes only (a cell may hold markup).
 */
import { splitPlace } from "../../workbook/a1.js";
import { h } from "../dom.js";
import type { Wizard } from "./wizard.js";

export function placeButton(w: Wizard, where: string, key: string): HTMLElement | null {
  const p = splitPlace(where);
  if (!p) return null;
  return h(
    "button",
    {
      type: "button",
      class: "place",
      "data-key": key,
      "data-place": where,
      title: w.t(`เลือกเซลล์ ${where}`, `Select cell ${where}`),
      onclick: () =>
        void w.ctx.port.select(p.sheet, p.address).then(
          () => w.status.say(`เลือก ${where} แล้ว`, `Selected ${where}`),
          (e: unknown) => w.status.say(`เลือก ${where} ไม่ได้: ${String(e)}`, `Could not select ${where}: ${String(e)}`),
        ),
    },
    where,
  );
}

/** A list item: the place (as a button when it is a cell) and the message. */
export function problemItem(
  w: Wizard,
  p: { where: string; th: string; en: string; severity?: "error" | "warning" },
  key: string,
): HTMLElement {
  const kind = p.severity === "warning" ? w.t("คำเตือน", "Warning") : w.t("ข้อผิดพลาด", "Error");
  return h(
    "li",
    { class: p.severity === "warning" ? "warning" : "error" },
    h("span", { class: "badge" }, kind),
    " ",
    placeButton(w, p.where, key) ?? (p.where ? h("span", { class: "where" }, p.where) : null),
    p.where ? " " : null,
    h("span", { class: "text" }, w.t(p.th, p.en)),
  );
}
