/**
 * The Data step's "prepare the OIT" action: writes the OIT preparation sheet for the
 * chosen rules (src/workbook/oit-prep-sheet.ts). An existing one is never replaced:
 * it holds what staff have entered.
 */
import { SheetExistsError } from "../../workbook/port.js";
import { buildPrepSheet, prepSheetName } from "../../workbook/oit-prep-sheet.js";
import { h } from "../dom.js";
import type { Wizard } from "./wizard.js";

const TOOL = "OIT";

async function createPrepSheet(w: Wizard): Promise<void> {
  const rules = w.rules;
  if (!rules?.compiled) return;
  const { spec } = buildPrepSheet(rules.compiled, rules.name, TOOL);
  await w.busy({ th: "กำลังสร้างชีตเตรียม OIT", en: "Creating the OIT preparation sheet" }, async () => {
    try {
      await w.ctx.port.writeSheet(spec, { replace: false, activate: true });
      w.status.say(
        `สร้างชีต ${spec.name} แล้ว กรอกคะแนนที่คาดของแต่ละข้อและของแบบวัดอื่น`,
        `Created ${spec.name}; type each item's expected score and the other tools' expected scores`,
      );
    } catch (e) {
      if (!(e instanceof SheetExistsError)) throw e;
      await w.ctx.port.select(spec.name, "A1");
      w.status.say(`มีชีต ${spec.name} อยู่แล้ว จึงเปิดชีตนั้น`, `${spec.name} already exists; opened it as it is`);
    }
  });
  w.render();
}

/** The button, or nothing when the rules have no OIT tool. */
export function prepButton(w: Wizard): HTMLElement | null {
  const rules = w.rules;
  if (!rules?.compiled?.model.tools.some((t) => t.id === TOOL)) return null;
  const name = prepSheetName(rules.name, TOOL);
  return h(
    "button",
    { type: "button", "data-key": "oit-prep", onclick: () => void createPrepSheet(w) },
    w.t(`สร้างชีตเตรียม OIT (${name})`, `Create an OIT preparation sheet (${name})`),
  );
}
