/**
 * Rules the staff edit, kept in the workbook through the port's settings so they
 * travel with the file:
 *
 * - `ITA.rules:<name>`: the saved text, the only one used for scoring (as
 *   src/office/saved-rules.ts has always read it). Saving refuses text with errors,
 *   registers it with the custom functions and asks the workbook to recalculate.
 * - `ITA.draft:<name>`: the text being edited, written as the staff member types,
 *   errors and all, so closing the pane loses nothing. Never used for scoring.
 * - `ITA.rules-history:<name>`: earlier saved texts, newest first, bounded, to restore.
 * - `ITA.rules-info:<name>`: the bundled year the rules were copied from (for the
 *   diff) and when they were last saved.
 * - `ITA.editor:current`: the name the editor had open, to reopen it.
 *
 * Import and export of `.ita` files stay on the machine: a browser file input and a
 * download through a Blob URL; nothing is sent anywhere.
 */
import { parseRules } from "../dsl/index.js";
import type { Diagnostic } from "../dsl/diagnostics.js";
import { toThaiDigits } from "../dsl/precision.js";
import { bundledText } from "../engine/index.js";
import { registerWorkbookRules } from "../functions/register-rules.js";
import { SETTING_PREFIX } from "../office/saved-rules.js";
import type { WorkbookPort } from "./port.js";

export const RULES_PREFIX = SETTING_PREFIX;
export const DRAFT_PREFIX = "ITA.draft:";
export const HISTORY_PREFIX = "ITA.rules-history:";
export const INFO_PREFIX = "ITA.rules-info:";
export const CURRENT_KEY = "ITA.editor:current";

/** Saved versions kept per name, and the characters they may take together (workbook settings are small). */
export const MAX_VERSIONS = 5;
export const MAX_HISTORY_CHARS = 600_000;

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

/** Why a name cannot hold saved rules, or undefined when it can. */
export function nameProblem(name: string): { th: string; en: string } | undefined {
  const shown = name.trim();
  if (!shown) return { th: "ยังไม่ได้ตั้งชื่อเกณฑ์", en: "the rules have no name" };
  if (bundledText(shown) !== undefined) {
    return {
      th: `"${shown}" เป็นปีของเกณฑ์ที่ติดมากับโปรแกรม ใช้ชื่ออื่น`,
      en: `"${shown}" is a bundled year; choose another name`,
    };
  }
  if (/[\r\n]/.test(shown)) return { th: "ชื่อเกณฑ์ต้องอยู่ในบรรทัดเดียว", en: "the name must be on one line" };
  return undefined;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // a hand-edited or truncated setting: treat as absent rather than fail the pane
  }
}

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

  /** Every name with saved rules or a draft, sorted. */
  async names(): Promise<string[]> {
    const [saved, drafts] = await Promise.all([
      this.port.settingKeys(RULES_PREFIX),
      this.port.settingKeys(DRAFT_PREFIX),
    ]);
    const names = new Set([
      ...saved.map((k) => k.slice(RULES_PREFIX.length)),
      ...drafts.map((k) => k.slice(DRAFT_PREFIX.length)),
    ]);
    return [...names].sort((a, b) => a.localeCompare(b, "th"));
  }

  async load(name: string): Promise<StoredRules> {
    const key = name.trim();
    const [saved, draft, info] = await Promise.all([
      this.port.getSetting(RULES_PREFIX + key),
      this.port.getSetting(DRAFT_PREFIX + key),
      this.port.getSetting(INFO_PREFIX + key),
    ]);
    const d = parseJson<Draft>(draft);
    return {
      name: key,
      ...(saved !== undefined ? { saved } : {}),
      ...(d && typeof d.text === "string" ? { draft: d } : {}),
      info: parseJson<RulesInfo>(info) ?? {},
    };
  }

  /** Keep what is being typed, errors and all. Never registered, never scored. */
  async saveDraft(name: string, text: string, from?: string): Promise<void> {
    const draft: Draft = { text, ...(from ? { from } : {}), updated: this.now().toISOString() };
    await this.port.setSetting(DRAFT_PREFIX + name.trim(), JSON.stringify(draft));
  }

  async discardDraft(name: string): Promise<void> {
    await this.port.setSetting(DRAFT_PREFIX + name.trim(), undefined);
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
    const errors = parseRules(text).diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      return {
        ok: false,
        th: `เกณฑ์มีข้อผิดพลาด ${errors.length} รายการ จึงเก็บไว้เป็นฉบับร่างเท่านั้น`,
        en: `the rules have ${errors.length} error(s), so they are kept as a draft only`,
        diagnostics: errors,
      };
    }
    const key = name.trim();
    const [previous, infoText] = await Promise.all([
      this.port.getSetting(RULES_PREFIX + key),
      this.port.getSetting(INFO_PREFIX + key),
    ]);
    const oldInfo = parseJson<RulesInfo>(infoText) ?? {};
    const savedAt = this.now().toISOString();
    if (previous !== undefined && previous !== text) {
      await this.pushVersion(key, { text: previous, savedAt: oldInfo.savedAt ?? savedAt });
    }
    // The workbook first: if the write fails, this session must not score with rules the file does not hold.
    await this.port.setSetting(RULES_PREFIX + key, text);
    this.register(key, text);
    const fromYear = from ?? oldInfo.from;
    await this.port.setSetting(INFO_PREFIX + key, JSON.stringify({ ...(fromYear ? { from: fromYear } : {}), savedAt }));
    await this.port.setSetting(DRAFT_PREFIX + key, undefined);
    await this.port.recalculate();
    return { ok: true };
  }

  /** Earlier saved texts, newest first. */
  async versions(name: string): Promise<SavedVersion[]> {
    const list = parseJson<SavedVersion[]>(await this.port.getSetting(HISTORY_PREFIX + name.trim()));
    return Array.isArray(list) ? list.filter((v) => typeof v?.text === "string") : [];
  }

  /** Make an earlier version the saved one again; the text it replaces joins the history. */
  async restore(name: string, index: number): Promise<SaveResult> {
    const version = (await this.versions(name))[index];
    if (!version) {
      return { ok: false, th: "ไม่พบฉบับที่บันทึกไว้", en: "no such saved version", diagnostics: [] };
    }
    return this.save(name, version.text);
  }

  async currentName(): Promise<string | undefined> {
    return this.port.getSetting(CURRENT_KEY);
  }

  async setCurrentName(name: string): Promise<void> {
    await this.port.setSetting(CURRENT_KEY, name.trim());
  }

  private async pushVersion(key: string, v: SavedVersion): Promise<void> {
    const list = [v, ...(await this.versions(key))].slice(0, MAX_VERSIONS);
    // Drop the oldest until the history fits; the newest is always kept.
    while (list.length > 1 && list.reduce((n, x) => n + x.text.length, 0) > MAX_HISTORY_CHARS) list.pop();
    await this.port.setSetting(HISTORY_PREFIX + key, JSON.stringify(list));
  }
}

/**
 * Start another year from a bundled one ("คัดลอก 2568 เป็น 2569"): the text as it
 * is, comments and all, with the year of the `assessment` statement (its number
 * and the year in its title, Arabic or Thai digits) changed, under a comment saying
 * where it came from. Undefined when the year is not bundled.
 */
export function copyYear(fromYear: string, toYear: string): string | undefined {
  const text = bundledText(fromYear);
  if (text === undefined) return undefined;
  const assessment = parseRules(text).ast.statements.find((s) => s.kind === "assessment");
  if (assessment?.kind !== "assessment" || !assessment.year) return undefined;
  const old = String(assessment.year.value);
  const relabel = (t: string): string => t.replaceAll(old, toYear).replaceAll(toThaiDigits(old), toThaiDigits(toYear));
  const start = assessment.span.offset;
  const end = start + assessment.span.length;
  const y = assessment.year.span;
  const statement = relabel(text.slice(start, y.offset)) + toYear + relabel(text.slice(y.offset + y.length, end));
  const note = `# คัดลอกจากเกณฑ์ ${old} เพื่อเป็นเกณฑ์ ${toYear} / copied from the ${old} rules as ${toYear}\n`;
  return note + text.slice(0, start) + statement + text.slice(end);
}

/** A file name for exported rules: the name with characters file systems refuse replaced. */
export function exportFileName(name: string): string {
  const safe = name.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-") || "rules";
  return `${safe}.ita`;
}

/** Rules text read from an imported file: byte-order mark removed, line breaks made \n. */
export function importedText(raw: string): string {
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
