/**
 * Start-up in Excel: rules saved in the workbook become known to the custom functions
 * by name, through the rules store over the workbook port; a text is read when a
 * function first uses it, then the workbook recalculates.
 */
import { strict as assert } from "node:assert";
import { MINI } from "./support.js";
import * as F from "../../src/functions/functions.js";
import { loadSavedRules } from "../../src/office/saved-rules.js";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { RulesStore } from "../../src/workbook/rules-store.js";
import { forgetRules } from "../support/functions-registry.js";

const TABLE = [
  ["IIT", "i1", 90],
  ["IIT", "i2", 80],
  ["IIT", "q6", 100],
  ["EIT", "q6", 90],
  ["OIT", "o1", 80],
];

/** A workbook that counts recalculations and the texts read. */
class Book extends MemoryWorkbook {
  recalcs = 0;
  textsRead = 0;
  private wake: () => void = () => undefined;
  /** Resolves at the next recalculation: what Excel shows the cell after the rules (text and parser) arrived. */
  recalculated = (): Promise<void> => new Promise((r) => (this.wake = r));
  override async recalculate(): Promise<void> {
    this.recalcs++;
    await super.recalculate();
    this.wake();
  }
  override async readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]> {
    this.textsRead += ids.length;
    return super.readTexts(ids);
  }
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

async function bookWith(...names: string[]): Promise<Book> {
  const book = new Book();
  for (const n of names) await new RulesStore(book, { register: () => {} }).save(n, MINI);
  book.recalcs = 0;
  book.textsRead = 0;
  return book;
}

describe("rules saved in the workbook, at start-up", () => {
  // Names no other test file uses, forgotten after each test (the registry is one per page, as in Excel).
  afterEach(async () => {
    await settle(); // a text still being read lands before its name is forgotten
    forgetRules("เกณฑ์หน่วยงาน", "อีกชุด", "เดิม", "late rules", "quiet");
  });

  it("registers every saved name for the functions without reading any rules text", async () => {
    const book = await bookWith("เกณฑ์หน่วยงาน", "อีกชุด");
    const r = await loadSavedRules(book);
    assert.deepEqual(r, { loaded: ["เกณฑ์หน่วยงาน", "อีกชุด"], refused: [] });
    assert.equal(book.textsRead, 0);
    // Known to the functions: a cell using either name says "loading", not "unknown rules".
    assert.throws(() => F.total(TABLE, "เกณฑ์หน่วยงาน"), /loading rules เกณฑ์หน่วยงาน/);
    assert.throws(() => F.total(TABLE, "อีกชุด"), /loading rules อีกชุด/);
  });

  it("reads a text when a function first uses it, then recalculates so the cell shows the result", async () => {
    const book = await bookWith("เกณฑ์หน่วยงาน");
    await loadSavedRules(book);
    const recalculated = book.recalculated();
    assert.throws(() => F.total(TABLE, "เกณฑ์หน่วยงาน"), /loading rules เกณฑ์หน่วยงาน/);
    await recalculated;
    await settle();
    assert.equal(book.textsRead, 1);
    assert.equal(book.recalcs, 1);
    assert.equal(F.total(TABLE, "เกณฑ์หน่วยงาน"), 86.75);
  });

  it("still loads rules an older workbook kept as ITA.rules:<name> settings", async () => {
    const book = new Book();
    await book.setSetting("ITA.rules:เดิม", MINI);
    await loadSavedRules(book);
    const recalculated = book.recalculated();
    assert.throws(() => F.total(TABLE, "เดิม"));
    await recalculated;
    assert.equal(F.total(TABLE, "เดิม"), 86.75);
  });

  it("refuses saved rules named like a bundled year, with the one name message", async () => {
    const book = new Book();
    await book.setSetting("ITA.rules:2568", MINI);
    const r = await loadSavedRules(book);
    assert.deepEqual(r.loaded, []);
    assert.match(r.refused[0]!.reason, /"2568" เป็นปีของเกณฑ์ที่ติดมากับโปรแกรม ใช้ชื่ออื่น \/ "2568" is a bundled year/);
  });

  it("recalculates once when a function asked for the rules before their names loaded", async () => {
    assert.throws(() => F.total(TABLE, "late rules"));
    const book = await bookWith("late rules");
    await loadSavedRules(book);
    assert.equal(book.recalcs, 1);
  });

  it("does not recalculate when nothing was waiting", async () => {
    const book = await bookWith("quiet");
    await loadSavedRules(book);
    assert.equal(book.recalcs, 0);
  });
});
