/**
 * The criteria view of the task pane ("เกณฑ์ / Criteria"): the rules a staff member
 * edits, as forms and tables instead of keywords — name and year, tools and weights
 * (sum shown live), pass mark and rounding, rating bands, indicators with their
 * questions, answer scales, and the live effect on this workbook. Every change is a
 * minimal edit of the rules text (src/dsl/edit.ts), kept at once as the workbook's
 * draft, so the text view ("ข้อความเกณฑ์") shows the same rules; both views list the
 * same diagnostics. A part of the text that does not parse is shown read-only here
 * with its error, until it is fixed in the text view. No rules text is ever set as
 * HTML: every element is built with h() and text nodes.
 */
import { applyEdit, brokenRanges, type RulesEdit, parseRules, type RulesResult } from "../../dsl/index.js";
import { bundledText, latestYear } from "../../engine/index.js";
import { copyYear } from "../../workbook/copy-year.js";
import { nameProblem, RulesStore } from "../../workbook/rules-store.js";
import type { PaneContext } from "../context.js";
import { h } from "../dom.js";
import { draftWritesSettled, trackDraftWrite } from "../draft-writes.js";
import { findRows, rowsFromSelection, type FoundRows } from "../editor/effect.js";
import { effectOf } from "./effect.js";
import { renderSections, type SectionState } from "./sections.js";
import { CRITERIA_CSS } from "./style.js";

export interface CriteriaHandle {
  /** Settles once the open rules are shown. */
  readonly ready: Promise<void>;
  destroy(): void;
}

const STYLE_ID = "ita-criteria-style";

export function mountCriteria(container: HTMLElement, ctx: PaneContext): CriteriaHandle {
  if (!document.getElementById(STYLE_ID)) document.head.append(h("style", { id: STYLE_ID }, CRITERIA_CSS));
  const t = ctx.t.bind(ctx);
  const store = new RulesStore(ctx.port);
  const latest = latestYear();
  const next = String(Number(latest) + 1);

  let name = "";
  let from: string | undefined;
  let savedText: string | undefined;
  let text = "";
  let result: RulesResult | undefined;
  let rows: FoundRows | undefined;
  let destroyed = false;
  /** Indicators whose details are open, kept across re-renders. */
  const open = new Set<string>();
  /** Where focus goes after the next render (a new row's first field), else back where it was. */
  let pendingFocus: string | undefined;

  const status = h("p", { class: "crit-status", role: "status", "aria-live": "polite" });
  const draftNote = h("p", { class: "crit-note" });
  const body = h("div", { class: "crit-body" });
  const root = h("section", { class: "ita-criteria", "aria-labelledby": "crit-title" });
  container.replaceChildren(root);

  function say(kind: "ok" | "error" | "info", th: string, en: string): void {
    status.dataset["kind"] = kind;
    status.textContent = t(th, en);
  }

  const fail = (e: unknown): void => {
    const m = e instanceof Error ? e.message : String(e);
    say("error", `ทำรายการไม่สำเร็จ: ${m}`, `could not do that: ${m}`);
  };

  /** Keep the text as the draft (or drop the draft when it is the saved text again). */
  function keepDraft(): void {
    if (!name) return;
    const unsaved = text !== (savedText ?? "");
    draftNote.textContent = unsaved
      ? t("ฉบับร่าง: ยังไม่ได้บันทึก จึงยังไม่ใช้คำนวณ", "Draft: not saved, so not used for scoring")
      : t("ตรงกับฉบับที่บันทึกแล้ว", "Same as the saved rules");
    void trackDraftWrite(unsaved ? store.saveDraft(name, text, from) : store.discardDraft(name)).catch(fail);
  }

  function commit(edit: RulesEdit): boolean {
    const r = applyEdit(text, edit);
    if (!r.ok) {
      // The typed value stays in its field; the reason is said beside the save button.
      say("error", r.th, r.en);
      return false;
    }
    text = r.text;
    keepDraft();
    say("info", "แก้ไขแล้ว (ฉบับร่าง)", "changed (draft)");
    render();
    return true;
  }

  async function openRules(target: string): Promise<void> {
    const stored = await store.load(target);
    name = stored.name;
    savedText = stored.saved;
    from = stored.draft?.from ?? stored.info.from;
    text = stored.draft?.text ?? stored.saved ?? "";
    await store.setCurrentName(name);
    render();
    keepDraftNote();
  }

  function keepDraftNote(): void {
    draftNote.textContent =
      text !== (savedText ?? "")
        ? t("ฉบับร่าง: ยังไม่ได้บันทึก จึงยังไม่ใช้คำนวณ", "Draft: not saved, so not used for scoring")
        : t("ตรงกับฉบับที่บันทึกแล้ว", "Same as the saved rules");
  }

  /** Start `target` from `source` text (a bundled year's copy), unless rules of that name exist: then open them. */
  async function startFrom(target: string, copied: string, base: string | undefined): Promise<void> {
    if ((await store.names()).includes(target)) {
      await openRules(target);
      say(
        "info",
        `มีเกณฑ์ ${target} อยู่แล้ว จึงเปิดให้แทนการคัดลอกทับ`,
        `rules ${target} already exist; opened them instead of copying over`,
      );
      return;
    }
    name = target;
    from = base;
    savedText = undefined;
    text = copied;
    await trackDraftWrite(store.saveDraft(name, text, from));
    await store.setCurrentName(name);
    render();
    keepDraftNote();
  }

  async function copyLatest(): Promise<void> {
    const copied = copyYear(latest, next);
    if (copied === undefined) return;
    await startFrom(next, copied, latest);
    if (name === next && text === copied) {
      say("ok", `คัดลอกเกณฑ์ ${latest} เป็น ${next} แล้ว (ฉบับร่าง)`, `copied the ${latest} rules as ${next} (draft)`);
    }
  }

  /** "Start next year from this one": the open rules with the year moved on, as rules named after that year. */
  async function nextYear(): Promise<void> {
    const year = result?.ast.statements.find((s) => s.kind === "assessment");
    const current = year?.kind === "assessment" ? year.year?.value : undefined;
    if (current === undefined) return say("error", "เกณฑ์นี้ไม่มีปีงบประมาณ", "these rules have no fiscal year");
    const target = String(current + 1);
    const problem = nameProblem(target);
    if (problem) return say("error", problem.th, problem.en);
    const moved = applyEdit(text, { op: "assessment-year", year: current + 1, relabel: true });
    if (!moved.ok) return say("error", moved.th, moved.en);
    const note = `# คัดลอกจากเกณฑ์ ${name} เพื่อเป็นเกณฑ์ ${target} / copied from the ${name} rules as ${target}\n`;
    const before = name;
    await startFrom(target, note + moved.text, from);
    if (name === target && savedText === undefined) {
      say("ok", `เริ่มเกณฑ์ ${target} จาก ${before} แล้ว (ฉบับร่าง)`, `started ${target} from ${before} (draft)`);
    }
  }

  async function save(): Promise<void> {
    if (!name) return say("error", "เปิดหรือคัดลอกเกณฑ์ก่อนบันทึก", "open or copy rules before saving");
    const r = await store.save(name, text, from);
    if (!r.ok) {
      await trackDraftWrite(store.saveDraft(name, text, from));
      return say("error", r.th, r.en);
    }
    savedText = text;
    keepDraftNote();
    ctx.onRulesChanged(name);
    render();
    say(
      "ok",
      `บันทึกเกณฑ์ ${name} แล้ว สูตร =ITA.*(…, "${name}") คำนวณใหม่`,
      `saved rules ${name}; =ITA.*(…, "${name}") recalculated`,
    );
  }

  const run = (f: () => Promise<void>) => (): void => void f().catch(fail);

  // --- rendering ------------------------------------------------------------------

  function header(names: readonly string[]): HTMLElement {
    const select = h("select", { id: "crit-open", "aria-label": t("เปิดเกณฑ์ที่เก็บไว้", "Open kept rules") });
    select.append(h("option", { value: "" }, t("— เลือกเกณฑ์ที่เก็บไว้ —", "— choose kept rules —")));
    for (const n of names) {
      const o = h("option", { value: n }, n);
      o.selected = n === name;
      select.append(o);
    }
    select.addEventListener(
      "change",
      run(async () => {
        if (select.value) await openRules(select.value);
      }),
    );
    const copy = h(
      "button",
      { type: "button", id: "crit-copy" },
      t(`คัดลอก ${latest} เป็น ${next}`, `Copy ${latest} as ${next}`),
    );
    copy.addEventListener("click", run(copyLatest));
    const bar = h(
      "div",
      { class: "crit-bar" },
      h("h2", { id: "crit-title" }, name ? t(`เกณฑ์ ${name}`, `Criteria ${name}`) : t("เกณฑ์", "Criteria")),
      h("div", { class: "crit-row" }, select, copy),
    );
    if (name) {
      const nextButton = h(
        "button",
        { type: "button", id: "crit-next-year" },
        t("เริ่มปีถัดไปจากเกณฑ์นี้", "Start next year from this one"),
      );
      nextButton.addEventListener("click", run(nextYear));
      const saveButton = h("button", { type: "button", class: "primary", id: "crit-save" }, t("บันทึก", "Save"));
      saveButton.addEventListener("click", run(save));
      bar.append(h("div", { class: "crit-row" }, saveButton, nextButton));
    }
    bar.append(status, draftNote);
    return bar;
  }

  function render(): void {
    if (destroyed) return;
    result = name ? parseRules(text) : undefined;
    void store.names().then((names) => {
      if (destroyed) return;
      // Read focus now, not when asked: a field left with Tab has handed it on by then.
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : "";
      const bar = header(names);
      if (!name || !result) {
        body.replaceChildren(
          h(
            "p",
            { class: "crit-note" },
            t(
              `เริ่มจากปุ่ม "คัดลอก ${latest} เป็น ${next}" หรือเลือกเกณฑ์ที่เก็บไว้ในสมุดงานนี้`,
              `Start with "Copy ${latest} as ${next}" or choose rules kept in this workbook`,
            ),
          ),
        );
        root.replaceChildren(bar, body);
      } else {
        const state: SectionState = {
          t,
          text,
          result,
          broken: brokenRanges(text),
          open,
          commit,
          focus: (id) => (pendingFocus = id),
          effect: effectView(),
        };
        body.replaceChildren(...renderSections(state));
        root.replaceChildren(bar, body);
      }
      const target = pendingFocus ?? focused;
      pendingFocus = undefined;
      const again = target ? document.getElementById(target) : null;
      if (again && root.contains(again)) again.focus();
    }, fail);
  }

  function effectView(): HTMLElement {
    const box = h("div", { class: "crit-effect", id: "crit-effect" });
    const pick = h(
      "button",
      { type: "button", id: "crit-use-selection" },
      t("ใช้ตารางคะแนนที่เลือกไว้", "Use the selected score table"),
    );
    pick.addEventListener(
      "click",
      run(async () => {
        const found = await rowsFromSelection(ctx.port);
        if ("rows" in found) {
          rows = found;
          render();
        } else say("error", found.th, found.en);
      }),
    );
    if (!rows) {
      box.append(
        h(
          "p",
          { class: "crit-note" },
          t(
            "ไม่พบตารางคะแนน (หัวตาราง เครื่องมือ/ข้อ/คะแนน) ในสมุดงาน: เลือกตารางแล้วกดปุ่มด้านล่าง",
            "No score table (headers tool/question/score) found: select one and press the button below",
          ),
        ),
        pick,
      );
      return box;
    }
    const base = savedText ?? (from ? bundledText(from) : undefined) ?? text;
    const e = effectOf(base, text, rows.rows);
    const baseName =
      savedText !== undefined ? t("เกณฑ์ที่บันทึกไว้", "Saved rules") : t(`เกณฑ์ปี ${from ?? ""}`, `${from ?? ""} rules`);
    const shown = (s: typeof e.before): string =>
      s.ok
        ? `${s.evaluation.total.published.toFixed(s.evaluation.rules.decimals)} ${t(s.evaluation.rating.label.th, s.evaluation.rating.label.en || s.evaluation.rating.label.th)}`
        : t(s.th, s.en);
    const table = h(
      "table",
      { class: "crit-table", id: "crit-effect-table" },
      h("caption", {}, t(`ผลต่อคะแนนของ ${rows.where}`, `Effect on ${rows.where}`)),
      h(
        "tbody",
        {},
        h("tr", {}, h("th", { scope: "row" }, baseName), h("td", { "data-testid": "effect-before" }, shown(e.before))),
        h(
          "tr",
          {},
          h("th", { scope: "row" }, t("เกณฑ์ที่แก้ไข", "Edited rules")),
          h("td", { "data-testid": "effect-after" }, shown(e.after)),
        ),
      ),
    );
    box.append(table);
    if (e.before.ok && e.after.ok) {
      const fmt = (v: number | undefined, d: number): string => (v === undefined ? "—" : v.toFixed(d));
      const d = e.after.evaluation.rules.decimals;
      box.append(
        e.indicators.length === 0
          ? h("p", { class: "crit-note" }, t("ไม่มีตัวชี้วัดที่คะแนนเปลี่ยน", "No indicator's score changes"))
          : h(
              "ul",
              { class: "crit-changes", "aria-label": t("ตัวชี้วัดที่คะแนนเปลี่ยน", "Indicators whose score changes") },
              ...e.indicators.map((c) =>
                h(
                  "li",
                  {},
                  `${t(`ตัวชี้วัดที่ ${c.id} ${c.th}`, `indicator ${c.id} ${c.en}`)}: ${fmt(c.before, d)} → ${fmt(c.after, d)}`,
                ),
              ),
            ),
      );
    }
    box.append(pick);
    return box;
  }

  const ready = (async () => {
    await draftWritesSettled();
    const current = await store.currentName();
    if (current && (await store.names()).includes(current)) await openRules(current);
    else render();
    rows = await findRows(ctx.port).catch(() => undefined);
    render();
  })().catch(fail);

  return {
    ready,
    destroy(): void {
      destroyed = true;
      root.remove();
    },
  };
}
