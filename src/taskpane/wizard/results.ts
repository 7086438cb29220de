/**
 * Step 4, Results (ผลการประเมิน): the engine's evaluation shown in the pane (total,
 * rating, tools, indicators against the pass mark, what stands between this result
 * and the next band), and the results sheet written with one port.writeSheet call.
 * A results sheet from an earlier run is replaced only after the user says so.
 */
import { formatFixed } from "../../dsl/precision.js";
import type { Evaluation } from "../../engine/index.js";
import { SheetExistsError } from "../../workbook/port.js";
import { buildResultsSheet, resultsSheetName } from "../../workbook/results-sheet.js";
import { h, uid } from "../dom.js";
import { confirmReplace } from "./confirm.js";
import type { Wizard } from "./wizard.js";

async function write(w: Wizard, replace: boolean): Promise<void> {
  const e = w.state.evaluation;
  const table = w.state.table;
  const rules = w.rules;
  if (!e || !table || !rules) return;
  const layout = buildResultsSheet({ evaluation: e, rulesName: rules.name, table });
  w.state.confirmReplace = undefined;
  await w.busy({ th: "กำลังเขียนชีตผลการประเมิน", en: "Writing the results sheet" }, async () => {
    try {
      await w.ctx.port.writeSheet(layout.spec, { replace, activate: true });
      w.state.written = layout.spec.name;
      w.focusNext = "goto";
      w.status.say(`เขียนชีต ${layout.spec.name} แล้ว`, `Wrote the sheet ${layout.spec.name}`);
    } catch (err) {
      if (!(err instanceof SheetExistsError)) throw err;
      w.state.confirmReplace = layout.spec.name;
      w.focusNext = "replace";
    }
  });
  w.render();
}

function table(
  caption: string,
  head: readonly { text: string; num?: boolean }[],
  rows: readonly (readonly { text: string; num?: boolean; header?: boolean; cls?: string }[])[],
): HTMLElement {
  const id = uid("caption");
  return h(
    "table",
    { class: "data", "aria-describedby": id },
    h("caption", { id }, caption),
    h(
      "thead",
      {},
      h("tr", {}, ...head.map((c) => h("th", { scope: "col", class: c.num ? "num" : undefined }, c.text))),
    ),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          {},
          ...r.map((c) =>
            c.header
              ? h("th", { scope: "row" }, c.text)
              : h("td", { class: [c.num ? "num" : "", c.cls ?? ""].join(" ").trim() || undefined }, c.text),
          ),
        ),
      ),
    ),
  );
}

function nextBand(w: Wizard, e: Evaluation): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const next = e.rating.nextUp;
  if (!next) return h("p", { class: "message ok" }, t("อยู่ระดับสูงสุดแล้ว", "Already at the top band"));
  return h(
    "div",
    { "data-testid": "next-band" },
    h(
      "h3",
      {},
      t(
        `สิ่งที่ต้องทำเพื่อให้ได้ระดับ ${next.label.th}`,
        `What stands between this result and ${next.label.en || next.label.th}`,
      ),
    ),
    next.shortfalls.length
      ? h("ul", { class: "shortfalls" }, ...next.shortfalls.map((s) => h("li", {}, t(s.th, s.en))))
      : h("p", {}, t("ไม่มีเงื่อนไขที่ขาด", "No condition is short")),
  );
}

export function renderResults(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const e = w.state.evaluation;
  if (!e) return h("p", {}, t("ยังไม่มีผล กลับไปขั้นตรวจสอบ", "No results yet; go back to Check"));
  const d = e.rules.decimals;
  const fmt = (x: number): string => formatFixed(x, d);
  const name = resultsSheetName(w.rules?.name ?? "", w.state.table?.agency);
  const headline = h(
    "div",
    { class: "headline", "data-testid": "headline" },
    h("p", {}, t("คะแนนรวม", "Total"), " ", h("strong", { class: "total" }, fmt(e.total.published))),
    h(
      "p",
      {},
      t("ระดับผลการประเมิน", "Rating"),
      " ",
      h("strong", { class: "rating" }, t(e.rating.label.th, e.rating.label.en || e.rating.label.th)),
    ),
  );
  const tools = table(
    t("คะแนนรายเครื่องมือ", "Scores by tool"),
    [
      { text: t("เครื่องมือ", "Tool") },
      { text: t("น้ำหนัก (%)", "Weight (%)"), num: true },
      { text: t("คะแนน", "Score"), num: true },
    ],
    e.tools.map((tool) => [
      { text: tool.id, header: true },
      { text: String(tool.weight), num: true },
      { text: fmt(tool.value.published), num: true },
    ]),
  );
  // Rules without a pass mark (years before 2567): no pass column.
  const mark = e.rules.pass;
  const indicators = table(
    mark
      ? t(`คะแนนรายตัวชี้วัด (เกณฑ์ผ่าน ${mark.threshold})`, `Scores by indicator (pass mark ${mark.threshold})`)
      : t("คะแนนรายตัวชี้วัด", "Scores by indicator"),
    [
      { text: t("ตัวชี้วัด", "Indicator") },
      { text: t("ประเด็น", "Issue") },
      { text: t("คะแนน", "Score"), num: true },
      ...(mark ? [{ text: t("ผลการประเมิน", "Result") }] : []),
    ],
    e.indicators.map((i) => [
      { text: i.id, header: true },
      { text: t(i.label.th, i.label.en || i.label.th) },
      { text: fmt(i.value.published), num: true, cls: i.pass === false ? "below" : "" },
      ...(i.result ? [{ text: t(i.result.th, i.result.en || i.result.th), cls: i.pass ? "pass" : "fail" }] : []),
    ]),
  );
  const asking = w.state.confirmReplace;
  const confirm = asking
    ? confirmReplace(w, {
        question: {
          th: `มีชีต "${asking}" อยู่แล้ว (จากการประเมินครั้งก่อน) แทนที่ด้วยผลใหม่หรือไม่`,
          en: `A sheet named "${asking}" already exists (from an earlier run). Replace it with these results?`,
        },
        replaceKey: "replace",
        cancelKey: "cancel-replace",
        backTo: "write",
        replace: () => void write(w, true),
        forget: () => (w.state.confirmReplace = undefined),
      })
    : null;
  const written = w.state.written
    ? h(
        "p",
        { class: "message ok" },
        t(
          `เขียนชีต "${w.state.written}" แล้ว สูตร ITA ในชีตคำนวณใหม่เมื่อคะแนนเปลี่ยน`,
          `Wrote "${w.state.written}"; its ITA formulas recalculate when the scores change.`,
        ),
        " ",
        h(
          "button",
          { type: "button", "data-key": "goto", onclick: () => void w.ctx.port.select(w.state.written!, "A1") },
          t("ไปที่ชีต", "Go to the sheet"),
        ),
      )
    : null;
  return h(
    "div",
    {},
    headline,
    nextBand(w, e),
    tools,
    indicators,
    confirm,
    written,
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        { type: "button", class: "secondary", "data-key": "back", onclick: () => void w.go(2) },
        t("ย้อนกลับ", "Back"),
      ),
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-key": "write",
          disabled: w.state.confirmReplace !== undefined,
          onclick: () => void write(w, false),
        },
        t(`เขียนชีตผลการประเมิน (${name})`, `Write the results sheet (${name})`),
      ),
      h(
        "button",
        { type: "button", class: "secondary", "data-key": "next-4", onclick: () => void w.go(4) },
        `${t("รายงานและแผน", "Report and plan")} →`,
      ),
    ),
  );
}
