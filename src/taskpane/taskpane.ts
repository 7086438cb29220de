/**
 * Placeholder task pane: names the add-in in Thai and English and lists the bundled
 * rules years and the rules saved in the workbook. In the shared runtime this page
 * also hosts the custom functions, so it loads the workbook's saved rules for them.
 */
import { bundledYears } from "../engine/index.js";
import { workbookRulesNames } from "../functions/rules.js";
import { loadSavedRules } from "../office/saved-rules.js";

function list(id: string, items: readonly string[], empty: string): void {
  const ul = document.getElementById(id);
  if (!ul) return;
  ul.replaceChildren(
    ...(items.length ? items : [empty]).map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }),
  );
}

function render(status = ""): void {
  list("years", bundledYears(), "— ไม่มี / none —");
  list("saved", workbookRulesNames(), "— ไม่มี / none —");
  const s = document.getElementById("status");
  if (s) s.textContent = status;
}

render();
if (typeof Office !== "undefined") {
  void Office.onReady(async (info) => {
    if (info.host !== Office.HostType.Excel) return;
    try {
      const { refused } = await loadSavedRules();
      render(refused.map((r) => `${r.name}: ${r.reason}`).join("; "));
    } catch (e) {
      render(`อ่านเกณฑ์ในสมุดงานไม่ได้ / could not read saved rules: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
