/**
 * What a score table of some tools or indicators gives (the engine's partial
 * result), shown in the Check step: what the total and rating still need first,
 * then the tool and indicator scores that could be computed. Nothing is scored here.
 */
import { formatFixed } from "../../dsl/runtime.js";
import type { PartialEvaluation } from "../../engine/index.js";
import { h } from "../dom.js";
import type { Wizard } from "./wizard.js";

export function renderPartial(w: Wizard, p: PartialEvaluation): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const f = (x: number): string => formatFixed(x, p.rules.decimals);
  const rows = (items: readonly { id: string; text: string }[]): HTMLElement =>
    h("ul", { class: "partial-scores" }, ...items.map((x) => h("li", {}, h("strong", {}, x.id), ` ${x.text}`)));
  return h(
    "section",
    { class: "partial", "data-testid": "partial" },
    h("h3", {}, t("คำนวณได้บางส่วน", "Partly computed")),
    h("p", { class: "message warning", "data-testid": "partial-needs" }, t(p.needs.th, p.needs.en)),
    p.total && p.rating
      ? h(
          "p",
          { class: "verdict" },
          t(
            `คะแนนรวม ${f(p.total.published)} ระดับ ${p.rating.label.th}`,
            `Total ${f(p.total.published)}, rating ${p.rating.label.en || p.rating.label.th}`,
          ),
        )
      : null,
    p.tools.length > 0
      ? h(
          "div",
          {},
          h("h4", {}, t("คะแนนรายเครื่องมือ", "Scores by tool")),
          rows(p.tools.map((x) => ({ id: x.id, text: f(x.value.published) }))),
        )
      : null,
    p.indicators.length > 0
      ? h(
          "div",
          {},
          h("h4", {}, t("คะแนนรายตัวชี้วัด", "Scores by indicator")),
          rows(
            p.indicators.map((x) => ({
              id: x.id,
              text: `${t(x.label.th, x.label.en || x.label.th)} ${f(x.value.published)}`,
            })),
          ),
        )
      : null,
  );
}
