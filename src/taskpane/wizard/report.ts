/**
 * Step 5, Report (รายงาน): the analysis report and improvement plan every agency
 * publishes (src/report builds them; nothing is scored here), written as sheets of
 * the add-in's own, laid out for printing on A4 in a Thai font with repeated
 * headers. The live results sheet is step 4's, so only the report and the plan are
 * written. Agency details come from a "หน่วยงาน" sheet when the workbook has one,
 * else from what the user types here, kept in the workbook's settings.
 */
import { AGENCY_SHEET, agenciesFromGrid, sameAgencyName } from "../../report/agency.js";
import { agenciesIn } from "../../workbook/score-table.js";
import type { Agency } from "../../report/model.js";
import { CHOICE_AGENCY } from "../choices.js";
import { h, uid } from "../dom.js";
import { confirmWrite } from "./confirm.js";
import type { Wizard } from "./wizard.js";
import { writeReport } from "./write.js";

/**
 * Agency details: the agency chosen in a many-agency table, else the workbook's
 * หน่วยงาน sheet, else what was typed here last time.
 */
export async function loadAgency(w: Wizard): Promise<void> {
  if (w.state.agency) return;
  const port = w.ctx.port;
  const table = w.state.table;
  // The agency being scored: the one chosen among several, or the only one the table names.
  const named = table ? agenciesIn(table) : [];
  const chosen = table?.agency ?? (named.length === 1 ? named[0] : undefined);
  if ((await port.listSheets()).some((s) => s.name === AGENCY_SHEET && s.used)) {
    const read = agenciesFromGrid((await port.readRange(AGENCY_SHEET)).values, AGENCY_SHEET);
    if (read.ok) {
      const match =
        chosen === undefined
          ? read.agencies.length === 1
            ? read.agencies[0]
            : undefined
          : read.agencies.find((a) => sameAgencyName(a.name, chosen));
      if (match) {
        w.flow.agencyDetails({ ...match });
        return;
      }
    }
  }
  if (chosen !== undefined) {
    w.flow.agencyDetails({ name: chosen });
    return;
  }
  const saved = await port.getSetting(CHOICE_AGENCY);
  if (saved) {
    try {
      const a = JSON.parse(saved) as Partial<Agency>;
      if (typeof a.name === "string")
        w.flow.agencyDetails({ name: a.name, district: a.district, province: a.province });
    } catch {
      // A setting edited by hand into something else: start from empty fields.
    }
  }
}

function field(w: Wizard, key: "name" | "district" | "province", th: string, en: string): HTMLElement {
  const id = uid(`agency-${key}`);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, w.t(th, en)),
    h("input", {
      id,
      type: "text",
      "data-key": `agency-${key}`,
      value: w.state.agency?.[key] ?? "",
      required: key === "name",
      autocomplete: "off",
      oninput: (ev: Event) => {
        const value = (ev.target as HTMLInputElement).value;
        w.flow.agencyDetails({ name: "", ...w.state.agency, [key]: value });
      },
    }),
  );
}

export function renderReport(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const e = w.state.evaluation;
  if (!e) return h("p", {}, t("ยังไม่มีผล กลับไปขั้นตรวจสอบ", "No results yet; go back to Check"));
  const digitsId = uid("thai-digits");
  const q = w.state.question;
  const confirm =
    q?.what === "report"
      ? confirmWrite(
          w,
          q,
          { goKey: "report-replace", cancelKey: "report-cancel", backTo: "report-write" },
          (agreed) => void writeReport(w, agreed),
        )
      : null;
  const done = w.state.written.report;
  const written = done
    ? h(
        "p",
        { class: "message ok", "data-testid": "report-written" },
        t(
          `สร้างชีต ${done.join(", ")} แล้ว แก้ไขแผนพัฒนาในชีตได้ตามจริงของหน่วยงาน`,
          `Created ${done.join(", ")}; edit the plan in the sheet to fit the agency.`,
        ),
        " ",
        h(
          "button",
          { type: "button", "data-key": "report-goto", onclick: () => void w.ctx.port.select(done[0]!, "A1") },
          t("ไปที่รายงาน", "Go to the report"),
        ),
      )
    : null;
  return h(
    "div",
    {},
    h(
      "p",
      {},
      t(
        "รายงานผลการวิเคราะห์และแผนพัฒนา: คะแนนทุกข้อกับแนวทางจากเกณฑ์ (รักษาระดับเมื่อผ่านเกณฑ์ ยกระดับเมื่อไม่ผ่าน) และแผนพัฒนาที่เติมจากแม่แบบในเกณฑ์ให้แก้ไขต่อ",
        "The analysis report and improvement plan: every question's score with the rules' guidance (maintain when it passes, raise when it does not), and a plan prefilled from the rules' templates, to edit.",
      ),
    ),
    h(
      "fieldset",
      { class: "choices" },
      h("legend", {}, t("หน่วยงาน", "Agency")),
      field(w, "name", "ชื่อหน่วยงาน", "Agency name"),
      field(w, "district", "อำเภอ", "District"),
      field(w, "province", "จังหวัด", "Province"),
    ),
    h(
      "div",
      { class: "field check" },
      h("input", {
        id: digitsId,
        type: "checkbox",
        "data-key": "thai-digits",
        checked: w.state.thaiDigits,
        onchange: (ev: Event) => {
          w.flow.thaiDigitsChosen((ev.target as HTMLInputElement).checked);
        },
      }),
      h("label", { for: digitsId }, t("ใช้เลขไทยในตัวเลข (๙๓.๖๐)", "Thai digits in numbers (๙๓.๖๐)")),
    ),
    confirm,
    written,
    w.actionBar(
      h(
        "button",
        { type: "button", class: "secondary", "data-key": "back", onclick: () => void w.go(3) },
        t("ย้อนกลับ", "Back"),
      ),
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-key": "report-write",
          disabled: q !== undefined,
          onclick: () => void writeReport(w),
        },
        t("สร้างรายงานและแผนพัฒนา", "Create the report and plan"),
      ),
    ),
  );
}
