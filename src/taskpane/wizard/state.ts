/**
 * The wizard's one source of truth: its state, and the named transitions that change
 * it (rules chosen, table found, agency chosen, checked, table changed, asked,
 * written …). Each transition invalidates what depends on what it changed, here and
 * nowhere else: a new table forgets the check and the sheets written from the old
 * one; a change of agency forgets the report details typed for the previous one.
 * Steps read `state` (read-only to them) and call transitions; they never assign
 * shared fields. Nothing here touches the workbook or the DOM.
 */
import type { Evaluation, History, PartialEvaluation, ScoreProblem } from "../../engine/index.js";
import type { Agency } from "../../report/model.js";
import type { PlannedSheet } from "../../workbook/own-sheets.js";
import type { ScoreTable, TableProblem } from "../../workbook/score-table.js";
import type { RulesChoice } from "../rules-source.js";

export type StepIndex = 0 | 1 | 2 | 3 | 4;

export interface Text {
  readonly th: string;
  readonly en: string;
}

/** Where the score table was found: a whole sheet, or a range the user selected. */
export interface DataSource {
  readonly sheet: string;
  readonly range?: string;
  /** In a table holding several agencies (an agency column), the one being scored. */
  readonly agency?: string;
}

/** The sheets one write would create or replace, waiting for the user's answer. */
export interface WriteQuestion {
  readonly what: "results" | "report";
  readonly planned: readonly PlannedSheet[];
}

export interface WizardState {
  readonly step: StepIndex;
  readonly choices: readonly RulesChoice[];
  readonly rulesName?: string;
  readonly source?: DataSource;
  /** The table as last read: found on the Data step, re-read by every check. */
  readonly table?: ScoreTable;
  /** Why no table was found, per place looked at. */
  readonly tableProblems: readonly TableProblem[];
  /** Other tables found on the last search, to choose from. */
  readonly found: readonly ScoreTable[];
  /** The agencies of the chosen table when it holds more than one; empty otherwise. */
  readonly agencies: readonly string[];
  readonly problems?: readonly ScoreProblem[];
  /** The result of the last check without errors; its table is `table` as it was then. */
  readonly evaluation?: Evaluation;
  /** What a table of some tools or indicators gives, when that is all that is missing. */
  readonly partial?: PartialEvaluation;
  /** This result beside the workbook's earlier years (sheets named by year), when it has any. */
  readonly history?: History;
  /** Earlier years found but left out of the comparison, and why (no rules for that year). */
  readonly historyNotes?: readonly Text[];
  /** A write waiting for the user to say replace, use another name, or cancel. */
  readonly question?: WriteQuestion;
  /** Sheets written from the current evaluation, per step. */
  readonly written: {
    readonly results?: readonly string[];
    readonly report?: readonly string[];
    /** Formulas still calculating when read back (Excel's #BUSY!): written, figures not yet confirmed. */
    readonly unconfirmed?: boolean;
  };
  /** Who the report is about (step 5). */
  readonly agency?: Agency;
  readonly thaiDigits: boolean;
  /** A message for the current step (role=alert). */
  readonly error?: Text;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class WizardFlow {
  private s: Mutable<WizardState> = {
    step: 0,
    choices: [],
    tableProblems: [],
    found: [],
    agencies: [],
    written: {},
    thaiDigits: false,
  };

  get state(): WizardState {
    return this.s;
  }

  /** The rules the wizard scores with, when they compile. */
  rules(): RulesChoice | undefined {
    return this.s.choices.find((c) => c.name === this.s.rulesName && c.compiled);
  }

  /** The rules chosen, compiled or still being checked (the first screen shows them before the parser loads). */
  chosen(): RulesChoice | undefined {
    return this.s.choices.find((c) => c.name === this.s.rulesName && (c.compiled || c.pending));
  }

  reachable(step: StepIndex): boolean {
    if (step === 0) return true;
    if (step === 1) return this.chosen() !== undefined;
    if (step === 2) return this.rules() !== undefined && this.s.table !== undefined;
    return this.s.evaluation !== undefined;
  }

  // ---- moving ----

  /** Show a step (callers check `reachable`); the last step's message goes. */
  shown(step: StepIndex): void {
    this.s.step = step;
    this.s.error = undefined;
    this.s.question = undefined;
  }

  // ---- rules ----

  /**
   * The rules on offer (bundled years and rules saved in the workbook); a choice that no
   * longer compiles is dropped. One still being checked is kept until its check says.
   */
  rulesListed(choices: readonly RulesChoice[], preferred?: string): void {
    this.s.choices = choices;
    const usable = (c: RulesChoice): boolean => c.compiled !== undefined || c.pending === true;
    const ok = (n: string | undefined): boolean => choices.some((c) => c.name === n && usable(c));
    const name = ok(preferred) ? preferred : ok(this.s.rulesName) ? this.s.rulesName : choices.find(usable)?.name;
    if (name !== this.s.rulesName) this.rulesChosen(name);
  }

  rulesChosen(name: string | undefined): void {
    if (name === this.s.rulesName) return;
    this.s.rulesName = name;
    this.forgetCheck();
  }

  /** Rules saved in the workbook under `name` were edited: a check made with them no longer holds. */
  rulesEdited(name: string): void {
    if (name === this.s.rulesName) this.forgetCheck();
  }

  // ---- data ----

  /** A table to score (found, selected, created, or the same sheet re-read with another agency chosen). */
  tableFound(table: ScoreTable, source: DataSource, agencies: readonly string[]): void {
    // A report about another agency than the one scored would be wrong: forget the details typed for it.
    if (table.agency !== this.s.table?.agency) this.s.agency = undefined;
    this.s.table = table;
    this.s.source = source;
    this.s.agencies = agencies.length > 1 ? [...agencies] : [];
    this.s.tableProblems = [];
    this.forgetCheck();
  }

  /** The user chose another agency of a many-agency table (the table re-read, narrowed to it). */
  agencyChosen(table: ScoreTable, source: DataSource, agencies: readonly string[]): void {
    this.tableFound(table, source, agencies);
  }

  /** Tables found by a search, to choose from. */
  tablesListed(found: readonly ScoreTable[]): void {
    this.s.found = [...found];
  }

  /** No usable table: why, per place looked at. With `keepTable` the previous choice stays (a failed new look). */
  tableNotFound(problems: readonly TableProblem[], keepTable = false): void {
    this.s.tableProblems = [...problems];
    if (keepTable) return;
    this.s.table = undefined;
    this.s.agencies = [];
    this.forgetCheck();
  }

  // ---- check ----

  /** The table read again and checked: its problems, and the result when there is no error. */
  checked(
    table: ScoreTable,
    source: DataSource,
    problems: readonly ScoreProblem[],
    evaluation?: Evaluation,
    partial?: PartialEvaluation,
  ): void {
    if (table.agency !== this.s.table?.agency) this.s.agency = undefined;
    const same = this.s.evaluation !== undefined && sameRows(this.s.table, table) && evaluation !== undefined;
    this.s.table = table;
    this.s.source = source;
    this.s.problems = problems;
    this.s.evaluation = evaluation;
    this.s.partial = evaluation ? undefined : partial;
    this.s.history = undefined;
    this.s.historyNotes = undefined;
    // The same scores give the same figures: sheets written from them still hold.
    if (!same) this.forgetWrites();
  }

  /** The earlier years found beside the checked table (after `checked`, for its evaluation). */
  historyFound(history: History | undefined, notes: readonly Text[]): void {
    this.s.history = this.s.evaluation ? history : undefined;
    this.s.historyNotes = notes;
  }

  /** The table can no longer be read where it was found. */
  tableUnreadable(problems: readonly TableProblem[]): void {
    this.tableNotFound(problems);
    this.s.step = Math.min(this.s.step, 1) as StepIndex;
    this.s.error = {
      th: "อ่านตารางคะแนนไม่ได้แล้ว กลับไปขั้นข้อมูล",
      en: "The score table can no longer be read; go back to Data",
    };
  }

  /**
   * The scores differ from the ones checked (found before a write): nothing checked
   * holds, the wizard goes back to Check and says why.
   */
  tableChanged(): void {
    this.forgetCheck();
    this.s.step = 2;
    this.s.error = {
      th: "คะแนนในตารางเปลี่ยนไปหลังการตรวจสอบ จึงยังไม่ได้สร้างชีต ตรวจสอบอีกครั้งด้านล่าง แล้วจึงสร้างชีต",
      en: "The scores changed after the check, so no sheet was created. They are checked again below; create the sheet after that.",
    };
  }

  // ---- writing ----

  /** A write needs the user's answer first (a sheet to replace, or a name taken). */
  asked(question: WriteQuestion): void {
    this.s.question = question;
  }

  answered(): void {
    this.s.question = undefined;
  }

  written(what: "results" | "report", names: readonly string[], confirmed = true): void {
    this.s.question = undefined;
    this.s.error = undefined;
    this.s.written = { ...this.s.written, [what]: [...names], unconfirmed: !confirmed };
  }

  /** A write that did not give the figures shown: the message names the cells. */
  failed(message: Text): void {
    this.s.question = undefined;
    this.s.error = message;
  }

  // ---- report details ----

  agencyDetails(agency: Agency | undefined): void {
    this.s.agency = agency;
    this.s.written = { ...this.s.written, report: undefined };
  }

  thaiDigitsChosen(on: boolean): void {
    this.s.thaiDigits = on;
    this.s.written = { ...this.s.written, report: undefined };
  }

  // ---- invalidation ----

  private forgetCheck(): void {
    this.s.problems = undefined;
    this.s.evaluation = undefined;
    this.s.partial = undefined;
    this.forgetWrites();
    if (this.s.step > 2) this.s.step = 2;
  }

  private forgetWrites(): void {
    this.s.written = {};
    this.s.question = undefined;
  }
}

/** The same rows, values and places: a table that has not changed since it was read. */
export function sameRows(a: ScoreTable | undefined, b: ScoreTable | undefined): boolean {
  if (!a || !b || a.sheet !== b.sheet || a.range !== b.range || a.rows.length !== b.rows.length) return false;
  return a.rows.every((r, i) => {
    const o = b.rows[i]!;
    return (
      r.tool === o.tool &&
      r.question === o.question &&
      r.score === o.score &&
      r.where === o.where &&
      r.agency === o.agency
    );
  });
}

/** The agency whose result this is: the one chosen in a many-agency table, else the workbook's หน่วยงาน sheet. */
export function shownAgency(state: WizardState): string | undefined {
  return state.table?.agency ?? (state.agency?.name.trim() || undefined);
}
