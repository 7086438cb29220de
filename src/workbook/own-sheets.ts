/**
 * The sheets ITA Workbench writes (results, history, report, plan, summary): how they are
 * recognised by name, so that looking for a score table never takes one of our own
 * outputs for input (the report sheet's header แบบวัด | ประเด็นข้อคำถาม | คะแนน reads
 * like a score table's), and how they are named and remembered so that one agency's
 * sheets never replace another's, nor a sheet the user made.
 *
 * The add-in keeps its own index of the sheets it wrote in the workbook's settings
 * (`ITA.ownSheets`, so it travels with the file): for each sheet what it holds
 * (kind, rules, agency) and the title it was written with. Each agency of a
 * many-agency table gets a short number there once (#1, #2 …); the number is part of
 * its sheets' names, before the agency's name, so names stay unique within Excel's
 * 31 characters however alike the agencies' names are. A name is replaced only when
 * the index says it is this same result written earlier and its title is still
 * ours; a sheet written for another agency, or one the add-in did not write, is
 * never replaced: another name is offered instead.
 * The entry sheet (กรอกคะแนน …) is input and is not listed.
 */
import { cutGraphemes } from "../dsl/runtime.js";
import type { WorkbookPort } from "./port.js";

const OWN_SHEET_PREFIXES = ["ผลการประเมิน", "เทียบหลายปี", "รายงาน", "แผนพัฒนา", "สรุป"] as const;

/** One of our words alone or followed by a space ("รายงาน ITA 2568"); "รายงานคะแนน" or "สรุปคะแนน" are the user's. */
export function isOwnSheet(name: string): boolean {
  const n = name.normalize("NFC").trim();
  return OWN_SHEET_PREFIXES.some((p) => n === p || n.startsWith(`${p} `));
}

/** The kinds of sheet the pane writes per agency, and the word their names start with. */
const OWN_SHEET_WORDS = { results: "ผลการประเมิน", report: "รายงาน", plan: "แผนพัฒนา" } as const;
export type OwnSheetKind = keyof typeof OWN_SHEET_WORDS;

/** What a sheet holds: one kind of sheet, for one rules, for one agency ("" when the table names none). */
export interface OwnSheetKey {
  readonly kind: OwnSheetKind;
  readonly rules: string;
  readonly agency: string;
}

export interface OwnSheetEntry extends OwnSheetKey {
  readonly name: string;
  /** Cell A1 as written: a sheet of this name whose A1 differs is no longer ours. */
  readonly title: string;
}

export interface OwnSheetIndex {
  readonly agencies: { readonly name: string; readonly number: number }[];
  readonly sheets: OwnSheetEntry[];
}

const OWN_SHEETS_SETTING = "ITA.ownSheets";
const SHEET_NAME_MAX = 31;

/** The index from its setting; anything unreadable (edited by hand) reads as empty, never as a claim on a sheet. */
function parseIndex(json: string | undefined): OwnSheetIndex {
  const index: OwnSheetIndex = { agencies: [], sheets: [] };
  if (!json) return index;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return index;
  }
  if (typeof v !== "object" || v === null) return index;
  const o = v as { agencies?: unknown; sheets?: unknown };
  if (Array.isArray(o.agencies)) {
    for (const a of o.agencies as unknown[]) {
      const x = a as { name?: unknown; number?: unknown };
      if (typeof x?.name === "string" && Number.isInteger(x.number) && (x.number as number) > 0) {
        index.agencies.push({ name: x.name, number: x.number as number });
      }
    }
  }
  if (Array.isArray(o.sheets)) {
    for (const s of o.sheets as unknown[]) {
      const x = s as Partial<Record<keyof OwnSheetEntry, unknown>>;
      if (
        typeof x?.name === "string" &&
        typeof x.kind === "string" &&
        x.kind in OWN_SHEET_WORDS &&
        typeof x.rules === "string" &&
        typeof x.agency === "string" &&
        typeof x.title === "string"
      ) {
        index.sheets.push({
          name: x.name,
          kind: x.kind as OwnSheetKind,
          rules: x.rules,
          agency: x.agency,
          title: x.title,
        });
      }
    }
  }
  return index;
}

/** Excel compares sheet names without regard to case. */
function sameSheetName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleLowerCase() === b.normalize("NFC").toLocaleLowerCase();
}

const sameKey = (a: OwnSheetKey, b: OwnSheetKey): boolean =>
  a.kind === b.kind && a.rules === b.rules && a.agency === b.agency;

/** The agency's number in this workbook, given on first use and kept. */
function agencyNumber(index: OwnSheetIndex, agency: string): number {
  const known = index.agencies.find((a) => a.name === agency);
  if (known) return known.number;
  const number = index.agencies.reduce((m, a) => Math.max(m, a.number), 0) + 1;
  index.agencies.push({ name: agency, number });
  return number;
}

/** At most `max` UTF-16 units, cut between visible characters (never between a Thai consonant and its vowel). */
const cutToFit = (text: string, max: number): string => cutGraphemes(text, max);

/** Characters Excel refuses in a sheet name become "-"; a name may not start or end with an apostrophe. */
function clean(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/\s+/g, " ");
}

/**
 * The names to try for a sheet, best first. Without an agency: "ผลการประเมิน ITA 2568".
 * With one: "ผลการประเมิน 2568 #3 เทศบาลตำบล…", the number kept whole and the agency's
 * name cut to what is left. Later names add " (2)", " (3)" … at the end, kept whole too.
 */
function* candidateNames(key: OwnSheetKey, number?: number): Generator<string> {
  const word = OWN_SHEET_WORDS[key.kind];
  const rules = clean(key.rules);
  let head: string;
  if (number === undefined) head = `${word} ITA ${rules}`;
  else {
    const tag = ` #${number}`;
    head = `${cutToFit(`${word} ${rules}`, SHEET_NAME_MAX - tag.length).trimEnd()}${tag}`;
    const agency = clean(key.agency).trim();
    if (agency && head.length + 1 < SHEET_NAME_MAX) head = `${head} ${agency}`;
  }
  const base = (max: number): string => cutToFit(head.replace(/^'+/, ""), max).replace(/'+$/, "").trimEnd();
  yield base(SHEET_NAME_MAX);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    yield `${base(SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
}

/** Who holds a name the pane wanted: the add-in for another agency or rules, or the user. */
export interface TakenName {
  readonly name: string;
  readonly by: "other" | "user";
  /** For "other": what the add-in wrote there. */
  readonly holds?: OwnSheetKey;
}

export interface PlannedSheet {
  readonly key: OwnSheetKey;
  readonly name: string;
  /** "earlier": this same result written before, replaced only after asking; "new": a free name. */
  readonly status: "earlier" | "new";
  /** The first name tried when it was taken by something the add-in must not replace. */
  readonly taken?: TakenName;
}

/**
 * Names for sheets to write. `existing` are the workbook's sheet names; `titleOf`
 * reads cell A1 of a sheet (asked only of a sheet the index says is this result, to
 * make sure the user has not put something else under its name since).
 */
async function planNames(
  index: OwnSheetIndex,
  keys: readonly OwnSheetKey[],
  existing: readonly string[],
  titleOf: (sheet: string) => Promise<string>,
): Promise<PlannedSheet[]> {
  const exists = (name: string): boolean => existing.some((e) => sameSheetName(e, name));
  const planned: PlannedSheet[] = [];
  const claimed = (name: string): boolean => planned.some((p) => sameSheetName(p.name, name));
  for (const key of keys) {
    const mine = index.sheets.find((s) => sameKey(s, key));
    if (mine && !claimed(mine.name)) {
      if (!exists(mine.name)) {
        planned.push({ key, name: mine.name, status: "new" });
        continue;
      }
      if ((await titleOf(mine.name)) === mine.title) {
        planned.push({ key, name: mine.name, status: "earlier" });
        continue;
      }
      // Our name, but the user has put something else there since: it is theirs now.
      index.sheets.splice(index.sheets.indexOf(mine), 1);
    }
    const number = key.agency === "" ? undefined : agencyNumber(index, key.agency);
    let taken: TakenName | undefined;
    for (const name of candidateNames(key, number)) {
      const holder = index.sheets.find((s) => sameSheetName(s.name, name));
      if (!exists(name) && !claimed(name) && (!holder || sameKey(holder, key))) {
        planned.push({ key, name, status: "new", ...(taken ? { taken } : {}) });
        break;
      }
      taken ??= holder
        ? { name, by: "other", holds: { kind: holder.kind, rules: holder.rules, agency: holder.agency } }
        : { name, by: "user" };
    }
  }
  return planned;
}

/** Remember sheets just written (replacing what the index said about those names or keys). */
export function recordWritten(index: OwnSheetIndex, written: readonly OwnSheetEntry[]): void {
  for (const w of written) {
    for (let i = index.sheets.length - 1; i >= 0; i--) {
      const s = index.sheets[i]!;
      if (sameSheetName(s.name, w.name) || sameKey(s, w)) index.sheets.splice(i, 1);
    }
    index.sheets.push(w);
  }
}

/** The index as kept in the workbook. */
async function readIndex(port: WorkbookPort): Promise<OwnSheetIndex> {
  return parseIndex(await port.getSetting(OWN_SHEETS_SETTING));
}

export async function saveIndex(port: WorkbookPort, index: OwnSheetIndex): Promise<void> {
  await port.setSetting(OWN_SHEETS_SETTING, JSON.stringify(index));
}

/** Plan names against the workbook as it is now: its sheets, its index, A1 of a sheet we may replace. */
export async function planInWorkbook(
  port: WorkbookPort,
  keys: readonly OwnSheetKey[],
): Promise<{ index: OwnSheetIndex; planned: PlannedSheet[] }> {
  const index = await readIndex(port);
  const existing = (await port.listSheets()).map((s) => s.name);
  const planned = await planNames(index, keys, existing, async (sheet) => {
    const v = (await port.readRange(sheet, "A1")).values[0]?.[0];
    return typeof v === "string" ? v : String(v ?? "");
  });
  return { index, planned };
}

/** Cell A1 of a sheet to write, as the index remembers it. */
export function titleCell(rows: readonly (readonly unknown[])[]): string {
  const v = rows[0]?.[0];
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}
