/**
 * Step 1, Criteria (เกณฑ์): choose a bundled year or rules saved in this workbook
 * (a native radio group: arrow keys move, Space selects), and see the chosen
 * rules' tools with weights, the pass mark and the rating bands at a glance.
 * The pane's first screen: until the rules are checked (parser and texts loading),
 * a bundled year shows from its scoring model, saved rules say they are being
 * checked, and the rules' sources and provisional marks say they are loading.
 */
import type { RulesModel, ScoringModel } from "../../dsl/runtime.js";
import { h, uid } from "../dom.js";
import { isProvisionalTool, provenanceOf, ratingRows, type RulesChoice } from "../rules-source.js";
import { RulesStore } from "../../workbook/rules-store.js";
import type { Wizard } from "./wizard.js";

export function renderCriteria(w: Wizard): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const choose = async (name: string): Promise<void> => {
    if (w.state.rulesName === name) return;
    w.flow.rulesChosen(name);
    w.render();
    await new RulesStore(w.ctx.port).choose(name);
  };
  const option = (c: (typeof w.state.choices)[number]): HTMLElement => {
    const id = uid("rules");
    const note = c.problem
      ? h("span", { class: "note error-text" }, ` — ${t(c.problem.th, c.problem.en)}`)
      : c.pending && c.source === "workbook"
        ? h("span", { class: "note" }, ` — ${t("กำลังตรวจเกณฑ์…", "checking the rules…")}`)
        : h(
            "span",
            { class: "note" },
            c.source === "bundled"
              ? ` — ${t("เกณฑ์ทางการ", "official rules")}`
              : ` — ${t("บันทึกในสมุดงานนี้", "saved in this workbook")}`,
          );
    return h(
      "div",
      { class: "radio" },
      h("input", {
        type: "radio",
        name: "rules",
        id,
        value: c.name,
        "data-key": `rules-${c.name}`,
        checked: w.state.rulesName === c.name,
        disabled: !c.compiled && !c.pending,
        onchange: () => void choose(c.name),
      }),
      h("label", { for: id }, c.source === "bundled" ? `${t("ปี", "Year")} ${c.name}` : c.name, note),
    );
  };
  const bundled = w.state.choices.filter((c) => c.source === "bundled");
  const saved = w.state.choices.filter((c) => c.source === "workbook");
  const group = h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, t("เลือกเกณฑ์การประเมิน", "Choose the assessment rules")),
    ...bundled.map(option),
    saved.length
      ? h("p", { class: "group-label" }, t("เกณฑ์ที่บันทึกในสมุดงาน", "Rules saved in this workbook"))
      : h("p", { class: "note" }, t("ยังไม่มีเกณฑ์ที่บันทึกในสมุดงานนี้", "No rules are saved in this workbook yet")),
    ...saved.map(option),
  );
  const rules = w.flow.chosen();
  const model = rules?.compiled?.model ?? rules?.scoring;
  const summary = model
    ? summaryOf(w, model, rules?.compiled?.model)
    : rules?.pending
      ? h(
          "p",
          { class: "note", "data-testid": "rules-loading" },
          t(`กำลังตรวจเกณฑ์ ${rules.name}…`, `Checking the rules ${rules.name}…`),
        )
      : null;
  return h("div", {}, group, warningsOf(w, rules), summary, w.nextButton(1, rules !== undefined));
}

const SHOWN = 5;

/** The rules checker's warnings on the chosen rules (e.g. a pass mark the bands disagree with), before any result. */
function warningsOf(w: Wizard, rules: RulesChoice | undefined): HTMLElement | null {
  const warnings = rules?.warnings ?? [];
  if (!warnings.length) return null;
  const t = (th: string, en: string): string => w.t(th, en);
  return h(
    "div",
    { class: "criteria-warnings", "data-testid": "rules-warnings", role: "note" },
    h(
      "h3",
      {},
      t(
        `คำเตือนจากการตรวจเกณฑ์ ${rules!.name} (${warnings.length})`,
        `Warnings on the rules ${rules!.name} (${warnings.length})`,
      ),
    ),
    h(
      "ul",
      { class: "problems" },
      ...warnings
        .slice(0, SHOWN)
        .map((d) =>
          h(
            "li",
            { class: "warning" },
            h("span", { class: "badge" }, t("คำเตือน", "Warning")),
            " ",
            h("span", { class: "where" }, t(`บรรทัด ${d.line}`, `line ${d.line}`)),
            " ",
            h("span", { class: "text" }, t(d.th, d.en)),
          ),
        ),
      warnings.length > SHOWN
        ? h(
            "li",
            {},
            t(
              `และอีก ${warnings.length - SHOWN} รายการ ดูทั้งหมดในแท็บแก้ไขเกณฑ์`,
              `and ${warnings.length - SHOWN} more; see them all in the Edit rules tab`,
            ),
          )
        : null,
    ),
  );
}

/** The chosen rules at a glance; `full` (with texts) adds provisional marks and sources once the rules are checked. */
function summaryOf(w: Wizard, model: ScoringModel, full: RulesModel | undefined): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const toolsCaption = uid("tools");
  return h(
    "div",
    { class: "summary" },
    h("h3", {}, t(model.name.th, model.name.en || model.name.th)),
    h(
      "table",
      { class: "data", "aria-describedby": toolsCaption },
      h("caption", { id: toolsCaption }, t("เครื่องมือและน้ำหนัก", "Tools and weights")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("เครื่องมือ", "Tool")),
          h("th", { scope: "col" }, t("ชื่อ", "Name")),
          h("th", { scope: "col", class: "num" }, t("น้ำหนัก (%)", "Weight (%)")),
        ),
      ),
      h(
        "tbody",
        {},
        ...model.tools.map((tool) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, tool.id),
            h("td", {}, t(tool.label.th, tool.label.en || tool.label.th)),
            h(
              "td",
              { class: "num" },
              String(tool.weight),
              full && isProvisionalTool(full, tool.id)
                ? h("span", { class: "provisional-mark" }, ` ${t("ยังไม่ยืนยัน", "provisional")}`)
                : null,
            ),
          ),
        ),
      ),
    ),
    h(
      "p",
      {},
      model.pass
        ? t(
            `ตัวชี้วัด ${model.indicators.length} ตัว · ${model.pass.passLabel.th} เมื่อได้ ${model.pass.threshold} คะแนนขึ้นไป`,
            `${model.indicators.length} indicators · ${model.pass.passLabel.en || model.pass.passLabel.th} at ${model.pass.threshold} or more`,
          )
        : t(
            `ตัวชี้วัด ${model.indicators.length} ตัว · ไม่มีเกณฑ์ผ่านรายตัวชี้วัด`,
            `${model.indicators.length} indicators · no per-indicator pass mark`,
          ),
    ),
    h("h4", {}, t(model.rating.label.th, model.rating.label.en || model.rating.label.th)),
    h(
      "ul",
      { class: "bands" },
      ...ratingRows(model, t).map((r) => h("li", {}, h("strong", {}, r.label), ` — ${r.when}`)),
    ),
    full
      ? provenance(w, full)
      : h(
          "p",
          { class: "note", "data-testid": "rules-loading" },
          t("กำลังโหลดที่มาของเกณฑ์…", "Loading where the rules come from…"),
        ),
  );
}

/**
 * What the rules file says about itself: the parts it marks provisional (inferred, not
 * confirmed by NACC) shown open, then its notes and sources folded under "ที่มา / sources".
 */
function provenance(w: Wizard, model: RulesModel): HTMLElement | null {
  const t = (th: string, en: string): string => w.t(th, en);
  const p = provenanceOf(model, t);
  if (p.notes.length + p.sources.length + p.provisional.length === 0) return null;
  return h(
    "div",
    { class: "provenance" },
    p.provisional.length
      ? h(
          "div",
          { class: "provisional", role: "note" },
          h("h4", {}, t("ยังไม่ยืนยัน (อนุมาน)", "Provisional (inferred)")),
          h(
            "ul",
            {},
            ...p.provisional.map((x) => h("li", { "data-key": "provisional" }, h("strong", {}, x.what), ` — ${x.why}`)),
          ),
        )
      : null,
    p.notes.length + p.sources.length
      ? h(
          "details",
          { class: "sources" },
          h("summary", {}, t("ที่มา", "Sources")),
          ...(p.notes.length ? [h("ul", { class: "notes" }, ...p.notes.map((n) => h("li", {}, n)))] : []),
          ...(p.sources.length ? [h("ul", { class: "source-list" }, ...p.sources.map((n) => h("li", {}, n)))] : []),
        )
      : null,
  );
}
