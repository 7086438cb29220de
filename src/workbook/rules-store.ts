/**
 * Rules the staff edit, kept in the workbook so they travel with the file. This module
 * owns every setting key about rules; saving, drafts, history, deleting, the workbook's
 * choice of rules and the custom functions' registry all go through it, and the name
 * check is the registry's one `nameProblem`.
 *
 * Where things are kept. Settings are loaded whole when the add-in starts and Excel on
 * the web caps a request at 5 MB, while one year's rules text is about 140 KB; so texts
 * live where size is not a problem (custom XML parts, through the port's `writeText`),
 * and settings hold only a small index per name:
 *
 * - `ITA.rules-ref:<name>`: JSON `Ref`: the ids of the saved text, the draft and up to
 *   five earlier versions, the bundled year the rules came from, when they were saved.
 *   Budget: under 1 KB per name, so 10 rules sets × 5 versions keep settings under 16 KB
 *   and start-up reads names and ids, no rules text (a text is read when used).
 * - `ITA.rules-text:<id>`: a text in settings, only where the workbook cannot hold custom
 *   XML parts (Excel without ExcelApi 1.5).
 * - `ITA.editor:current`, `ITA.choice.rules`: the rules the editor had open, and the rules
 *   the wizard scores with.
 * - Older workbooks: `ITA.rules:<name>` (saved text), `ITA.draft:<name>`,
 *   `ITA.rules-history:<name>`, `ITA.rules-info:<name>`. They are read as they are and
 *   moved to the layout above the first time the name is written.
 *
 * Saving refuses text with errors, registers it with the custom functions and asks the
 * workbook to recalculate. Drafts keep what is typed, errors and all; never scored.
 * Import and export of `.ita` files stay on the machine: a browser file input and a
 * download through a Blob URL; nothing is sent anywhere.
 *
 * The task pane reads this module at start-up, so it holds no parser: saving loads the
 * parser chunk (which also hands it to the custom functions), and names registered at
 * start-up are compiled by the functions, which load the parser when first asked.
 */
import type { Diagnostic } from "../dsl/runtime.js";
import type * as Dsl from "../dsl/index.js";
import {
  nameProblem,
  onWorkbookRulesLoaded,
  registerWorkbookRules,
  registerWorkbookRulesLazily,
  unregisterWorkbookRules,
  wasAskedFor,
} from "../functions/rules.js";
import type { WorkbookPort } from "./port.js";

export { nameProblem };

const REF_PREFIX = "ITA.rules-ref:";
const TEXT_PREFIX = "ITA.rules-text:";
const CURRENT_KEY = "ITA.editor:current";
const CHOICE_RULES = "ITA.choice.rules";
/** Keys of workbooks saved before the index: read, and migrated on the first write. */
const RULES_PREFIX = "ITA.rules:";
const DRAFT_PREFIX = "ITA.draft:";
const HISTORY_PREFIX = "ITA.rules-history:";
const INFO_PREFIX = "ITA.rules-info:";

/** Saved versions kept per name besides the current one. */
const MAX_VERSIONS = 5;

export interface Draft {
  readonly text: string;
  /** The bundled year it was copied from, if any. */
  readonly from?: string;
  /** ISO time of the last keystroke written. */
  readonly updated: string;
}

export interface SavedVersion {
  readonly text: string;
  readonly savedAt: string;
}

export interface RulesInfo {
  readonly from?: string;
  readonly savedAt?: string;
}

export interface StoredRules {
  readonly name: string;
  readonly saved?: string;
  readonly draft?: Draft;
  readonly info: RulesInfo;
}

export type SaveResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly th: string;
      readonly en: string;
      /** The errors that kept the text from being saved (empty when the name was the problem). */
      readonly diagnostics: readonly Diagnostic[];
    };

export interface RulesStoreOptions {
  /** Registers saved rules with the custom functions; the real registry unless a test replaces it. */
  readonly register?: (name: string, text: string) => void;
  readonly now?: () => Date;
}

/** One name's index: where its texts are, and what is known about them. */
interface Ref {
  saved?: string;
  savedAt?: string;
  from?: string;
  draft?: { id: string; from?: string; updated: string };
  history: { id: string; savedAt: string }[];
}

/** Texts kept in settings (no custom XML parts) have ids of this form. */
const SETTING_ID = "setting:";

/**
 * The rules parser, loaded on first use (its chunk holds chevrotain): register-rules
 * hands it to the custom functions as it loads, so text saved here scores at once.
 */
async function loadParser(): Promise<typeof Dsl> {
  const [parser] = await Promise.all([
    import(/* webpackChunkName: "rules-parser" */ "../dsl/index.js"),
    import(/* webpackChunkName: "rules-parser" */ "../functions/register-rules.js"),
  ]);
  return parser;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // a hand-edited or truncated setting: treat as absent rather than fail the pane
  }
}

function parseRef(text: string | undefined): Ref | undefined {
  const r = parseJson<Partial<Ref>>(text);
  if (!r || typeof r !== "object") return undefined;
  return { ...r, history: Array.isArray(r.history) ? r.history.filter((h) => typeof h?.id === "string") : [] };
}

const nameOf = (key: string, prefix: string): string => key.slice(prefix.length);
const keyOf = (name: string): string => name.trim();
let textCounter = 0;

export class RulesStore {
  private readonly register: (name: string, text: string) => void;
  private readonly now: () => Date;

  constructor(
    private readonly port: WorkbookPort,
    options: RulesStoreOptions = {},
  ) {
    this.register = options.register ?? registerWorkbookRules;
    this.now = options.now ?? (() => new Date());
  }

  // ---- texts, wherever they are kept ----

  private async putText(text: string, replaces: readonly (string | undefined)[] = []): Promise<string> {
    const old = replaces.filter((id): id is string => id !== undefined);
    const inSettings = old.filter((id) => id.startsWith(SETTING_ID));
    const parts = old.filter((id) => !id.startsWith(SETTING_ID));
    let id: string;
    if (this.port.supportsTexts()) {
      id = await this.port.writeText(text, parts);
      if (inSettings.length > 0) await this.port.setSettings(this.settingRemovals(inSettings));
    } else {
      id = `${SETTING_ID}${Date.now().toString(36)}-${(textCounter++).toString(36)}`;
      await this.port.setSettings({ [TEXT_PREFIX + id]: text, ...this.settingRemovals(inSettings) });
    }
    return id;
  }

  private settingRemovals(ids: readonly string[]): Record<string, undefined> {
    return Object.fromEntries(ids.map((id) => [TEXT_PREFIX + id, undefined]));
  }

  private async readTexts(ids: readonly string[]): Promise<(string | undefined)[]> {
    const parts = ids.filter((id) => !id.startsWith(SETTING_ID));
    const fromParts = parts.length > 0 ? await this.port.readTexts(parts) : [];
    const partText = new Map(parts.map((id, i) => [id, fromParts[i]]));
    const inSettings = ids.filter((id) => id.startsWith(SETTING_ID));
    const fromSettings = await Promise.all(inSettings.map((id) => this.port.getSetting(TEXT_PREFIX + id)));
    const settingText = new Map(inSettings.map((id, i) => [id, fromSettings[i]]));
    return ids.map((id) => (id.startsWith(SETTING_ID) ? settingText.get(id) : partText.get(id)));
  }

  private async dropTexts(ids: readonly (string | undefined)[]): Promise<void> {
    const all = ids.filter((id): id is string => id !== undefined);
    const parts = all.filter((id) => !id.startsWith(SETTING_ID));
    const inSettings = all.filter((id) => id.startsWith(SETTING_ID));
    if (parts.length > 0 && this.port.supportsTexts()) await this.port.deleteTexts(parts);
    if (inSettings.length > 0) await this.port.setSettings(this.settingRemovals(inSettings));
  }

  // ---- the index ----

  /** The name's index, moving an older workbook's settings into it first. */
  private async ref(key: string): Promise<Ref> {
    const current = parseRef(await this.port.getSetting(REF_PREFIX + key));
    if (current) return current;
    const [saved, draftText, historyText, infoText] = await Promise.all([
      this.port.getSetting(RULES_PREFIX + key),
      this.port.getSetting(DRAFT_PREFIX + key),
      this.port.getSetting(HISTORY_PREFIX + key),
      this.port.getSetting(INFO_PREFIX + key),
    ]);
    const ref: Ref = { history: [] };
    if (saved === undefined && draftText === undefined && historyText === undefined) return ref;
    const info = parseJson<RulesInfo>(infoText) ?? {};
    const draft = parseJson<Draft>(draftText);
    const history = parseJson<SavedVersion[]>(historyText);
    if (info.from) ref.from = info.from;
    if (info.savedAt) ref.savedAt = info.savedAt;
    if (saved !== undefined) ref.saved = await this.putText(saved);
    if (draft && typeof draft.text === "string") {
      ref.draft = {
        id: await this.putText(draft.text),
        updated: draft.updated,
        ...(draft.from ? { from: draft.from } : {}),
      };
    }
    for (const v of Array.isArray(history) ? history.slice(0, MAX_VERSIONS) : []) {
      if (typeof v?.text === "string") ref.history.push({ id: await this.putText(v.text), savedAt: v.savedAt });
    }
    // One write: the index in, the old keys out, so a workbook never holds both.
    await this.port.setSettings({
      [REF_PREFIX + key]: JSON.stringify(ref),
      [RULES_PREFIX + key]: undefined,
      [DRAFT_PREFIX + key]: undefined,
      [HISTORY_PREFIX + key]: undefined,
      [INFO_PREFIX + key]: undefined,
    });
    return ref;
  }

  /** The index as it reads now, without migrating: an older workbook's settings are shown as they are. */
  private async view(key: string): Promise<{ ref?: Ref; legacy?: StoredRules & { history: SavedVersion[] } }> {
    const ref = parseRef(await this.port.getSetting(REF_PREFIX + key));
    if (ref) return { ref };
    const [saved, draftText, historyText, infoText] = await Promise.all([
      this.port.getSetting(RULES_PREFIX + key),
      this.port.getSetting(DRAFT_PREFIX + key),
      this.port.getSetting(HISTORY_PREFIX + key),
      this.port.getSetting(INFO_PREFIX + key),
    ]);
    const draft = parseJson<Draft>(draftText);
    const history = parseJson<SavedVersion[]>(historyText);
    return {
      legacy: {
        name: key,
        ...(saved !== undefined ? { saved } : {}),
        ...(draft && typeof draft.text === "string" ? { draft } : {}),
        info: parseJson<RulesInfo>(infoText) ?? {},
        history: Array.isArray(history) ? history.filter((v) => typeof v?.text === "string") : [],
      },
    };
  }

  private async writeRef(key: string, ref: Ref): Promise<void> {
    await this.port.setSetting(REF_PREFIX + key, JSON.stringify(ref));
  }

  // ---- what the pane and the functions ask ----

  /** Every name with saved rules or a draft, sorted. One round trip. */
  async names(): Promise<string[]> {
    const all = Object.keys(await this.port.readSettings("ITA."));
    const names = new Set<string>();
    for (const k of all) {
      for (const prefix of [REF_PREFIX, RULES_PREFIX, DRAFT_PREFIX])
        if (k.startsWith(prefix)) names.add(nameOf(k, prefix));
    }
    return [...names].sort((a, b) => a.localeCompare(b, "th"));
  }

  /** Names with saved rules (usable for scoring), read from the index alone: no rules text. */
  async savedNames(): Promise<string[]> {
    const all = await this.port.readSettings("ITA.");
    const names = new Set<string>();
    for (const [k, v] of Object.entries(all)) {
      if (k.startsWith(RULES_PREFIX)) names.add(nameOf(k, RULES_PREFIX));
      else if (k.startsWith(REF_PREFIX) && parseRef(v)?.saved) names.add(nameOf(k, REF_PREFIX));
    }
    return [...names].sort((a, b) => a.localeCompare(b, "th"));
  }

  /** The saved text of one name, read when it is used. */
  async savedText(name: string): Promise<string | undefined> {
    const { ref, legacy } = await this.view(keyOf(name));
    if (legacy) return legacy.saved;
    return ref?.saved ? (await this.readTexts([ref.saved]))[0] : undefined;
  }

  async load(name: string): Promise<StoredRules> {
    const key = keyOf(name);
    const { ref, legacy } = await this.view(key);
    if (legacy)
      return {
        name: key,
        ...(legacy.saved !== undefined ? { saved: legacy.saved } : {}),
        ...(legacy.draft ? { draft: legacy.draft } : {}),
        info: legacy.info,
      };
    if (!ref) return { name: key, info: {} };
    const ids = [ref.saved, ref.draft?.id].filter((id): id is string => id !== undefined);
    const texts = new Map(ids.map((id, i) => [id, i]));
    const read = await this.readTexts(ids);
    const saved = ref.saved ? read[texts.get(ref.saved)!] : undefined;
    const draftText = ref.draft ? read[texts.get(ref.draft.id)!] : undefined;
    const draft: Draft | undefined =
      ref.draft && draftText !== undefined
        ? { text: draftText, updated: ref.draft.updated, ...(ref.draft.from ? { from: ref.draft.from } : {}) }
        : undefined;
    return {
      name: key,
      ...(saved !== undefined ? { saved } : {}),
      ...(draft ? { draft } : {}),
      info: { ...(ref.from ? { from: ref.from } : {}), ...(ref.savedAt ? { savedAt: ref.savedAt } : {}) },
    };
  }

  /** Keep what is being typed, errors and all. Never registered, never scored. */
  async saveDraft(name: string, text: string, from?: string): Promise<void> {
    const key = keyOf(name);
    const ref = await this.ref(key);
    const id = await this.putText(text, [ref.draft?.id]);
    ref.draft = { id, updated: this.now().toISOString(), ...(from ? { from } : {}) };
    await this.writeRef(key, ref);
  }

  async discardDraft(name: string): Promise<void> {
    const key = keyOf(name);
    const ref = await this.ref(key);
    if (!ref.draft) return;
    const old = ref.draft.id;
    delete ref.draft;
    await this.writeRef(key, ref);
    await this.dropTexts([old]);
  }

  /**
   * Save rules for scoring: refused (and nothing written) when the name is not
   * usable or the text has any error. The previous saved text goes to the history,
   * the draft is cleared, the custom functions get the new text and the workbook
   * recalculates, so every =ITA.*(…, "name") shows the new result.
   */
  async save(name: string, text: string, from?: string): Promise<SaveResult> {
    const problem = nameProblem(name);
    if (problem) return { ok: false, ...problem, diagnostics: [] };
    const { parseRules } = await loadParser();
    const errors = parseRules(text).diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      return {
        ok: false,
        th: `เกณฑ์มีข้อผิดพลาด ${errors.length} รายการ จึงเก็บไว้เป็นฉบับร่างเท่านั้น`,
        en: `the rules have ${errors.length} error(s), so they are kept as a draft only`,
        diagnostics: errors,
      };
    }
    const key = keyOf(name);
    const ref = await this.ref(key);
    const savedAt = this.now().toISOString();
    const previous = ref.saved ? (await this.readTexts([ref.saved]))[0] : undefined;
    const replaced: (string | undefined)[] = [ref.draft?.id];
    if (ref.saved !== undefined && previous !== undefined && previous !== text) {
      // The previous text's stored copy simply moves to the history: nothing is rewritten.
      ref.history.unshift({ id: ref.saved, savedAt: ref.savedAt ?? savedAt });
      replaced.push(...ref.history.splice(MAX_VERSIONS).map((h) => h.id));
    } else replaced.push(ref.saved);
    // The workbook first: if the write fails, this session must not score with rules the file does not hold.
    ref.saved = await this.putText(text, replaced);
    ref.savedAt = savedAt;
    const fromYear = from ?? ref.from;
    if (fromYear) ref.from = fromYear;
    delete ref.draft;
    await this.writeRef(key, ref);
    this.register(key, text);
    await this.port.recalculate();
    return { ok: true };
  }

  /** Earlier saved texts, newest first. */
  async versions(name: string): Promise<SavedVersion[]> {
    const { ref, legacy } = await this.view(keyOf(name));
    if (legacy) return legacy.history;
    if (!ref || ref.history.length === 0) return [];
    const texts = await this.readTexts(ref.history.map((h) => h.id));
    return ref.history.flatMap((h, i) => (texts[i] !== undefined ? [{ text: texts[i]!, savedAt: h.savedAt }] : []));
  }

  /** Make an earlier version the saved one again; the text it replaces joins the history. */
  async restore(name: string, index: number): Promise<SaveResult> {
    const version = (await this.versions(name))[index];
    if (!version) {
      return { ok: false, th: "ไม่พบฉบับที่บันทึกไว้", en: "no such saved version", diagnostics: [] };
    }
    return this.save(name, version.text);
  }

  /**
   * Delete saved rules with their draft and history. Formulas that name them show #N/A
   * after the recalculation; the editor and the wizard forget them if they had them open.
   */
  async remove(name: string): Promise<void> {
    const key = keyOf(name);
    const { ref } = await this.view(key);
    const [current, chosen] = await Promise.all([this.currentName(), this.chosenRules()]);
    await this.port.setSettings({
      [REF_PREFIX + key]: undefined,
      [RULES_PREFIX + key]: undefined,
      [DRAFT_PREFIX + key]: undefined,
      [HISTORY_PREFIX + key]: undefined,
      [INFO_PREFIX + key]: undefined,
      ...(current === key ? { [CURRENT_KEY]: undefined } : {}),
      ...(chosen === key ? { [CHOICE_RULES]: undefined } : {}),
    });
    if (ref) await this.dropTexts([ref.saved, ref.draft?.id, ...ref.history.map((h) => h.id)]);
    unregisterWorkbookRules(key);
    await this.port.recalculate();
  }

  async currentName(): Promise<string | undefined> {
    return this.port.getSetting(CURRENT_KEY);
  }

  async setCurrentName(name: string): Promise<void> {
    await this.port.setSetting(CURRENT_KEY, name.trim());
  }

  /** The rules the wizard scores this workbook with (a bundled year or a saved name). */
  async chosenRules(): Promise<string | undefined> {
    return this.port.getSetting(CHOICE_RULES);
  }

  async choose(name: string): Promise<void> {
    await this.port.setSetting(CHOICE_RULES, name.trim());
  }

  /**
   * At start-up: every saved name is registered with the custom functions, its text read
   * only when a function first asks for it (then the workbook recalculates). Names that
   * cannot be registered come back with the reason.
   */
  async registerForFunctions(): Promise<{ loaded: string[]; refused: { name: string; reason: string }[] }> {
    onWorkbookRulesLoaded(() => void this.port.recalculate().catch(() => undefined));
    const loaded: string[] = [];
    const refused: { name: string; reason: string }[] = [];
    for (const name of await this.savedNames()) {
      const problem = nameProblem(name);
      if (problem) {
        refused.push({ name, reason: `${problem.th} / ${problem.en}` });
        continue;
      }
      registerWorkbookRulesLazily(name, () => this.savedText(name));
      loaded.push(name);
    }
    if (wasAskedFor(loaded)) await this.port.recalculate();
    return { loaded, refused };
  }

  /** Every saved name with its text, registered with the functions as it is read (the wizard's list). */
  async savedRules(): Promise<{ name: string; text: string; problem?: { th: string; en: string } }[]> {
    const out: { name: string; text: string; problem?: { th: string; en: string } }[] = [];
    for (const name of await this.savedNames()) {
      const text = await this.savedText(name);
      if (text === undefined) continue;
      const problem = nameProblem(name);
      if (!problem) this.register(name, text);
      out.push({ name, text, ...(problem ? { problem } : {}) });
    }
    return out;
  }
}

/** A file name for exported rules: the name with characters file systems refuse replaced. */
function exportFileName(name: string): string {
  const safe = name.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-") || "rules";
  return `${safe}.ita`;
}

/** Rules text read from an imported file: byte-order mark removed, line breaks made \n. */
function importedText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Offer `text` as a download named after the rules; local only (a Blob URL, revoked after the click). */
export function downloadRules(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = exportFileName(name);
  a.style.display = "none";
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Read a `.ita` file the user picked. */
export async function readRulesFile(file: Blob): Promise<string> {
  return importedText(await file.text());
}
