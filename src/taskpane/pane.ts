/**
 * The task pane shell: the header (name, language switch), three views as tabs —
 * "ประเมิน / Assess" (the wizard), "เกณฑ์ / Criteria" (the criteria as forms) and
 * "ข้อความเกณฑ์ / Rules text" (the rules editor; both rules views are loaded on first
 * use as their own chunks so CodeMirror never weighs on the custom functions) — and
 * one polite live region with a progress bar for long work. The two rules views
 * show the same rules: each is closed when left (keeping its draft) and opened
 * afresh from the workbook when shown. Switching language re-renders every view.
 */
import type { WorkbookPort } from "../workbook/port.js";
import type { Lang, PaneContext } from "./context.js";
import { h } from "./dom.js";
import { I18n } from "./i18n.js";
import { applyTheme } from "./theme.js";
import { Wizard, type Status } from "./wizard/wizard.js";

export interface PaneOptions {
  /** A note under the header, e.g. that this is the in-memory preview workbook. */
  readonly notice?: { readonly th: string; readonly en: string };
  readonly lang?: Lang;
}

export interface PaneHandle {
  readonly wizard: Wizard;
  readonly i18n: I18n;
  readonly ready: Promise<void>;
}

type ViewId = "assess" | "criteria" | "editor";

export function mountPane(root: HTMLElement, port: WorkbookPort, options: PaneOptions = {}): PaneHandle {
  const i18n = new I18n(options.lang);
  const t = (th: string, en: string): string => i18n.t(th, en);
  applyTheme(root);
  root.classList.add("ita-pane");

  const statusText = h("span", { class: "status-text" });
  const progress = h("progress", { hidden: true, "aria-label": "" });
  const statusLine = h("div", { class: "status", role: "status", "aria-live": "polite" }, progress, statusText);
  // A step's sticky actions sit just above the status line, however many lines the status takes.
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => root.style.setProperty("--status-height", `${statusLine.offsetHeight}px`)).observe(
      statusLine,
    );
  }
  const status: Status = {
    say: (th, en) => {
      statusText.dataset.busy = "false";
      statusText.textContent = t(th, en);
    },
    progress: (label, done, total) => {
      if (!label) {
        progress.hidden = true;
        progress.removeAttribute("value");
        if (statusText.dataset.busy === "true") statusText.textContent = "";
        statusText.dataset.busy = "false";
        return;
      }
      statusText.dataset.busy = "true";
      progress.hidden = false;
      progress.setAttribute("aria-label", t(label.th, label.en));
      if (done !== undefined && total) {
        progress.max = total;
        progress.value = done;
      } else progress.removeAttribute("value");
      statusText.textContent = `${t(label.th, label.en)}…`;
    },
  };

  const ctx: PaneContext = {
    port,
    lang: () => i18n.lang(),
    t,
    onRulesChanged: (name) => {
      void port.recalculate().catch(() => undefined);
      void wizard.rulesChanged(name);
    },
  };

  const assessPanel = h("div", { id: "view-assess", role: "tabpanel", "aria-labelledby": "tab-assess", class: "view" });
  const editorPanel = h("div", {
    id: "view-editor",
    role: "tabpanel",
    "aria-labelledby": "tab-editor",
    class: "view",
    hidden: true,
  });
  const criteriaPanel = h("div", {
    id: "view-criteria",
    role: "tabpanel",
    "aria-labelledby": "tab-criteria",
    class: "view",
    hidden: true,
  });
  const wizard = new Wizard(assessPanel, ctx, status);

  let view: ViewId = "assess";
  let editorLoaded = false;
  let destroyEditor = (): void => undefined;
  const tabs: Record<ViewId, HTMLButtonElement> = {
    assess: h("button", { type: "button", role: "tab", id: "tab-assess", "aria-controls": "view-assess" }),
    criteria: h("button", { type: "button", role: "tab", id: "tab-criteria", "aria-controls": "view-criteria" }),
    editor: h("button", { type: "button", role: "tab", id: "tab-editor", "aria-controls": "view-editor" }),
  };
  const order: ViewId[] = ["assess", "criteria", "editor"];

  let destroyCriteria: (() => void) | undefined;
  const loadCriteria = async (): Promise<void> => {
    if (destroyCriteria) return;
    destroyCriteria = () => undefined;
    try {
      const criteria = await import(/* webpackChunkName: "criteria" */ "./criteria/view.js");
      if (view !== "criteria") return void (destroyCriteria = undefined);
      destroyCriteria = criteria.mountCriteria(criteriaPanel, ctx).destroy;
    } catch (e) {
      destroyCriteria = undefined;
      const m = e instanceof Error ? e.message : String(e);
      criteriaPanel.replaceChildren(
        h(
          "p",
          { class: "message error", role: "alert" },
          t(`มุมมองเกณฑ์ยังใช้ไม่ได้: ${m}`, `The criteria view is not available yet: ${m}`),
        ),
      );
    }
  };

  const loadEditor = async (): Promise<void> => {
    if (editorLoaded) return;
    editorLoaded = true;
    editorPanel.replaceChildren(h("p", { class: "note" }, t("กำลังโหลดตัวแก้ไขเกณฑ์…", "Loading the rules editor…")));
    try {
      const editor = await import(/* webpackChunkName: "editor" */ "./editor/view.js");
      editorPanel.replaceChildren();
      const handle: unknown = editor.mountEditor(editorPanel, ctx);
      destroyEditor = () => (handle as { destroy?: () => void } | undefined)?.destroy?.();
    } catch (e) {
      editorLoaded = false;
      editorPanel.replaceChildren(
        h(
          "p",
          { class: "message error", role: "alert" },
          t(
            `ตัวแก้ไขเกณฑ์ยังใช้ไม่ได้: ${e instanceof Error ? e.message : String(e)}`,
            `The rules editor is not available yet: ${e instanceof Error ? e.message : String(e)}`,
          ),
        ),
      );
    }
  };

  const show = (next: ViewId, focus = false): void => {
    // Leaving a rules view closes it (its draft is kept), so the other opens on what was typed.
    if (view === "editor" && next !== "editor" && editorLoaded) {
      destroyEditor();
      editorLoaded = false;
    }
    if (view === "criteria" && next !== "criteria") {
      destroyCriteria?.();
      destroyCriteria = undefined;
    }
    view = next;
    for (const id of order) {
      const selected = id === view;
      tabs[id].setAttribute("aria-selected", String(selected));
      tabs[id].tabIndex = selected ? 0 : -1;
    }
    assessPanel.hidden = view !== "assess";
    editorPanel.hidden = view !== "editor";
    criteriaPanel.hidden = view !== "criteria";
    if (focus) tabs[view].focus();
    if (view === "editor") void loadEditor();
    if (view === "criteria") void loadCriteria();
  };
  for (const id of order) {
    tabs[id].addEventListener("click", () => show(id));
    // A tab list is one tab stop; arrows move between tabs (WAI-ARIA tabs pattern).
    tabs[id].addEventListener("keydown", (e) => {
      const k = e.key;
      if (k !== "ArrowLeft" && k !== "ArrowRight" && k !== "Home" && k !== "End") return;
      e.preventDefault();
      const i = order.indexOf(id);
      const j =
        k === "Home"
          ? 0
          : k === "End"
            ? order.length - 1
            : (i + (k === "ArrowRight" ? 1 : order.length - 1)) % order.length;
      show(order[j]!, true);
    });
  }

  const langButton = h("button", { type: "button", class: "lang", "data-key": "lang" });
  langButton.addEventListener("click", () => i18n.set(i18n.lang() === "th" ? "en" : "th"));
  const title = h("h1", {});
  const notice = h("p", { class: "notice" });

  const label = (): void => {
    const lang = i18n.lang();
    document.documentElement.lang = lang;
    root.lang = lang;
    title.textContent = "ITA Workbench";
    langButton.textContent = lang === "th" ? "English" : "ภาษาไทย";
    langButton.lang = lang === "th" ? "en" : "th";
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    langButton.setAttribute("aria-label", lang === "th" ? "English: switch to English" : "ภาษาไทย: เปลี่ยนเป็นภาษาไทย");
    tabs.assess.textContent = t("ประเมิน", "Assess");
    tabs.criteria.textContent = t("เกณฑ์", "Criteria");
    tabs.editor.textContent = t("ข้อความเกณฑ์", "Rules text");
    notice.textContent = options.notice ? t(options.notice.th, options.notice.en) : "";
    notice.hidden = !options.notice;
  };

  root.replaceChildren(
    h(
      "header",
      { class: "pane-header" },
      h("div", { class: "title-row" }, title, langButton),
      notice,
      h(
        "div",
        { role: "tablist", class: "tabs", "aria-label": "ITA Workbench" },
        tabs.assess,
        tabs.criteria,
        tabs.editor,
      ),
    ),
    h("main", { class: "pane-main" }, assessPanel, criteriaPanel, editorPanel),
    statusLine,
  );
  label();
  show("assess");
  i18n.onChange(() => {
    label();
    wizard.render();
    if (editorLoaded) {
      // The editor renders its text from ctx.t; remount it in the new language.
      destroyEditor();
      editorLoaded = false;
      if (view === "editor") void loadEditor();
    }
    if (destroyCriteria) {
      destroyCriteria();
      destroyCriteria = undefined;
      if (view === "criteria") void loadCriteria();
    }
  });
  const ready = wizard.start();
  return { wizard, i18n, ready };
}
