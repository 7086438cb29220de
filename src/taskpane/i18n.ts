/**
 * The pane's language: Thai first, English on request. Strings are written where
 * they are used as t("ไทย", "English"), so no string exists in one language only;
 * switching re-renders the pane. The choice is remembered per user (localStorage,
 * keyed by Office's partition key when there is one), not per workbook.
 */
import type { Lang } from "./context.js";

const STORAGE_KEY = "ita-workbench.lang";

function storageKey(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  const partition = office?.context?.partitionKey;
  return partition ? `${partition}/${STORAGE_KEY}` : STORAGE_KEY;
}

export class I18n {
  private current: Lang;
  private readonly listeners = new Set<(lang: Lang) => void>();

  constructor(initial?: Lang) {
    this.current = initial ?? I18n.remembered() ?? "th";
  }

  static remembered(): Lang | undefined {
    try {
      const v = globalThis.localStorage?.getItem(storageKey());
      return v === "en" || v === "th" ? v : undefined;
    } catch {
      return undefined; // storage blocked (private mode, sandboxed frame)
    }
  }

  lang(): Lang {
    return this.current;
  }

  t(th: string, en: string): string {
    return this.current === "en" ? en : th;
  }

  set(lang: Lang): void {
    if (lang === this.current) return;
    this.current = lang;
    try {
      globalThis.localStorage?.setItem(storageKey(), lang);
    } catch {
      // not remembered; the switch still applies
    }
    for (const l of this.listeners) l(lang);
  }

  onChange(listener: (lang: Lang) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
