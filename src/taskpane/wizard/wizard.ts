/**
 * The Assess view: a five-step wizard (Criteria → Data → Check → Results → Report) over the
 * workbook port. This file owns the state, the step list, moving between steps
 * (focus goes to the new step's heading), progress for long work and the per-workbook
 * choices kept in settings. The state and its transitions are state.ts's; the steps
 * render themselves (criteria.ts, data.ts, check.ts, results.ts, report.ts) and
 * request transitions through `flow`; scoring is the engine's.
 */
import { formatFixed } from "../../dsl/runtime.js";
import { CHOICE_DATA } from "../choices.js";
import { RulesStore } from "../../workbook/rules-store.js";
import type { PaneContext } from "../context.js";
import { h } from "../dom.js";
import { bundledChoices, workbookChoices, type RulesChoice } from "../rules-source.js";
import { WizardFlow, type StepIndex, type WizardState } from "./state.js";
import { renderCheck, runCheck } from "./check.js";
import { renderCriteria } from "./criteria.js";
import { renderData, restoreTable } from "./data.js";
import { loadAgency, renderReport } from "./report.js";
import { renderResults } from "./results.js";

const STEPS = [
  { id: "criteria", th: "เกณฑ์", en: "Criteria" },
  { id: "data", th: "ข้อมูล", en: "Data" },
  { id: "check", th: "ตรวจสอบ", en: "Check" },
  { id: "results", th: "ผลการประเมิน", en: "Results" },
  { id: "report", th: "รายงาน", en: "Report" },
] as const;

export type { DataSource, StepIndex, WizardState } from "./state.js";

export interface Status {
  say(th: string, en: string): void;
  progress(label: { th: string; en: string } | null, done?: number, total?: number): void;
}

export class Wizard {
  /** The one place the wizard's state changes, by named transitions. */
  readonly flow = new WizardFlow();
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

  get state(): WizardState {
    return this.flow.state;
  }

  get rules(): RulesChoice | undefined {
    return this.flow.rules();
  }

  async start(): Promise<void> {
    this.render();
    await this.busy({ th: "กำลังอ่านสมุดงาน", en: "Reading the workbook" }, async () => {
      await this.loadChoices(await new RulesStore(this.ctx.port).chosenRules());
      const data = await this.ctx.port.getSetting(CHOICE_DATA);
      if (data) await restoreTable(this, data);
    });
    this.render();
  }

  async loadChoices(preferred?: string): Promise<void> {
    this.flow.rulesListed([...bundledChoices(), ...(await workbookChoices(this.ctx.port))], preferred);
  }

  /** Rules saved in the workbook changed (the editor saved or removed some). */
  async rulesChanged(name: string): Promise<void> {
    this.flow.rulesEdited(name);
    await this.loadChoices();
    this.render();
  }

  reachable(step: StepIndex): boolean {
    return this.flow.reachable(step);
  }

  async go(step: StepIndex): Promise<void> {
    if (!this.reachable(step)) return;
    this.flow.shown(step);
    this.focusHeading = true;
    if (step >= 2) {
      // The sheet may have changed since the last look: check again before showing problems or results.
      this.render();
      await runCheck(this);
      if (step >= 3 && this.state.evaluation === undefined) this.flow.shown(2);
      if (this.state.step >= 3) {
        await this.busy({ th: "กำลังอ่านข้อมูลหน่วยงาน", en: "Reading the agency's details" }, () => loadAgency(this));
      }
      this.focusHeading = true;
    }
    this.sayWhere();
    this.render();
  }

  /** The status line speaks of the step shown, not of work done on another step. */
  private sayWhere(): void {
    const s = this.state;
    const e = s.evaluation;
    if (s.step === 0 && s.rulesName) this.status.say(`เกณฑ์ ${s.rulesName}`, `Rules ${s.rulesName}`);
    else if (s.step === 1)
      this.status.say(
        s.table ? `ตารางคะแนน ${s.table.sheet}!${s.table.range}` : "ยังไม่ได้เลือกตารางคะแนน",
        s.table ? `Score table ${s.table.sheet}!${s.table.range}` : "No score table chosen yet",
      );
    else if (s.step >= 3 && e) {
      const who = s.table?.agency ?? s.agency?.name;
      const total = formatFixed(e.total.published, e.rules.decimals);
      this.status.say(
        `${who ? `${who}: ` : ""}คะแนนรวม ${total} ${e.rating.label.th}`,
        `${who ? `${who}: ` : ""}total ${total}, ${e.rating.label.en || e.rating.label.th}`,
      );
    }
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
      this.flow.failed({ th: `ทำรายการไม่สำเร็จ: ${m}`, en: `Could not finish: ${m}` });
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

  /** A step's own actions, kept in view at the foot of the pane while the step scrolls (CSS: sticky). */
  actionBar(...buttons: (HTMLElement | null)[]): HTMLElement {
    return h("div", { class: "actions step-actions", "data-testid": "step-actions" }, ...buttons);
  }

  /** The Back and Next buttons at the foot of a step. */
  nextButton(to: StepIndex, enabled: boolean, label?: { th: string; en: string }): HTMLElement {
    const l = label ?? { th: "ถัดไป", en: "Next" };
    return this.actionBar(
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
