/**
 * Writing the wizard's sheets safely (src/taskpane/wizard/write.ts) on an in-memory
 * workbook, without a DOM: the scores re-read before a write, the names from the
 * add-in's index, the figures read back after it.
 */
import { strict as assert } from "node:assert";
import { mock } from "node:test";
import { runCheck } from "../../../src/taskpane/wizard/check.js";
import { restoreTable } from "../../../src/taskpane/wizard/data.js";
import { loadAgency } from "../../../src/taskpane/wizard/report.js";
import { writeReport, writeResults } from "../../../src/taskpane/wizard/write.js";
import { Wizard } from "../../../src/taskpane/wizard/wizard.js";
import type { PaneContext } from "../../../src/taskpane/context.js";
import { provinceSheet, seedSheet } from "../../../src/taskpane/preview/seed.js";
import { MemoryWorkbook } from "../../../src/workbook/memory-adapter.js";
import type { RangeData } from "../../../src/workbook/port.js";
import { SEED_CSV } from "../../workbook/support.js";

/** The wizard without a DOM: nothing renders, long work runs as in the pane. */
class Headless extends Wizard {
  override render(): void {}
}

const root = { setAttribute: () => undefined, removeAttribute: () => undefined } as unknown as HTMLElement;

async function checkedWizard(book: MemoryWorkbook, source: object): Promise<Wizard> {
  const ctx: PaneContext = { port: book, lang: () => "th", t: (th) => th, onRulesChanged: () => undefined };
  const w = new Headless(root, ctx, { say: () => undefined, progress: () => undefined });
  await w.loadChoices("2568");
  await restoreTable(w, JSON.stringify(source));
  await runCheck(w);
  assert.ok(w.state.evaluation, "the scores check without errors");
  w.flow.shown(3);
  return w;
}

const seedBook = (): MemoryWorkbook => {
  const s = seedSheet(SEED_CSV);
  return new MemoryWorkbook([{ name: s.name, rows: s.rows, merged: s.merged }]);
};

describe("writing the wizard's sheets", () => {
  it("writes nothing and goes back to Check when a score changed after the check", async () => {
    const book = seedBook();
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    book.setCell("คะแนน", "C4", 150);
    await writeResults(w);
    assert.deepEqual(book.sheetNames(), ["คะแนน"]);
    assert.equal(w.state.step, 2);
    assert.match(w.state.error?.en ?? "", /scores changed after the check/);
    assert.equal(w.state.evaluation, undefined, "150 is out of range: the new check finds an error");
  });

  it("reports a written sheet whose formulas give errors as a failure naming the cells", async () => {
    const book = seedBook();
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    // Excel without the add-in's functions loaded: every ITA formula shows #NAME?.
    const real = book.readRange.bind(book);
    book.readRange = async (sheet: string, address?: string): Promise<RangeData> => {
      const r = await real(sheet, address);
      if (!sheet.startsWith("ผลการประเมิน")) return r;
      const formulas = (i: number, j: number) => book.formula(sheet, i + 1, j + 1) !== undefined;
      return {
        ...r,
        values: r.values.map((row, i) => row.map((v, j) => (formulas(i, j) ? "#NAME?" : v))),
        kinds: r.kinds.map((row, i) => row.map((k, j) => (formulas(i, j) ? "error" : k))),
      };
    };
    await writeResults(w);
    assert.equal(w.state.written.results, undefined);
    assert.match(w.state.error?.th ?? "", /สร้างชีตไม่สำเร็จ/);
    assert.match(w.state.error?.en ?? "", /ผลการประเมิน ITA 2568!D5 \(#NAME\?\)/);
  });

  it("reports success only after reading back the figures shown", async () => {
    const book = seedBook();
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    await writeResults(w);
    assert.deepEqual(w.state.written.results, ["ผลการประเมิน ITA 2568"]);
    assert.equal(w.state.error, undefined);
  });

  it("never replaces the user's own sheet of the add-in's name: asks, then writes under another name", async () => {
    const book = seedBook();
    book.addSheet("ผลการประเมิน ITA 2568", [["งบของฉัน", 1234]]);
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    await writeResults(w);
    const q = w.state.question;
    assert.equal(q?.planned[0]?.taken?.by, "user");
    assert.deepEqual(book.sheetNames(), ["คะแนน", "ผลการประเมิน ITA 2568"], "nothing written before the answer");
    await writeResults(w, q!.planned);
    assert.deepEqual(book.sheetNames(), ["คะแนน", "ผลการประเมิน ITA 2568", "ผลการประเมิน ITA 2568 (2)"]);
    assert.equal(book.shown("ผลการประเมิน ITA 2568", 1, 1), "งบของฉัน");
    assert.equal(book.shown("ผลการประเมิน ITA 2568", 1, 2), 1234);
  });

  it("asks before replacing this agency's earlier result, and replaces it when told to", async () => {
    const book = seedBook();
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    await writeResults(w);
    await writeResults(w);
    const q = w.state.question;
    assert.equal(q?.planned[0]?.status, "earlier");
    await writeResults(w, q!.planned);
    assert.deepEqual(book.sheetNames(), ["คะแนน", "ผลการประเมิน ITA 2568"]);
    assert.deepEqual(w.state.written.results, ["ผลการประเมิน ITA 2568"]);
  });

  it("gives two agencies with a 31-character common prefix their own results, report and plan sheets, each naming its agency", async () => {
    const long = "องค์การบริหารส่วนตำบลหนองบัวทองคำเหนือ";
    const [a, b] = [`${long}ใหม่`, `${long}เก่า`];
    const p = provinceSheet(SEED_CSV, [a, b]);
    const book = new MemoryWorkbook([{ name: p.name, rows: p.rows, merged: [] }]);
    const sheetsOf = async (agency: string): Promise<string[]> => {
      const w = await checkedWizard(book, { sheet: p.name, agency });
      const before = book.sheetNames();
      await writeResults(w);
      await loadAgency(w);
      w.flow.shown(4);
      await writeReport(w);
      assert.equal(w.state.question, undefined, "nothing to ask: no sheet of another agency is touched");
      return book.sheetNames().filter((n) => !before.includes(n));
    };
    const first = await sheetsOf(a);
    const second = await sheetsOf(b);
    assert.equal(first.length, 3);
    assert.equal(second.length, 3);
    for (const [names, agency] of [
      [first, a],
      [second, b],
    ] as const) {
      for (const n of names) {
        const title = [1, 2, 3].map((r) => String(book.shown(n, r, 1))).join(" ");
        assert.ok(title.includes(agency), `${n}: ${title}`);
      }
    }
  });

  /** The seed's results sheet as Excel shows it while its ITA formulas calculate: #BUSY! for the first `busyReads` reads. */
  function calculatingBook(busyReads: number): { book: MemoryWorkbook; reads: () => number } {
    const book = seedBook();
    const real = book.readRange.bind(book);
    let reads = 0;
    book.readRange = async (sheet: string, address?: string): Promise<RangeData> => {
      const r = await real(sheet, address);
      if (!sheet.startsWith("ผลการประเมิน")) return r;
      if (++reads > busyReads) return r;
      const formulas = (i: number, j: number) => book.formula(sheet, i + 1, j + 1) !== undefined;
      return {
        ...r,
        values: r.values.map((row, i) => row.map((v, j) => (formulas(i, j) ? "#BUSY!" : v))),
        kinds: r.kinds.map((row, i) => row.map((k, j) => (formulas(i, j) ? "error" : k))),
      };
    };
    return { book, reads: () => reads };
  }

  it("reads formulas still calculating (#BUSY!) again, and confirms the sheet once they show the figures", async () => {
    const { book, reads } = calculatingBook(1);
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    const said: string[] = [];
    w.status.say = (_th: string, en: string) => void said.push(en);
    await writeResults(w);
    assert.equal(reads(), 2);
    assert.equal(w.state.error, undefined);
    assert.deepEqual(w.state.written.results, ["ผลการประเมิน ITA 2568"]);
    assert.equal(w.state.written.unconfirmed, false);
    assert.deepEqual(said.slice(-1), ['Created "ผลการประเมิน ITA 2568"']);
  });

  it("never calls formulas that stay busy right or wrong: the sheet is written, its figures left to be looked over", async () => {
    const { book, reads } = calculatingBook(Infinity);
    const w = await checkedWizard(book, { sheet: "คะแนน" });
    const said: string[] = [];
    w.status.say = (_th: string, en: string) => void said.push(en);
    // Excel is given seconds to finish calculating between reads: the clock is moved on instead of waited for.
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      let settled = false;
      const writing = writeResults(w).finally(() => (settled = true));
      while (!settled) {
        await new Promise((r) => setImmediate(r));
        mock.timers.tick(1000);
      }
      await writing;
    } finally {
      mock.timers.reset();
    }
    assert.ok(reads() > 1, "read again");
    assert.equal(w.state.error, undefined, "not a failure");
    assert.deepEqual(w.state.written.results, ["ผลการประเมิน ITA 2568"]);
    assert.equal(w.state.written.unconfirmed, true);
    assert.match(said.at(-1) ?? "", /still calculating, so look over its figures/);
  });
});
