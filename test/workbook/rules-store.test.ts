import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter.js";
import { forgetRules, functionsKnow } from "../support/functions-registry.js";
import { copyYear } from "../../src/workbook/copy-year.js";
import { downloadRules, readRulesFile, RulesStore } from "../../src/workbook/rules-store.js";
import { seedSheet } from "../../src/taskpane/preview/seed.js";

// The settings keys saved workbooks hold: literal, so that renaming one (and losing users' rules) fails here.
const REF_PREFIX = "ITA.rules-ref:";
const CURRENT_KEY = "ITA.editor:current";
const CHOICE_RULES = "ITA.choice.rules";
/** Saved versions kept per name besides the current one. */
const MAX_VERSIONS = 5;
/** Characters of settings one name's index may take: Excel's settings are small and shared. */
const INDEX_BUDGET_CHARS = 1_000;

/** The file name `downloadRules` offers, from a stand-in document that records the link it clicks. */
function exportFileName(name: string): string {
  let download = "";
  const link = { style: {}, click() {}, remove() {} } as unknown as HTMLAnchorElement;
  const doc = {
    createElement: () => link,
    body: { append: (a: HTMLAnchorElement) => (download = a.download) },
  } as unknown as Document;
  downloadRules(name, "tool IIT", doc);
  return download;
}
const SHEET = seedSheet(readFileSync("examples/khlong-phon-2568/scores.csv", "utf8"));
/** The seed table on its sheet (header on row 3) and, beside it, formulas that use the rules named "2569". */
const TABLE = `A3:C${SHEET.rows.length}`;
const COPY = copyYear("2568", "2569")!;
/** The copy with the weights moved from OIT to IIT: the seed's strong IIT (99.24) then counts for more. */
const REWEIGHTED = COPY.replace(/(tool IIT .*?weight) 30/, "$1 40").replace(/(tool OIT .*?weight) 40/, "$1 30");
/** The copy with ผ่านดี asking for a total of 94: the seed's 93.60 falls to ผ่าน. */
const REBANDED = COPY.replace('"ผ่านดี" "Good pass" when total >= 85', '"ผ่านดี" "Good pass" when total >= 94');
const BROKEN = COPY.replace(/(tool IIT .*?weight) 30/, "$1 35"); // weights add up to 105

/** Every name these tests may register with the functions: forgotten after each test. */
const NAMES = ["2569", "เกณฑ์จังหวัด", "เดิม", ...Array.from({ length: 10 }, (_, set) => `เกณฑ์ ${set}`)];

function fresh(): { port: MemoryWorkbook; store: RulesStore } {
  const port = new MemoryWorkbook([SHEET]);
  port.setCell(SHEET.name, "E1", `=ITA.TOTAL(${TABLE}, "2569")`);
  port.setCell(SHEET.name, "E2", `=ITA.RATING(${TABLE}, "2569")`);
  let tick = 0;
  return { port, store: new RulesStore(port, { now: () => new Date(Date.UTC(2026, 10, 26, 10, 0, tick++)) }) };
}

describe("rules store", () => {
  afterEach(() => forgetRules(...NAMES));

  describe("saving", () => {
    it("registers the saved text, so =ITA.TOTAL cells using the name recalculate", async () => {
      const { port, store } = fresh();
      assert.equal((port.shown(SHEET.name, 1, 5) as { error?: string }).error, "#N/A"); // unknown rules until saved
      assert.deepEqual(await store.save("2569", COPY, "2568"), { ok: true });
      assert.equal(await store.savedText("2569"), COPY);
      assert.ok(functionsKnow("2569"));
      assert.equal(port.shown(SHEET.name, 1, 5), 93.6);
      assert.equal(port.shown(SHEET.name, 2, 5), "ผ่านดี");
      assert.equal((await store.load("2569")).info.from, "2568");
    });

    it("changes the =ITA.TOTAL cell when the weights are changed and saved again", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      await store.save("2569", REWEIGHTED);
      // 0.4 × 99.24 + 0.15 × 92.19 + 0.15 × 93.33 + 0.3 × 90 = 94.52; every tool is still ≥ 85, so still ผ่านดี.
      assert.equal(port.shown(SHEET.name, 1, 5), 94.52);
      assert.equal(port.shown(SHEET.name, 2, 5), "ผ่านดี");
    });

    it("changes the =ITA.RATING cell when a band's condition is changed and saved again", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      assert.equal(port.shown(SHEET.name, 2, 5), "ผ่านดี");
      assert.deepEqual(await store.save("2569", REBANDED), { ok: true });
      assert.equal(port.shown(SHEET.name, 2, 5), "ผ่าน");
      assert.equal(port.shown(SHEET.name, 1, 5), 93.6);
    });

    it("refuses text with errors: nothing saved, registered or recalculated, and says why", async () => {
      const { port, store } = fresh();
      const r = await store.save("2569", BROKEN);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.diagnostics.some((d) => d.code === "ITA-C001"));
      assert.ok(!r.ok && r.th.includes("ฉบับร่าง") && r.en.includes("draft"));
      assert.deepEqual(await port.settingKeys("ITA.rules"), []);
      assert.deepEqual(port.textIds(), []);
      assert.equal(functionsKnow("2569"), false);
      assert.equal((port.shown(SHEET.name, 1, 5) as { error?: string }).error, "#N/A");
    });

    it("leaves the functions on the rules the workbook holds when the workbook refuses the write", async () => {
      const { port, store } = fresh();
      port.writeText = async () => {
        throw new Error("the workbook is full");
      };
      await assert.rejects(store.save("2569", COPY), /the workbook is full/);
      assert.equal(functionsKnow("2569"), false);
    });

    it("refuses the name of a bundled year and an empty name", async () => {
      const { port, store } = fresh();
      const calls = port.calls;
      const bundled = await store.save("2568", COPY);
      const empty = await store.save("  ", COPY);
      assert.ok(!bundled.ok && bundled.en.includes("bundled year"));
      assert.ok(!empty.ok && empty.en.includes("no name"));
      assert.equal(port.calls, calls);
    });
  });

  describe("drafts", () => {
    it("keeps a draft with errors and gives it back to a pane opened later", async () => {
      const { port, store } = fresh();
      await store.saveDraft("2569", BROKEN, "2568");
      const reopened = await new RulesStore(port).load("2569");
      assert.equal(reopened.draft?.text, BROKEN);
      assert.equal(reopened.draft?.from, "2568");
      assert.equal(reopened.saved, undefined);
    });

    it("never lets a draft be used for scoring", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      await store.saveDraft("2569", REWEIGHTED);
      await port.recalculate();
      assert.equal(port.shown(SHEET.name, 1, 5), 93.6);
    });

    it("clears the draft once the text is saved", async () => {
      const { store } = fresh();
      await store.saveDraft("2569", COPY);
      await store.save("2569", COPY);
      assert.equal((await store.load("2569")).draft, undefined);
    });

    it("lists names that have saved rules or only a draft", async () => {
      const { store } = fresh();
      await store.save("เกณฑ์จังหวัด", COPY);
      await store.saveDraft("2569", BROKEN);
      assert.deepEqual(await store.names(), ["2569", "เกณฑ์จังหวัด"]);
    });

    it("remembers which rules the editor had open", async () => {
      const { store } = fresh();
      await store.setCurrentName("2569");
      assert.equal(await store.currentName(), "2569");
    });
  });

  describe("saved versions", () => {
    it("keeps the text a save replaced and restores it, for scoring too", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      await store.save("2569", REWEIGHTED);
      const versions = await store.versions("2569");
      assert.equal(versions.length, 1);
      assert.equal(versions[0]!.text, COPY);
      assert.deepEqual(await store.restore("2569", 0), { ok: true });
      assert.equal(await store.savedText("2569"), COPY);
      assert.equal(port.shown(SHEET.name, 1, 5), 93.6);
      assert.equal((await store.versions("2569"))[0]!.text, REWEIGHTED);
    });

    it(`keeps at most ${MAX_VERSIONS} versions, newest first`, async () => {
      const { store } = fresh();
      const texts = Array.from({ length: MAX_VERSIONS + 3 }, (_, k) => `${COPY}\n# ฉบับ ${k}`);
      for (const t of texts) await store.save("2569", t);
      const kept = (await store.versions("2569")).map((v) => v.text.split("# ฉบับ ")[1]);
      assert.deepEqual(kept, ["6", "5", "4", "3", "2"]);
    });
  });

  describe("where the texts are kept", () => {
    it("keeps rules texts out of the settings, which hold only a small index per name", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      await store.saveDraft("2569", BROKEN);
      const index = (await port.getSetting(`${REF_PREFIX}2569`))!;
      assert.ok(index.length < INDEX_BUDGET_CHARS, index);
      assert.ok(!index.includes("assessment"));
      assert.equal(port.textIds().length, 2); // the saved text and the draft
    });

    it(`holds 10 rules sets × ${MAX_VERSIONS} versions with settings within budget, and starts up reading no text`, async () => {
      let textsRead = 0;
      const port = new (class extends MemoryWorkbook {
        override async readTexts(ids: readonly string[]): Promise<readonly (string | undefined)[]> {
          textsRead += ids.length;
          return super.readTexts(ids);
        }
      })();
      const store = new RulesStore(port, { register: () => {} });
      for (let set = 0; set < 10; set++) {
        for (let v = 0; v <= MAX_VERSIONS; v++) await store.save(`เกณฑ์ ${set}`, `${COPY}\n# ฉบับ ${v}`);
      }
      assert.equal((await store.versions("เกณฑ์ 9")).length, MAX_VERSIONS);
      const settings = await port.readSettings("");
      const chars = Object.values(settings).reduce((n, v) => n + v.length, 0);
      assert.ok(chars < 10 * INDEX_BUDGET_CHARS, `settings hold ${chars} characters`);
      textsRead = 0;
      const calls = port.calls;
      const started = await new RulesStore(port).registerForFunctions();
      assert.equal(started.loaded.length, 10);
      assert.equal(textsRead, 0);
      assert.equal(port.calls - calls, 1, "one round trip: the settings' index");
    });

    it("keeps texts in settings on an Excel without custom XML parts", async () => {
      const { port, store } = fresh();
      port.textsSupported = false;
      await store.save("2569", COPY);
      assert.deepEqual(port.textIds(), []);
      assert.equal(await store.savedText("2569"), COPY);
      assert.equal(port.shown(SHEET.name, 1, 5), 93.6);
    });
  });

  describe("workbooks saved before the index", () => {
    async function legacy(): Promise<{ port: MemoryWorkbook; store: RulesStore }> {
      const f = fresh();
      await f.port.setSetting("ITA.rules:2569", REWEIGHTED);
      await f.port.setSetting("ITA.draft:2569", JSON.stringify({ text: BROKEN, from: "2568", updated: "2026-01-01" }));
      await f.port.setSetting("ITA.rules-history:2569", JSON.stringify([{ text: COPY, savedAt: "2025-12-01" }]));
      await f.port.setSetting("ITA.rules-info:2569", JSON.stringify({ from: "2568", savedAt: "2025-12-31" }));
      return f;
    }

    it("reads their saved text, draft and versions as they are", async () => {
      const { store } = await legacy();
      const stored = await store.load("2569");
      assert.equal(stored.saved, REWEIGHTED);
      assert.equal(stored.draft?.text, BROKEN);
      assert.equal(stored.info.from, "2568");
      assert.equal((await store.versions("2569"))[0]!.text, COPY);
      assert.deepEqual(await store.names(), ["2569"]);
    });

    it("moves them into the index on the first save, keeping every version", async () => {
      const { port, store } = await legacy();
      await store.save("2569", REBANDED);
      assert.deepEqual(await port.settingKeys("ITA.rules:"), []);
      assert.deepEqual(await port.settingKeys("ITA.draft:"), []);
      assert.deepEqual(await port.settingKeys("ITA.rules-history:"), []);
      assert.equal(await store.savedText("2569"), REBANDED);
      assert.deepEqual(
        (await store.versions("2569")).map((v) => v.text),
        [REWEIGHTED, COPY],
      );
      assert.equal((await store.load("2569")).info.from, "2568");
    });
  });

  describe("deleting", () => {
    it("removes the saved rules, their draft and versions, and the formulas naming them show #N/A", async () => {
      const { port, store } = fresh();
      await store.save("2569", COPY);
      await store.save("2569", REWEIGHTED);
      await store.saveDraft("2569", BROKEN);
      await store.setCurrentName("2569");
      await store.choose("2569");
      await store.remove("2569");
      assert.deepEqual(await store.names(), []);
      assert.deepEqual(port.textIds(), []);
      assert.equal(functionsKnow("2569"), false);
      assert.equal(await port.getSetting(CURRENT_KEY), undefined);
      assert.equal(await port.getSetting(CHOICE_RULES), undefined);
      assert.equal((port.shown(SHEET.name, 1, 5) as { error?: string }).error, "#N/A");
    });

    it("leaves other rules and the workbook's other choices alone", async () => {
      const { store } = fresh();
      await store.save("2569", COPY);
      await store.save("เกณฑ์จังหวัด", COPY);
      await store.choose("เกณฑ์จังหวัด");
      await store.remove("2569");
      assert.deepEqual(await store.names(), ["เกณฑ์จังหวัด"]);
      assert.equal(await store.chosenRules(), "เกณฑ์จังหวัด");
      assert.equal(await store.savedText("เกณฑ์จังหวัด"), COPY);
    });

    it("deletes rules an older workbook kept in settings", async () => {
      const { port, store } = fresh();
      await port.setSetting("ITA.rules:เดิม", COPY);
      await store.remove("เดิม");
      assert.deepEqual(await store.names(), []);
    });
  });

  describe(".ita files", () => {
    it("reads an imported file without its byte-order mark and with \\n line breaks", async () => {
      assert.equal(await readRulesFile(new Blob(["\uFEFFtool IIT\r\nweight 30\rx"])), "tool IIT\nweight 30\nx");
    });

    it("names the exported file after the rules, without characters a file system refuses", () => {
      assert.equal(exportFileName("เกณฑ์ 2569"), "เกณฑ์ 2569.ita");
      assert.equal(exportFileName('a/b:c"d'), "a-b-c-d.ita");
    });
  });
});
