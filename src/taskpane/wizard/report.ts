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
import { buildReport, type Agency } from "../../report/model.js";
import { reportSheets } from "../../report/sheets.js";
import { safeSheetName } from "../../workbook/results-sheet.js";
import { CHOICE_AGENCY } from "../choices.js";
import type { SheetSpec } from "../../workbook/port.js";
import { h, uid } from "../dom.js";
import { confirmReplace } from "./confirm.js";
import type { Wizard } from "./wizard.js";

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
        w.state.agency = { ...match };
        return;
      }
    }
  }
  if (chosen !== undefined) {
    w.state.agency = { name: chosen };
    return;
  }
  const saved = await port.getSetting(CHOICE_AGENCY);
  if (saved) {
    try {
      const a = JSON.parse(saved) as Partial<Agency>;
      if (typeof a.name === "string") w.state.agency = { name: a.name, district: a.district, province: a.province };
    } catch {
      // A setting edited by hand into something else: start from empty fields.
    }
  }
}

/** The report's sheets named after the rules, as the results sheet is, so other years' and rules' reports stay. */
function sheetsFor(w: Wizard): SheetSpec[] | undefined {
  const e = w.state.evaluation;
  const rules = w.rules?.compiled;
  const agency = w.state.agency;
  const table = w.state.table;
  if (!e || !rules || !agency?.name.trim()) return undefined;
  const report = buildReport(e, rules.model, agency, { thaiDigits: w.state.thaiDigits });
  return reportSheets(report)
    .slice(1)
    .map((s) => ({
      ...s,
      name: safeSheetName(
        table?.agency ? `${s.name} ${w.rules!.name} ${table.agency}` : `${s.name} ITA ${w.rules!.name}`,
      ),
    }));
}

async function write(w: Wizard, replace: boolean): Promise<void> {
  const sheets = sheetsFor(w);
  if (!sheets) {
    w.state.error = { th: "กรอกชื่อหน่วยงานก่อน", en: "Type the agency's name first" };
    w.focusNext = "agency-name";
    w.render();
    return;
  }
  w.state.confirmReport = undefined;
  await w.busy({ th: "กำลังเขียนรายงานและแผน", en: "Writing the report and the plan" }, async (progress) => {
    const port = w.ctx.port;
    if (!replace) {
      const existing = new Set((await port.listSheets()).map((s) => s.name));
      const clash = sheets.filter((s) => existing.has(s.name)).map((s) => s.name);
      if (clash.length) {
        w.state.confirmReport = clash;
        w.focusNext = "report-replace";
        return;
      }
    }
    await port.setSetting(CHOICE_AGENCY, JSON.stringify(w.state.agency));
    for (const [i, s] of sheets.entries()) {
      progress(i, sheets.length);
      await port.writeSheet(s, { replace, activate: i === 0 });
    }
    w.state.reportWritten = sheets.map((s) => s.name);
    w.focusNext = "report-goto";
    w.status.say(
      `เขียนชีต ${sheets.map((s) => s.name).join(", ")} แล้ว`,
      `Wrote the sheets ${sheets.map((s) => s.name).join(", ")}`,
    );
  });
  w.render();
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
        w.state.agency = { name: "", ...w.state.agency, [key]: value };
        w.state.reportWritten = undefined;
      },
    }),
  );
}

export function renderReport(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const e = w.state.evaluation;
  if (!e) return h("p", {}, t("ยังไม่มีผล กลับไปขั้นตรวจสอบ", "No results yet; go back to Check"));
  const digitsId = uid("thai-digits");
  const asking = w.state.confirmReport;
  const confirm = asking
    ? confirmReplace(w, {
        question: {
          th: `มีชีต ${asking.map((n) => `"${n}"`).join(", ")} อยู่แล้ว แทนที่ด้วยรายงานใหม่หรือไม่ (สิ่งที่แก้ไขในชีตเดิมจะหายไป)`,
          en: `The sheets ${asking.map((n) => `"${n}"`).join(", ")} already exist. Replace them with a new report? (Edits made in them will be lost.)`,
        },
        replaceKey: "report-replace",
        cancelKey: "report-cancel",
        backTo: "report-write",
        replace: () => void write(w, true),
        forget: () => (w.state.confirmReport = undefined),
      })
    : null;
  const written = w.state.reportWritten
    ? h(
        "p",
        { class: "message ok" },
        t(
          `เขียนชีต ${w.state.reportWritten.join(", ")} แล้ว แก้ไขแผนในชีตได้ตามจริงของหน่วยงาน`,
          `Wrote ${w.state.reportWritten.join(", ")}; edit the plan in the sheet to fit the agency.`,
        ),
        " ",
        h(
          "button",
          {
            type: "button",
            "data-key": "report-goto",
            onclick: () => void w.ctx.port.select(w.state.reportWritten![0]!, "A1"),
          },
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
        "รายงานผลการวิเคราะห์และแผนพัฒนา: คะแนนทุกข้อกับแนวทางจากเกณฑ์ (รักษาระดับเมื่อผ่านเกณฑ์ ยกระดับเมื่อไม่ผ่าน) และแผนที่เติมจากแม่แบบในเกณฑ์ให้แก้ไขต่อ",
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
          w.state.thaiDigits = (ev.target as HTMLInputElement).checked;
          w.state.reportWritten = undefined;
        },
      }),
      h("label", { for: digitsId }, t("ใช้เลขไทยในตัวเลข (๙๓.๖๐)", "Thai digits in numbers (๙๓.๖๐)")),
    ),
    confirm,
    written,
    h(
      "div",
      { class: "actions" },
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
          disabled: w.state.confirmReport !== undefined,
          onclick: () => void write(w, false),
        },
        t("เขียนรายงานและแผน", "Write the report and plan"),
      ),
    ),
  );
}
