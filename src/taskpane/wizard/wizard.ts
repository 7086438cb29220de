/**
 * The Assess view: a five-step wizard (Criteria → Data → Check → Results → Report) over the
 * workbook port. This file owns the state, the step list, moving between steps
 * (focus goes to the new step's heading), progress for long work and the per-workbook
 * choices kept in settings. The state and its transitions are state.ts's; the steps
 * render themselves (criteria.ts, data.ts, check.ts, results.ts, report.ts) and
 * request transitions through `flow`; scoring is the engine's.
 *
 * The first screen (Criteria) is in the pane's start-up code and usable at once, from
 * the bundled years' scoring models. The other steps (steps.ts) and the checked rules
 * (the parser and the rules texts, rules-check.ts) are chunks loaded right after it;
 * a step that needs them before they arrive waits with a loading message.
 */
import { formatFixed } from "../../dsl/runtime.js";
import { CHOICE_DATA } from "../choices.js";
import { RulesStore } from "../../workbook/rules-store.js";
import type { PaneContext } from "../context.js";
import { h } from "../dom.js";
import { checkedChoices, listedChoices, type RulesChoice } from "../rules-source.js";
import { WizardFlow, type StepIndex, type WizardState } from "./state.js";
import { renderCriteria } from "./criteria.js";
import type * as Later from "./steps.js";

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
  /** The steps after Criteria, once their chunk is here. */
  private later?: typeof Later;
  /** Loading the later steps and checking the rules; undefined again after a failure, to retry. */
  private loading?: Promise<void>;

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

  /**
   * The first screen from what start-up holds (names, scoring models), then the rules
   * checked and the later steps loaded; resolves when all is there.
   */
  async start(): Promise<void> {
    this.render();
    await this.busy({ th: "กำลังอ่านสมุดงาน", en: "Reading the workbook" }, async () => {
      const preferred = await new RulesStore(this.ctx.port).chosenRules();
      this.flow.rulesListed(await listedChoices(this.ctx.port), preferred);
      this.render();
      const data = await this.ctx.port.getSetting(CHOICE_DATA);
      if (data) await (await this.steps()).restoreTable(this, data);
    });
    this.render();
    try {
      await this.loaded();
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      this.flow.failed({ th: `โหลดเกณฑ์ไม่สำเร็จ: ${m}`, en: `Could not load the rules: ${m}` });
    }
    this.render();
  }

  /** Every rules choice checked (parser and texts loaded on first use); keeps the chosen one if it still compiles. */
  async loadChoices(preferred?: string): Promise<void> {
    const choices = await checkedChoices(this.ctx.port);
    this.flow.rulesListed(choices, preferred ?? this.state.rulesName);
  }

  /** The later steps' code (its own chunk, loaded once). */
  private async steps(): Promise<typeof Later> {
    this.later ??= await import(/* webpackChunkName: "steps" */ "./steps.js");
    return this.later;
  }

  /** What every step after Criteria needs: the rules checked and the later steps' code. */
  private loaded(): Promise<void> {
    this.loading ??= Promise.all([
      this.state.choices.some((c) => c.pending) ? this.loadChoices() : undefined,
      this.steps(),
    ]).then(
      () => undefined,
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
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
    if (step >= 1 && (!this.later || this.state.choices.some((c) => c.pending))) {
      // Clicked before the rules and the steps arrived: wait, saying so.
      const chosen = this.state.rulesName;
      await this.busy({ th: "กำลังโหลดเกณฑ์", en: "Loading the rules" }, () => this.loaded());
      // The chosen rules did not compile after all: stay on Criteria, where their problem shows.
      if (!this.later || this.state.rulesName !== chosen || !this.reachable(step)) return this.render();
    }
    const later = this.later!;
    this.flow.shown(step);
    this.focusHeading = true;
    if (step >= 2) {
      // The sheet may have changed since the last look: check again before showing problems or results.
      this.render();
      await later.runCheck(this);
      if (step >= 3 && this.state.evaluation === undefined) this.flow.shown(2);
      if (this.state.step >= 3) {
        await this.busy({ th: "กำลังอ่านข้อมูลหน่วยงาน", en: "Reading the agency's details" }, () => later.loadAgency(this));
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
    const later = this.later;
    const body =
      this.state.step === 0
        ? renderCriteria(this)
        : !later
          ? h("p", { class: "note" }, t("กำลังโหลด…", "Loading…"))
          : this.state.step === 1
            ? later.renderData(this)
            : this.state.step === 2
              ? later.renderCheck(this)
              : this.state.step === 3
                ? later.renderResults(this)
                : later.renderReport(this);
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
