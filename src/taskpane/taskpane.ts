/**
 * The task pane page's entry. In Excel (shared runtime, this page also hosts the
 * custom functions) it loads the rules saved in the workbook for the functions and
 * mounts the pane on the Office.js adapter. Opened anywhere else — Office.js not
 * loaded, or not in Excel — it mounts the same pane on an in-memory workbook, so the
 * page never breaks outside Excel. Nothing runs until the page has an #app element.
 * The in-memory workbook is a chunk of its own, loaded only outside Excel: it is not
 * part of what Excel loads to start the pane.
 */
import "../workbook/cf-stub.js";
import { loadSavedRules } from "../office/saved-rules.js";
import { OfficeWorkbook } from "../workbook/office-adapter.js";
import { mountPane } from "./pane.js";

const OUTSIDE_EXCEL = {
  th: "ไม่ได้เปิดใน Excel: ใช้สมุดงานว่างในหน่วยความจำ",
  en: "Not running in Excel: using an empty in-memory workbook",
};

function app(): HTMLElement | null {
  return typeof document.getElementById === "function" ? document.getElementById("app") : null;
}

async function outsideExcel(): Promise<void> {
  const root = app();
  if (!root) return;
  const { MemoryWorkbook } = await import(/* webpackChunkName: "memory-workbook" */ "../workbook/memory-adapter.js");
  mountPane(root, new MemoryWorkbook(), { notice: OUTSIDE_EXCEL });
}

if (typeof Office !== "undefined") {
  void Office.onReady(async (info) => {
    if (info.host !== Office.HostType.Excel) return outsideExcel();
    const port = new OfficeWorkbook();
    try {
      await loadSavedRules(port); // rules that cannot load are listed, with the reason, in the Criteria step
    } catch {
      // the Criteria step reads the settings again through the port and shows what failed
    }
    const root = app();
    if (root) mountPane(root, port);
  });
} else if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void outsideExcel());
  else void outsideExcel();
}
