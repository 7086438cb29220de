/**
 * The rules editor view of the task pane ("แก้ไขเกณฑ์ / Edit rules"), loaded lazily
 * by the pane so CodeMirror never weighs on the custom functions: a name, the
 * buttons to start from a bundled year, import, export and save, the CodeMirror
 * editor, the list of problems (each jumps to its place), what changed against the
 * year the rules came from, the last saved text or the version saved before it, with
 * the effect on this workbook's result, the saved versions to restore, and deleting
 * the rules (after a confirmation in the pane: add-ins cannot use window.confirm). Every keystroke is kept as a draft in the workbook
 * (errors and all); only a save without errors reaches the custom functions.
 * All text is set with textContent: rules text is never parsed as HTML.
 */
import { completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { EditorState } from "@codemirror/state";
import { lintKeymap } from "@codemirror/lint";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { type RulesResult, formatFixed } from "../../dsl/index.js";
import { bundledText, bundledYears, latestYear, diffRules } from "../../engine/index.js";
import type { PaneContext } from "../context.js";
import { draftWritesSettled, trackDraftWrite } from "../draft-writes.js";
import { copyYear } from "../../workbook/copy-year.js";
import {
  downloadRules,
  nameProblem,
  readRulesFile,
  RulesStore,
  type SavedVersion,
} from "../../workbook/rules-store.js";
import { findRows, outcome, rowsFromSelection, type FoundRows, type Outcome } from "./effect.js";
import { checked, lexerHighlighting, rulesCompletion, rulesLinter, rulesTheme } from "./extensions.js";
import { diagnosticRange } from "./spans.js";

/** What the pane gives its views: the port, the language, and a way to say saved rules changed. */
export type EditorContext = PaneContext;

export interface EditorHandle {
  readonly view: EditorView;
  /** Settles once the last opened rules are loaded. */
  readonly ready: Promise<void>;
  destroy(): void;
}

const STYLE_ID = "ita-editor-style";
const CSS = `
.ita-editor { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.ita-editor h2 { font-size: 16px; margin: 0; }
.ita-editor h3 { font-size: 14px; margin: 4px 0; }
.ita-editor label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
.ita-editor input[type=text], .ita-editor select { font: inherit; font-size: 13px; padding: 4px; min-width: 0; }
.ita-editor .ita-fields { display: flex; flex-wrap: wrap; gap: 8px; }
.ita-editor .ita-fields > label { flex: 1 1 130px; }
.ita-editor .ita-toolbar { display: flex; flex-wrap: wrap; gap: 6px; }
.ita-editor button { font: inherit; font-size: 12px; padding: 4px 8px; min-height: 28px; cursor: pointer; }
.ita-editor button.ita-primary { background: #0f6cbd; color: #fff; border: 1px solid #0f6cbd; border-radius: 2px; }
.ita-editor button:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
.ita-editor .ita-status { font-size: 12px; margin: 0; min-height: 1.2em; }
.ita-editor .ita-status[data-kind=error] { color: #a4262c; }
.ita-editor .ita-status[data-kind=ok] { color: #0b6a0b; }
.ita-editor .ita-problems ul, .ita-editor .ita-diff ul, .ita-editor .ita-versions ul { list-style: none; padding: 0; margin: 0; }
.ita-editor .ita-problems button { text-align: left; width: 100%; background: none; border: 0; border-left: 3px solid #a4262c;
  padding: 4px 6px; margin: 2px 0; white-space: normal; }
.ita-editor .ita-problems button[data-severity=warning] { border-left-color: #8a6d00; }
.ita-editor .ita-problems .ita-where { font-weight: 600; display: block; }
.ita-editor .ita-diff li, .ita-editor .ita-versions li { font-size: 12px; padding: 2px 0; border-bottom: 1px solid #edebe9; }
.ita-editor .ita-diff li[data-kind=added]::before { content: "+ "; color: #0b6a0b; font-weight: 600; }
.ita-editor .ita-diff li[data-kind=removed]::before { content: "− "; color: #a4262c; font-weight: 600; }
.ita-editor .ita-diff li[data-kind=changed]::before { content: "~ "; color: #0037a8; font-weight: 600; }
.ita-editor .ita-en { color: #424242; display: block; }
.ita-editor .ita-effect { font-size: 12px; border-collapse: collapse; width: 100%; }
.ita-editor .ita-effect th, .ita-editor .ita-effect td { text-align: left; padding: 2px 4px; border-bottom: 1px solid #edebe9; }
.ita-editor details > summary { cursor: pointer; font-size: 13px; font-weight: 600; }
.ita-editor .ita-confirm { border: 1px solid #a4262c; padding: 6px 8px; font-size: 12px; }
.ita-editor .ita-confirm p { margin: 0 0 6px; }
.ita-editor button.ita-danger { background: #a4262c; color: #fff; border: 1px solid #a4262c; border-radius: 2px; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<"className" | "textContent" | "id" | "type" | "lang", string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

/** Thai line, English line under it: the pane's convention for longer texts. */
function bilingual(th: string, en: string): HTMLElement {
  return el(
    "span",
    {},
    el("span", { lang: "th", textContent: th }),
    el("span", { className: "ita-en", lang: "en", textContent: en }),
  );
}

function nextYear(year: string): string {
  return String(Number(year) + 1);
}

const SAVED = "saved";
const PREVIOUS = "previous";

/** The editor mounted in a container, so mounting again (the pane does on a language switch) replaces it cleanly. */
const mounted = new WeakMap<HTMLElement, EditorHandle>();

export function mountEditor(container: HTMLElement, ctx: EditorContext): EditorHandle {
  mounted.get(container)?.destroy();
  if (!document.getElementById(STYLE_ID)) {
    const style = el("style", { id: STYLE_ID, textContent: CSS });
    document.head.append(style);
  }
  const store = new RulesStore(ctx.port);
  const t = ctx.t.bind(ctx);
  const latest = latestYear();

  // State of the open rules.
  let name = "";
  let from: string | undefined;
  let savedText: string | undefined;
  let storedDraft: string | undefined;
  let rows: FoundRows | undefined;
  let lastResult: RulesResult | undefined;
  /** The version saved before the current saved text, for "what changed". */
  let previousText: string | undefined;

  const root = el("section", { className: "ita-editor" });
  root.setAttribute("aria-label", t("แก้ไขเกณฑ์", "Edit rules"));
  const title = el("h2", { textContent: t("แก้ไขเกณฑ์", "Edit rules") });

  const nameInput = el("input", { type: "text", id: "ita-rules-name" });
  nameInput.autocomplete = "off";
  const openSelect = el("select", { id: "ita-rules-open" });
  const fields = el(
    "div",
    { className: "ita-fields" },
    el("label", {}, t("ชื่อเกณฑ์", "Rules name"), nameInput),
    el("label", {}, t("เปิดเกณฑ์ที่เก็บไว้", "Open kept rules"), openSelect),
  );

  const copyButton = el("button", {
    type: "button",
    textContent: t(`คัดลอก ${latest} เป็น ${nextYear(latest)}`, `Copy ${latest} as ${nextYear(latest)}`),
  });
  const importButton = el("button", { type: "button", textContent: t("นำเข้าไฟล์ .ita", "Import .ita") });
  const exportButton = el("button", { type: "button", textContent: t("ส่งออกไฟล์ .ita", "Export .ita") });
  const saveButton = el("button", { type: "button", className: "ita-primary", textContent: t("บันทึก", "Save") });
  const deleteButton = el("button", {
    type: "button",
    id: "ita-rules-delete",
    textContent: t("ลบเกณฑ์นี้", "Delete these rules"),
  });
  saveButton.setAttribute("aria-keyshortcuts", "Control+S");
  const fileInput = el("input", { type: "file" });
  fileInput.accept = ".ita,text/plain";
  fileInput.hidden = true;
  const toolbar = el(
    "div",
    { className: "ita-toolbar" },
    copyButton,
    importButton,
    exportButton,
    saveButton,
    deleteButton,
    fileInput,
  );
  const confirmText = el("p", { id: "ita-delete-question" });
  const confirmDelete = el("button", { type: "button", className: "ita-danger", textContent: t("ลบ", "Delete") });
  const cancelDelete = el("button", { type: "button", textContent: t("ไม่ลบ", "Keep them") });
  const confirmBox = el(
    "div",
    { className: "ita-confirm" },
    confirmText,
    el("div", { className: "ita-toolbar" }, confirmDelete, cancelDelete),
  );
  confirmBox.setAttribute("role", "alertdialog");
  confirmBox.setAttribute("aria-labelledby", "ita-delete-question");
  confirmBox.hidden = true;

  const status = el("p", { className: "ita-status" });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const draftNote = el("p", { className: "ita-status" });

  const editorHost = el("div", { className: "ita-editor-host" });

  const problemsHeading = el("h3", { id: "ita-problems-heading" });
  const problemsList = el("ul");
  const problems = el("section", { className: "ita-problems" }, problemsHeading, problemsList);
  problems.setAttribute("aria-labelledby", "ita-problems-heading");

  /** What "what changed" compares with: a bundled year (value = the year), the saved text, or the version before it. */
  const baseSelect = el("select", { id: "ita-diff-base" });
  const diffBody = el("div");
  const effectBody = el("div");
  const selectionButton = el("button", {
    type: "button",
    textContent: t("ใช้ตารางคะแนนที่เลือกไว้", "Use the selected score table"),
  });
  const diff = el(
    "details",
    { className: "ita-diff" },
    el("summary", { textContent: t("สิ่งที่เปลี่ยนและผลต่อคะแนน", "What changed and its effect") }),
    el("label", {}, t("เทียบกับ", "Compare with"), baseSelect),
    el("h3", { textContent: t("ผลต่อคะแนนของสมุดงานนี้", "Effect on this workbook's result") }),
    effectBody,
    selectionButton,
    el("h3", { textContent: t("สิ่งที่เปลี่ยน", "Changes") }),
    diffBody,
  );
  diff.open = true;

  const versionsList = el("ul");
  const versions = el(
    "details",
    { className: "ita-versions" },
    el("summary", { textContent: t("ฉบับที่เคยบันทึก", "Saved versions") }),
    versionsList,
  );

  root.append(title, fields, toolbar, confirmBox, status, draftNote, editorHost, problems, diff, versions);
  container.replaceChildren(root);

  function say(kind: "ok" | "error" | "info", th: string, en: string): void {
    status.dataset["kind"] = kind;
    status.textContent = t(th, en);
  }

  function fail(e: unknown): void {
    const m = e instanceof Error ? e.message : String(e);
    say("error", `ทำรายการไม่สำเร็จ: ${m}`, m);
  }

  // --- the editor -----------------------------------------------------------

  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  function keepDraft(text: string): void {
    if (!name) {
      draftNote.textContent = t("ตั้งชื่อเกณฑ์เพื่อเก็บฉบับร่างในสมุดงาน", "Name the rules to keep a draft in the workbook");
      return;
    }
    const unsaved = text !== (savedText ?? "");
    draftNote.textContent = unsaved
      ? t("ฉบับร่าง: ยังไม่ได้บันทึก จึงยังไม่ใช้คำนวณ", "Draft: not saved, so not used for scoring")
      : t("ตรงกับฉบับที่บันทึกแล้ว", "Same as the saved rules");
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = setTimeout(() => flushDraft(text), 200);
  }

  /** Write the draft now (also when the pane closes or the page goes away: no edit is lost). */
  function flushDraft(text: string): void {
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = undefined;
    if (!name || text === storedDraft || (storedDraft === undefined && text === (savedText ?? ""))) return;
    const unsaved = text !== (savedText ?? "");
    const write = unsaved ? store.saveDraft(name, text, from) : store.discardDraft(name);
    storedDraft = unsaved ? text : undefined;
    void trackDraftWrite(write.catch(fail));
  }

  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: "",
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        lexerHighlighting,
        rulesLinter(onChecked),
        rulesCompletion,
        rulesTheme,
        keymap.of([
          { key: "Mod-s", run: () => (void save().catch(fail), true), preventDefault: true },
          ...completionKeymap,
          ...lintKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.contentAttributes.of({
          "aria-label": t("ข้อความเกณฑ์ (กด Esc แล้ว Tab เพื่อออก)", "Rules text (Esc then Tab to leave)"),
          lang: "th",
          // Focusable in the tab order for assistive technology that does not count contenteditable.
          tabindex: "0",
        }),
      ],
    }),
  });

  function setText(text: string): void {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }

  // --- problems, diff and effect, after every check --------------------------

  function onChecked(text: string, result: RulesResult): void {
    lastResult = result;
    renderProblems(text, result);
    renderDiff(result);
    keepDraft(text);
  }

  function renderProblems(text: string, result: RulesResult): void {
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = result.diagnostics.length - errors;
    problemsHeading.textContent =
      result.diagnostics.length === 0
        ? t("ไม่พบปัญหา", "No problems")
        : t(`ปัญหา: ผิดพลาด ${errors} เตือน ${warnings}`, `Problems: ${errors} error(s), ${warnings} warning(s)`);
    problemsList.replaceChildren(
      ...result.diagnostics.map((d) => {
        const r = diagnosticRange(text, d);
        const b = el(
          "button",
          { type: "button" },
          el("span", {
            className: "ita-where",
            textContent: `${d.severity === "error" ? "✖" : "⚠"} ${t(`บรรทัด ${r.line} คอลัมน์ ${r.column}`, `line ${r.line} column ${r.column}`)} · ${d.code}`,
          }),
          bilingual(d.th, d.en),
        );
        b.dataset["severity"] = d.severity;
        b.addEventListener("click", () => {
          // Jump by the diagnostic's own offsets (the text may have changed since: clamp).
          const end = view.state.doc.length;
          view.dispatch({
            selection: { anchor: Math.min(r.from, end), head: Math.min(r.to, end) },
            scrollIntoView: true,
          });
          view.focus();
        });
        return el("li", {}, b);
      }),
    );
  }

  /** The text "what changed" compares with, and how to name it. */
  function baseOf(): { text?: string; th: string; en: string } {
    const v = baseSelect.value;
    if (v === SAVED) return { text: savedText, th: "ฉบับที่บันทึกล่าสุด", en: "the last saved version" };
    if (v === PREVIOUS) return { text: previousText, th: "ฉบับที่บันทึกก่อนหน้า", en: "the version saved before" };
    return { text: bundledText(v), th: `เกณฑ์ปี ${v}`, en: `the ${v} rules` };
  }

  function renderDiff(result: RulesResult): void {
    const base = baseOf();
    const baseModel = base.text !== undefined ? checked(base.text).model : undefined;
    if (!result.model || !baseModel) {
      diffBody.replaceChildren(t("แก้ข้อผิดพลาดก่อน จึงจะเทียบได้", "Fix the errors to see what changed"));
    } else {
      const d = diffRules(baseModel, result.model);
      diffBody.replaceChildren(
        ...(d.groups.length === 0
          ? [t(`เหมือน${base.th}ทุกประการ`, `Identical to ${base.en}`)]
          : d.groups.map((g) =>
              el(
                "details",
                {},
                el("summary", { textContent: `${t(g.th, g.en)} (${g.changes.length})` }),
                el(
                  "ul",
                  {},
                  ...g.changes.map((c) => {
                    const li = el("li", { textContent: t(c.th, c.en) });
                    li.dataset["kind"] = c.kind;
                    return li;
                  }),
                ),
              ),
            )),
      );
      // Small groups open; a year's wholesale rewording stays folded until asked for.
      for (const g of diffBody.querySelectorAll("details")) g.open = g.querySelectorAll("li").length <= 12;
    }
    renderEffect();
  }

  function show(o: Outcome): string {
    return o.ok ? `${formatFixed(o.total, o.decimals)} ${t(o.rating, o.ratingEn || o.rating)}` : o.why;
  }

  function renderEffect(): void {
    if (!rows) {
      effectBody.replaceChildren(
        t(
          "ไม่พบตารางคะแนน (หัวตาราง แบบวัด/ข้อ/คะแนน) ในสมุดงาน: เลือกตารางแล้วกดปุ่มด้านล่าง",
          "No score table (headers tool/question/score) found: select one and press the button below",
        ),
      );
      return;
    }
    const text = view.state.doc.toString();
    const base = baseOf();
    const e = {
      before: base.text !== undefined ? outcome(base.text, rows.rows) : { ok: false as const, why: "—" },
      after: outcome(text, rows.rows),
    };
    const table = el(
      "table",
      { className: "ita-effect" },
      el("caption", { textContent: t(`จาก ${rows.where}`, `from ${rows.where}`) }),
      el(
        "tbody",
        {},
        el("tr", {}, el("th", { textContent: t(base.th, base.en) }), el("td", { textContent: show(e.before) })),
        el(
          "tr",
          {},
          el("th", { textContent: t("เกณฑ์ที่แก้ไข", "Edited rules") }),
          el("td", { textContent: show(e.after) }),
        ),
      ),
    );
    table.dataset["before"] = e.before.ok ? String(e.before.total) : "";
    table.dataset["after"] = e.after.ok ? String(e.after.total) : "";
    effectBody.replaceChildren(table);
  }

  // --- opening, copying, importing, saving ------------------------------------

  async function refreshNames(): Promise<void> {
    const names = await store.names();
    openSelect.replaceChildren(
      el("option", { textContent: t("— เลือก —", "— choose —") }),
      ...names.map((n) => {
        const o = el("option", { textContent: n });
        o.value = n;
        o.selected = n === name;
        return o;
      }),
    );
    openSelect.options[0]!.value = "";
  }

  async function refreshVersions(): Promise<void> {
    const list: SavedVersion[] = name ? await store.versions(name) : [];
    previousText = list[0]?.text;
    refreshBases();
    versionsList.replaceChildren(
      ...(list.length === 0
        ? [el("li", { textContent: t("ยังไม่มีฉบับก่อนหน้า", "No earlier version yet") })]
        : list.map((v, i) => {
            const restore = el("button", { type: "button", textContent: t("เรียกคืน", "Restore") });
            restore.addEventListener("click", () => void restoreVersion(i).catch(fail));
            const when = new Date(v.savedAt).toLocaleString(ctx.lang() === "th" ? "th-TH" : "en-GB");
            const lines = v.text.split("\n").length;
            return el("li", {}, `${when} · ${t(`${lines} บรรทัด`, `${lines} lines`)} `, restore);
          })),
    );
  }

  /** The bundled years, then the saved text and the version before it when there are such. */
  function refreshBases(): void {
    const keep = baseSelect.value;
    const option = (value: string, label: string): HTMLOptionElement => {
      const o = el("option", { textContent: label });
      o.value = value;
      return o;
    };
    baseSelect.replaceChildren(
      ...bundledYears().map((y) => option(y, t(`เกณฑ์ปี ${y}`, `the ${y} rules`))),
      ...(savedText !== undefined ? [option(SAVED, t("ฉบับที่บันทึกล่าสุด", "the last saved version"))] : []),
      ...(previousText !== undefined ? [option(PREVIOUS, t("ฉบับที่บันทึกก่อนหน้า", "the version saved before"))] : []),
    );
    if ([...baseSelect.options].some((o) => o.value === keep)) baseSelect.value = keep;
  }

  function useBase(year: string | undefined): void {
    refreshBases();
    const y = year && bundledText(year) !== undefined ? year : latest;
    baseSelect.value = y;
  }

  async function open(target: string): Promise<void> {
    flushDraft(view.state.doc.toString()); // what was typed under the old name stays there
    const stored = await store.load(target);
    name = stored.name;
    nameInput.value = name;
    savedText = stored.saved;
    storedDraft = stored.draft?.text;
    from = stored.draft?.from ?? stored.info.from;
    useBase(from);
    setText(stored.draft?.text ?? stored.saved ?? "");
    await store.setCurrentName(name);
    await Promise.all([refreshNames(), refreshVersions()]);
    if (stored.draft && stored.saved !== undefined && stored.draft.text !== stored.saved) {
      say("info", "เปิดฉบับร่างที่ยังไม่ได้บันทึก", "opened the unsaved draft");
    } else say("info", `เปิดเกณฑ์ ${name}`, `opened rules ${name}`);
  }

  async function startCopy(): Promise<void> {
    const target = nextYear(latest);
    if ((await store.names()).includes(target)) {
      await open(target);
      say(
        "info",
        `มีเกณฑ์ ${target} อยู่แล้ว จึงเปิดให้แทนการคัดลอกทับ`,
        `rules ${target} already exist; opened them instead of copying over`,
      );
      return;
    }
    const text = copyYear(latest, target);
    if (text === undefined) return;
    flushDraft(view.state.doc.toString());
    name = target;
    nameInput.value = target;
    from = latest;
    savedText = undefined;
    storedDraft = undefined;
    useBase(latest);
    setText(text);
    await store.saveDraft(name, text, from);
    storedDraft = text;
    await store.setCurrentName(name);
    await Promise.all([refreshNames(), refreshVersions()]);
    say("ok", `คัดลอกเกณฑ์ ${latest} เป็น ${target} แล้ว (ฉบับร่าง)`, `copied the ${latest} rules as ${target} (draft)`);
  }

  async function importFile(file: File): Promise<void> {
    const text = await readRulesFile(file);
    let target = file.name.replace(/\.ita$/i, "").trim() || "นำเข้า";
    const taken = await store.names();
    if (nameProblem(target) || taken.includes(target)) target = `${target} (นำเข้า)`;
    flushDraft(view.state.doc.toString());
    name = target;
    nameInput.value = target;
    savedText = undefined;
    from = undefined;
    const y = checked(text).model?.year;
    useBase(y !== undefined ? String(y - 1) : undefined);
    setText(text);
    await store.saveDraft(name, text);
    storedDraft = text;
    await store.setCurrentName(name);
    await Promise.all([refreshNames(), refreshVersions()]);
    say("ok", `นำเข้า ${file.name} เป็นฉบับร่าง "${target}"`, `imported ${file.name} as the draft "${target}"`);
  }

  async function save(): Promise<void> {
    const text = view.state.doc.toString();
    if (!name) {
      say("error", "ตั้งชื่อเกณฑ์ก่อนบันทึก", "name the rules before saving");
      nameInput.focus();
      return;
    }
    const r = await store.save(name, text, from);
    if (!r.ok) {
      // The text stays as a draft; the problems list says where to look.
      await store.saveDraft(name, text, from);
      storedDraft = text;
      say("error", r.th, r.en);
      return;
    }
    savedText = text;
    storedDraft = undefined;
    keepDraft(text);
    ctx.onRulesChanged(name);
    await Promise.all([refreshNames(), refreshVersions()]);
    say(
      "ok",
      `บันทึกเกณฑ์ ${name} แล้ว สูตร ITA ที่ใช้เกณฑ์ ${name} คำนวณใหม่แล้ว`,
      `saved rules ${name}; the ITA formulas using ${name} recalculated`,
    );
  }

  async function restoreVersion(index: number): Promise<void> {
    const r = await store.restore(name, index);
    if (!r.ok) return say("error", r.th, r.en);
    ctx.onRulesChanged(name);
    await open(name);
    say("ok", "เรียกคืนฉบับที่บันทึกไว้แล้ว", "restored the saved version");
  }

  function askDelete(): void {
    if (!name) return;
    confirmText.textContent = t(
      `ลบเกณฑ์ "${name}" ทั้งฉบับที่บันทึก ฉบับร่าง และฉบับก่อนหน้าออกจากสมุดงานนี้? สูตร =ITA.*(…, "${name}") จะแสดง #N/A`,
      `Delete the rules "${name}" (saved text, draft and earlier versions) from this workbook? =ITA.*(…, "${name}") formulas will show #N/A`,
    );
    confirmBox.hidden = false;
    cancelDelete.focus();
  }

  function closeConfirm(): void {
    confirmBox.hidden = true;
    deleteButton.focus();
  }

  async function deleteRules(): Promise<void> {
    const gone = name;
    confirmBox.hidden = true;
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = undefined;
    await draftWritesSettled();
    await store.remove(gone);
    name = "";
    nameInput.value = "";
    savedText = undefined;
    storedDraft = undefined;
    previousText = undefined;
    from = undefined;
    setText("");
    ctx.onRulesChanged(gone);
    await Promise.all([refreshNames(), refreshVersions()]);
    useBase(latest);
    say("ok", `ลบเกณฑ์ ${gone} แล้ว`, `deleted the rules ${gone}`);
    deleteButton.focus();
  }

  async function rename(): Promise<void> {
    const target = nameInput.value.trim();
    if (target === name) return;
    const problem = nameProblem(target);
    if (problem) {
      say("error", problem.th, problem.en);
      nameInput.value = name;
      return;
    }
    if ((await store.names()).includes(target)) return open(target);
    // Save-as: the text goes on under the new name; the old name keeps what it had.
    flushDraft(view.state.doc.toString());
    name = target;
    savedText = undefined;
    storedDraft = undefined;
    await store.setCurrentName(name);
    keepDraft(view.state.doc.toString());
    await Promise.all([refreshNames(), refreshVersions()]);
  }

  const run = (f: () => Promise<void>) => () => void f().catch(fail);
  copyButton.addEventListener("click", run(startCopy));
  importButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener(
    "change",
    run(async () => {
      const file = fileInput.files?.[0];
      fileInput.value = "";
      if (file) await importFile(file);
    }),
  );
  exportButton.addEventListener("click", () => downloadRules(name || "rules", view.state.doc.toString()));
  saveButton.addEventListener("click", run(save));
  deleteButton.addEventListener("click", () => {
    if (!name) return say("error", "ยังไม่ได้เปิดเกณฑ์ที่จะลบ", "no rules are open to delete");
    askDelete();
  });
  confirmDelete.addEventListener("click", run(deleteRules));
  cancelDelete.addEventListener("click", closeConfirm);
  confirmBox.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeConfirm();
  });
  nameInput.addEventListener("change", run(rename));
  openSelect.addEventListener(
    "change",
    run(async () => {
      if (openSelect.value) await open(openSelect.value);
    }),
  );
  baseSelect.addEventListener("change", () => lastResult && renderDiff(lastResult));
  selectionButton.addEventListener(
    "click",
    run(async () => {
      const found = await rowsFromSelection(ctx.port);
      if ("rows" in found) {
        rows = found;
        renderEffect();
      } else say("error", found.th, found.en);
    }),
  );

  const onPageHide = (): void => flushDraft(view.state.doc.toString());
  window.addEventListener("pagehide", onPageHide);

  const ready = (async () => {
    await draftWritesSettled(); // a draft the criteria view or a closed editor is still writing
    useBase(latest);
    const current = await store.currentName();
    if (current && (await store.names()).includes(current)) await open(current);
    else {
      await refreshNames();
      await refreshVersions();
      say(
        "info",
        `เริ่มจากปุ่ม "คัดลอก ${latest} เป็น ${nextYear(latest)}" หรือนำเข้าไฟล์ .ita`,
        `start with "Copy ${latest} as ${nextYear(latest)}" or import a .ita file`,
      );
    }
    rows = await findRows(ctx.port).catch(() => undefined);
    renderEffect();
  })().catch(fail);

  const handle: EditorHandle = {
    view,
    ready,
    destroy(): void {
      flushDraft(view.state.doc.toString());
      window.removeEventListener("pagehide", onPageHide);
      view.destroy();
      root.remove();
      if (mounted.get(container) === handle) mounted.delete(container);
    },
  };
  mounted.set(container, handle);
  return handle;
}
