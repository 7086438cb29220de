/**
 * The Assess view: a five-step wizard (Criteria → Data → Check → Results → Report) over the
 * workbook port. This file owns the state, the step list, moving between steps
 * (focus goes to the new step's heading), progress for long work and the per-workbook
 * choices kept in settings. The steps render themselves (criteria.ts, data.ts,
 * check.ts, results.ts, report.ts); scoring is the engine's.
 */
import type { Evaluation, PartialEvaluation, ScoreProblem } from "../../engine/index.js";
import type { Agency } from "../../report/model.js";
import type { ScoreTable, TableProblem } from "../../workbook/score-table.js";
import { CHOICE_DATA, CHOICE_RULES } from "../choices.js";
import type { PaneContext } from "../context.js";
import { h } from "../dom.js";
import { bundledChoices, workbookChoices, type RulesChoice } from "../rules-source.js";
import { renderCheck, runCheck } from "./check.js";
import { renderCriteria } from "./criteria.js";
import { renderData, restoreTable } from "./data.js";
import { loadAgency, renderReport } from "./report.js";
import { renderResults } from "./results.js";

export const STEPS = [
  { id: "criteria", th: "เกณฑ์", en: "Criteria" },
  { id: "data", th: "ข้อมูล", en: "Data" },
  { id: "check", th: "ตรวจสอบ", en: "Check" },
  { id: "results", th: "ผลการประเมิน", en: "Results" },
  { id: "report", th: "รายงาน", en: "Report" },
] as const;

export type StepIndex = 0 | 1 | 2 | 3 | 4;

/** Where the score table was found: a whole sheet, or a range the user selected. */
export interface DataSource {
  readonly sheet: string;
  readonly range?: string;
  /** In a table holding several agencies (an agency column), the one being scored. */
  readonly agency?: string;
}

export interface WizardState {
  step: StepIndex;
  choices: RulesChoice[];
  rulesName?: string;
  source?: DataSource;
  table?: ScoreTable;
  /** Why no table was found, per place looked at. */
  tableProblems: TableProblem[];
  /** Other tables found on the last search, to choose from. */
  found: ScoreTable[];
  /** The agencies of the chosen table when it holds more than one; empty otherwise. */
  agencies: string[];
  problems?: readonly ScoreProblem[];
  evaluation?: Evaluation;
  /** What a table of some tools or indicators gives, when that is all that is missing. */
  partial?: PartialEvaluation;
  /** A results sheet of this name exists: the user is asked before replacing it. */
  confirmReplace?: string;
  written?: string;
  /** Who the report is about (step 5). */
  agency?: Agency;
  thaiDigits: boolean;
  /** Report sheets of this year exist: the user is asked before replacing them. */
  confirmReport?: string[];
  reportWritten?: string[];
  /** An error to show in the current step (role=alert). */
  error?: { th: string; en: string };
}

export interface Status {
  say(th: string, en: string): void;
  progress(label: { th: string; en: string } | null, done?: number, total?: number): void;
}

export class Wizard {
  readonly state: WizardState = { step: 0, choices: [], tableProblems: [], found: [], agencies: [], thaiDigits: false };
  private focusHeading = false;
  /** data-key of the element to focus after the next render (e.g. the Replace button when asking). */
  focusNext?: string;
  private busyCount = 0;

  constructor(
    readonly root: HTMLElement,
    readonly ctx: PaneContext,
    readonly status: Status,
  ) {}

  t(th: string, en: string): string {
    return this.ctx.t(th, en);
  }

  get rules(): RulesChoice | undefined {
    return this.state.choices.find((c) => c.name === this.state.rulesName && c.compiled);
  }

  async start(): Promise<void> {
    this.render();
    await this.busy({ th: "กำลังอ่านสมุดงาน", en: "Reading the workbook" }, async () => {
      await this.loadChoices();
      const saved = await this.ctx.port.getSetting(CHOICE_RULES);
      if (saved && this.state.choices.some((c) => c.name === saved && c.compiled)) this.state.rulesName = saved;
      else this.state.rulesName ??= this.state.choices.find((c) => c.compiled)?.name;
      const data = await this.ctx.port.getSetting(CHOICE_DATA);
      if (data) await restoreTable(this, data);
    });
    this.render();
  }

  async loadChoices(): Promise<void> {
    this.state.choices = [...bundledChoices(), ...(await workbookChoices(this.ctx.port))];
  }

  /** Rules saved in the workbook changed (the editor saved or removed some). */
  async rulesChanged(name: string): Promise<void> {
    await this.loadChoices();
    if (this.state.rulesName === name) this.invalidateFrom(2);
    if (!this.state.choices.some((c) => c.name === this.state.rulesName && c.compiled)) {
      this.state.rulesName = this.state.choices.find((c) => c.compiled)?.name;
    }
    this.render();
  }

  /** Results and checks made with older inputs no longer hold. */
  invalidateFrom(step: StepIndex): void {
    if (step <= 2) {
      this.state.problems = undefined;
      this.state.evaluation = undefined;
    }
    this.state.written = undefined;
    this.state.confirmReplace = undefined;
    this.state.reportWritten = undefined;
    this.state.confirmReport = undefined;
    if (this.state.step > step) this.state.step = step;
  }

  reachable(step: StepIndex): boolean {
    if (step === 0) return true;
    if (step === 1) return this.rules !== undefined;
    if (step === 2) return this.rules !== undefined && this.state.table !== undefined;
    return this.state.evaluation !== undefined;
  }

  async go(step: StepIndex): Promise<void> {
    if (!this.reachable(step)) return;
    this.state.step = step;
    this.state.error = undefined;
    this.focusHeading = true;
    if (step >= 2) {
      // The sheet may have changed since the last look: check again before showing problems or results.
      const written = this.state.written;
      this.render();
      await runCheck(this);
      if (step >= 3 && this.state.evaluation === undefined) this.state.step = 2;
      else if (step >= 3) this.state.written = written;
      if (this.state.step === 4) {
        await this.busy({ th: "กำลังอ่านข้อมูลหน่วยงาน", en: "Reading the agency's details" }, () => loadAgency(this));
      }
      this.focusHeading = true;
    }
    this.render();
  }

  /** Long work: progress shown and announced, the step marked busy, errors shown in the step. */
  async busy<T>(
    label: { th: string; en: string },
    work: (progress: (done: number, total: number) => void) => Promise<T>,
  ): Promise<T | undefined> {
    this.busyCount++;
    this.root.setAttribute("aria-busy", "true");
    this.status.progress(label);
    try {
      return await work((done, total) => this.status.progress(label, done, total));
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      this.state.error = { th: `ทำรายการไม่สำเร็จ: ${m}`, en: `Could not finish: ${m}` };
      return undefined;
    } finally {
      this.busyCount--;
      if (this.busyCount === 0) {
        this.root.removeAttribute("aria-busy");
        this.status.progress(null);
      }
    }
  }

  render(): void {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    const t = (th: string, en: string): string => this.t(th, en);
    const nav = h(
      "nav",
      { class: "steps", "aria-label": t("ขั้นตอน", "Steps") },
      h(
        "ol",
        {},
        ...STEPS.map((s, i) => {
          const index = i as StepIndex;
          const current = index === this.state.step;
          return h(
            "li",
            { class: current ? "current" : this.reachable(index) ? "" : "locked" },
            h(
              "button",
              {
                type: "button",
                "data-key": `step-${s.id}`,
                "aria-current": current ? "step" : undefined,
                disabled: !this.reachable(index) || this.busyCount > 0,
                onclick: () => void this.go(index),
              },
              h("span", { class: "step-number", "aria-hidden": "true" }, String(i + 1)),
              h("span", {}, t(s.th, s.en)),
            ),
          );
        }),
      ),
    );
    const step = STEPS[this.state.step];
    const heading = h(
      "h2",
      { id: "step-heading", tabindex: -1, "data-key": "step-heading" },
      `${this.state.step + 1}. ${t(step.th, step.en)}`,
    );
    const body =
      this.state.step === 0
        ? renderCriteria(this)
        : this.state.step === 1
          ? renderData(this)
          : this.state.step === 2
            ? renderCheck(this)
            : this.state.step === 3
              ? renderResults(this)
              : renderReport(this);
    const error = this.state.error
      ? h("p", { class: "message error", role: "alert" }, t(this.state.error.th, this.state.error.en))
      : null;
    const section = h(
      "section",
      { class: "step", "aria-labelledby": "step-heading", "data-step": step.id },
      heading,
      error,
      body,
    );
    this.root.replaceChildren(nav, section);
    if (this.focusNext) {
      this.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(this.focusNext)}"]`)?.focus();
      this.focusNext = undefined;
    } else if (this.focusHeading) {
      this.focusHeading = false;
      heading.focus();
    } else if (active) {
      const again = this.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(active)}"]`);
      again?.focus();
    }
  }

  /** The Next button at the foot of a step. */
  nextButton(to: StepIndex, enabled: boolean, label?: { th: string; en: string }): HTMLElement {
    const l = label ?? { th: "ถัดไป", en: "Next" };
    return h(
      "div",
      { class: "actions" },
      to > 1
        ? h(
            "button",
            {
              type: "button",
              class: "secondary",
              "data-key": "back",
              onclick: () => void this.go((to - 2) as StepIndex),
            },
            this.t("ย้อนกลับ", "Back"),
          )
        : null,
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-key": `next-${to}`,
          disabled: !enabled,
          onclick: () => void this.go(to),
        },
        `${this.t(l.th, l.en)} →`,
      ),
    );
  }
}
