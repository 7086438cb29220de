/**
 * What a view of the task pane gets from the shell: the workbook port, the current
 * language and a bilingual text picker, and a way to tell the shell that rules
 * saved in the workbook changed (so the Assess view's rules list and the custom
 * functions pick them up). The rules editor (src/taskpane/editor/view.ts) builds on this.
 */
import type { WorkbookPort } from "../workbook/port.js";

export type Lang = "th" | "en";

export interface PaneContext {
  readonly port: WorkbookPort;
  lang(): Lang;
  /** The text in the current language; every user-facing string passes through here. */
  t(th: string, en: string): string;
  /** Rules saved in the workbook under `name` were added, changed or removed. */
  onRulesChanged(name: string): void;
}
