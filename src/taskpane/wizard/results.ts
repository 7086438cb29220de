/**
 * Step 4, Results (ผลการประเมิน): the engine's evaluation shown verdict first — whose
 * result, total, rating and every indicator below the pass mark on the first screen;
 * then what it takes for the next band, as the requirements (total, tool) with the
 * indicators behind each (the engine's shortfalls, grouped, never recomputed); then
 * the tables. The results sheet is written through write.ts (table re-read, names
 * from the add-in's index, asked before replacing, read back after writing).
 */
import { formatFixed } from "../../dsl/runtime.js";
import type { Evaluation, Shortfall } from "../../engine/index.js";
import { INDICATOR_HEADINGS as H } from "../../engine/scoring.js";
import { h, uid } from "../dom.js";
import { confirmWrite } from "./confirm.js";
import type { Wizard } from "./wizard.js";
import { shownAgency } from "./state.js";
import { writeResults } from "./write.js";

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

/** Requirements of the next band (total, tools), each with the indicators that hold it back, as the engine lists them. */
function groupShortfalls(shortfalls: readonly Shortfall[]): { requirement: Shortfall; indicators: Shortfall[] }[] {
  const groups: { requirement: Shortfall; indicators: Shortfall[] }[] = [];
  for (const s of shortfalls) {
    const owner =
      s.subject === "indicator"
        ? groups.find((g) => g.requirement.subject === "tool" && g.requirement.id === s.tool)
        : undefined;
    if (owner) owner.indicators.push(s);
    else groups.push({ requirement: s, indicators: [] });
  }
  return groups;
}

function nextBand(w: Wizard, e: Evaluation): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const next = e.rating.nextUp;
  if (!next) return h("p", { class: "message ok" }, t("อยู่ระดับสูงสุดแล้ว", "Already at the top band"));
  const groups = groupShortfalls(next.shortfalls);
  return h(
    "section",
    { class: "next-band", "data-testid": "next-band", "aria-labelledby": "next-band-heading" },
    h(
      "h3",
      { id: "next-band-heading" },
      t(`สิ่งที่ต้องทำเพื่อให้ได้ระดับ ${next.label.th}`, `What it takes for ${next.label.en || next.label.th}`),
    ),
    groups.length
      ? h(
          "ol",
          { class: "requirements" },
          ...groups.map((g) =>
            h(
              "li",
              { "data-testid": "requirement" },
              h("strong", {}, t(g.requirement.th, g.requirement.en)),
              g.indicators.length
                ? h(
                    "div",
                    {},
                    h(
                      "p",
                      { class: "note" },
                      t(
                        `ตัวชี้วัดที่ดึง ${g.requirement.id} ลง (ยกตัวใดตัวหนึ่งก็ช่วยได้ ไม่จำเป็นต้องถึงทุกตัว):`,
                        `Indicators holding ${g.requirement.id} down (raising any of them helps; not every one must reach it):`,
                      ),
                    ),
                    h("ul", { class: "behind" }, ...g.indicators.map((i) => h("li", {}, t(i.th, i.en)))),
                  )
                : null,
            ),
          ),
        )
      : h("p", {}, t("ไม่มีเงื่อนไขที่ขาด", "No condition is short")),
  );
}

/** This result beside the workbook's earlier years: total, change and rating per year, and what changed in the criteria. */
function historyView(w: Wizard): HTMLElement | null {
  const t = (th: string, en: string): string => w.t(th, en);
  const hist = w.state.history;
  const notes = w.state.historyNotes ?? [];
  if (!hist && notes.length === 0) return null;
  const signed = (x: number, d: number): string => `${x > 0 ? "+" : x < 0 ? "-" : ""}${formatFixed(Math.abs(x), d)}`;
  return h(
    "section",
    { class: "history", "data-testid": "history", "aria-labelledby": "history-heading" },
    h("h3", { id: "history-heading" }, t("เทียบกับปีก่อน", "Compared with earlier years")),
    hist
      ? table(
          t("แต่ละปีคำนวณตามเกณฑ์ของปีนั้น", "Each year scored by its own rules"),
          [
            { text: t("ปี", "Year") },
            { text: t("คะแนนรวม", "Total"), num: true },
            { text: t("เปลี่ยน", "Change"), num: true },
            { text: t("ระดับ", "Rating") },
          ],
          hist.years.map((y, i) => {
            const cell = hist.total.cells[i]!;
            const d = y.rules.decimals;
            const label = hist.rating.cells[i]!.label;
            return [
              { text: String(y.year), header: true },
              { text: cell.value ? formatFixed(cell.value.published, d) : "—", num: true },
              { text: cell.change ? signed(cell.change.published, d) : "", num: true },
              { text: label ? t(label.th, label.en || label.th) : y.needs ? t("ยังไม่ครบ", "partial") : "—" },
            ];
          }),
        )
      : null,
    hist && hist.criteria.length
      ? h(
          "details",
          { "data-testid": "criteria-changes" },
          h(
            "summary",
            {},
            t(`เกณฑ์ที่เปลี่ยนระหว่างปี (${hist.criteria.length})`, `Criteria changes (${hist.criteria.length})`),
          ),
          h("ul", {}, ...hist.criteria.map((c) => h("li", {}, `${c.from}→${c.to}: ${t(c.th, c.en)}`))),
        )
      : null,
    ...notes.map((n) => h("p", { class: "note" }, t(n.th, n.en))),
    hist
      ? h(
          "p",
          { class: "note" },
          t(
            "ชีตผลการประเมินจะมีตารางเทียบรายตัวชี้วัดและกราฟแนวโน้ม",
            "The results sheet gets the comparison by indicator and a trend chart",
          ),
        )
      : null,
  );
}

export function renderResults(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const e = w.state.evaluation;
  if (!e) return h("p", {}, t("ยังไม่มีผล กลับไปขั้นตรวจสอบ", "No results yet; go back to Check"));
  const d = e.rules.decimals;
  const fmt = (x: number): string => formatFixed(x, d);
  const agency = shownAgency(w.state);
  const threshold = e.rules.pass?.threshold;
  // Without a pass mark nothing fails, and the verdict says nothing about a pass mark.
  const failing = e.indicators.filter((i) => i.pass === false);
  const verdict = h(
    "section",
    { class: "verdict", "data-testid": "verdict", "aria-label": t("สรุปผล", "Verdict") },
    agency
      ? h("p", { class: "agency", "data-testid": "agency" }, t("หน่วยงาน", "Agency"), ": ", h("strong", {}, agency))
      : null,
    h(
      "div",
      { class: "headline", "data-testid": "headline" },
      h("p", {}, t("คะแนนรวม", "Total"), " ", h("strong", { class: "total" }, fmt(e.total.published))),
      h(
        "p",
        {},
        t("ระดับ", "Rating"),
        " ",
        h("strong", { class: "rating" }, t(e.rating.label.th, e.rating.label.en || e.rating.label.th)),
      ),
    ),
    failing.length
      ? h(
          "div",
          { class: "failing", "data-testid": "failing" },
          h(
            "p",
            {},
            h(
              "strong",
              {},
              t(
                `ตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่าน ${threshold} (${failing.length})`,
                `Indicators below the pass mark of ${threshold} (${failing.length})`,
              ),
            ),
          ),
          h(
            "ul",
            {},
            ...failing.map((i) =>
              h(
                "li",
                { "data-testid": "failing-indicator" },
                h("span", { class: "score below" }, fmt(i.value.published)),
                " ",
                `${i.id} ${t(i.label.th, i.label.en || i.label.th)}`,
              ),
            ),
          ),
        )
      : threshold === undefined
        ? null
        : h(
            "p",
            { class: "message ok", "data-testid": "all-pass" },
            t(`ทุกตัวชี้วัดผ่านเกณฑ์ ${threshold}`, `Every indicator meets the pass mark of ${threshold}`),
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
      // The engine's headings (one definition with the results sheet and the report); no tools column at 320 px.
      { text: t(H.id.th, H.id.en) },
      { text: t(H.name.th, H.name.en) },
      { text: t(H.score.th, H.score.en), num: true },
      ...(mark ? [{ text: t(H.result.th, H.result.en) }] : []),
    ],
    e.indicators.map((i) => [
      { text: i.id, header: true },
      { text: t(i.label.th, i.label.en || i.label.th) },
      { text: fmt(i.value.published), num: true, cls: i.pass === false ? "below" : "" },
      ...(i.result ? [{ text: t(i.result.th, i.result.en || i.result.th), cls: i.pass ? "pass" : "fail" }] : []),
    ]),
  );
  const q = w.state.question;
  const confirm =
    q?.what === "results"
      ? confirmWrite(
          w,
          q,
          { goKey: "replace", cancelKey: "cancel-replace", backTo: "write" },
          (agreed) => void writeResults(w, agreed),
        )
      : null;
  const done = w.state.written.results?.[0];
  const written = done
    ? h(
        "p",
        { class: w.state.written.unconfirmed ? "message" : "message ok", "data-testid": "written" },
        w.state.written.unconfirmed
          ? t(
              `สร้างชีต "${done}" แล้ว แต่สูตรยังคำนวณไม่เสร็จ จึงยังยืนยันไม่ได้ว่าตัวเลขตรงกับที่แสดงที่นี่ ตรวจตัวเลขในชีตอีกครั้ง`,
              `Created "${done}", but its formulas are still calculating, so its figures are not yet confirmed to match these; look over them.`,
            )
          : t(
              `สร้างชีต "${done}" แล้ว ตัวเลขในชีตตรงกับที่แสดงที่นี่ และสูตร ITA ในชีตคำนวณใหม่เมื่อคะแนนเปลี่ยน`,
              `Created "${done}"; its figures match the ones shown here, and its ITA formulas recalculate when the scores change.`,
            ),
        " ",
        h(
          "button",
          { type: "button", "data-key": "goto", onclick: () => void w.ctx.port.select(done, "A1") },
          t("ไปที่ชีต", "Go to the sheet"),
        ),
      )
    : null;
  return h(
    "div",
    {},
    verdict,
    confirm,
    written,
    nextBand(w, e),
    historyView(w),
    tools,
    indicators,
    w.actionBar(
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
          disabled: q !== undefined,
          onclick: () => void writeResults(w),
        },
        t("สร้างชีตผลการประเมิน", "Create the results sheet"),
      ),
      h(
        "button",
        { type: "button", class: "secondary", "data-key": "next-4", onclick: () => void w.go(4) },
        `${t("รายงานและแผนพัฒนา", "Report and plan")} →`,
      ),
    ),
  );
}
