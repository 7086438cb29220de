/**
 * The criteria view in a real browser, tried as a new user would in a 320-pixel
 * pane: the built preview page (the task pane beside the in-memory workbook with
 * the seed agency's sheet), driven by Debian's Chromium. Next year's criteria are
 * made through the forms only — by mouse, and again by keyboard alone — saved, and
 * followed into the wizard's entry sheet and the results sheet's =ITA.* formulas.
 * The saved text is compared with the 2568 file line by line.
 */
import { strict as assert } from "node:assert";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { bundledText, evaluateRows, loadRulesText, type ScoreRow } from "../../src/engine/index.js";
import { copyYear } from "../../src/workbook/copy-year.js";
import { guardedPage, launch, screenshotPath, type GuardedPage } from "./support/browser.js";
import { serveDist, type StaticServer } from "./support/server.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const NAME_11 = "การป้องกันผลประโยชน์ทับซ้อน";
const Q16 = "หน่วยงานของท่านมีการป้องกันผลประโยชน์ทับซ้อน มากน้อยเพียงใด";
const Q17 = "เจ้าหน้าที่ในหน่วยงานของท่านแจ้งเมื่อมีผลประโยชน์ทับซ้อน มากน้อยเพียงใด";
/** Every question's score, OIT items included (the seed's items), plus the two new questions. */
const ITEMS = readFileSync("examples/khlong-phon-2568/oit-items.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","));
const NEW_SCORES: Record<string, string> = { i16: "80", i17: "60" };

let browser: Browser;
let server: StaticServer;
const pages: GuardedPage[] = [];

async function openCriteria(): Promise<Page> {
  const g = await guardedPage(browser);
  pages.push(g);
  await g.page.goto(`${server.url}preview.html`);
  await g.page.addStyleTag({ content: ".pane-host { width: 320px !important; }" });
  await g.page.locator('input[name="rules"]:checked').waitFor();
  return g.page;
}

const view = (page: Page) => page.locator("#view-criteria");

async function status(page: Page, text: string): Promise<void> {
  await view(page).locator(".crit-status", { hasText: text }).waitFor();
}

/** Type a value into a field and press Enter, as a user finishing a cell. */
async function enter(page: Page, id: string, value: string): Promise<void> {
  const field = page.locator(`#${id}`);
  await field.fill(value);
  await field.press("Enter");
}

/** Wait until the field shows a value (the view re-rendered from the edited text). */
async function shows(page: Page, id: string, value: string): Promise<void> {
  await page.waitForFunction(([i, v]) => (document.getElementById(i) as HTMLInputElement | null)?.value === v, [
    id,
    value,
  ] as const);
}

/** Press Tab (or Shift+Tab) until the element with this id has focus. */
async function tabTo(page: Page, id: string, back = false): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? "")) === id) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** The rules text as the text view exports it. */
async function exported(page: Page): Promise<string> {
  await page.locator("#tab-editor").click();
  const editor = page.locator("#view-editor");
  await editor.locator(".ita-status", { hasText: "2569" }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    editor.getByRole("button", { name: "ส่งออกไฟล์ .ita" }).click(),
  ]);
  return readFileSync((await download.path())!, "utf8");
}

/** What the walk must give: the 2568 text copied as 2569 with exactly the walk's edits. */
function expectedText(): string {
  const swap = (text: string, find: string, by: string): string => {
    assert.equal(text.split(find).length, 2, `not exactly one "${find}"`);
    return text.replace(find, () => by);
  };
  let t = copyYear("2568", "2569")!;
  t = swap(t, `Assessment" weight 30 mean of indicators`, `Assessment" weight 35 mean of indicators`);
  t = swap(t, `Transparency Assessment" weight 40 mean`, `Transparency Assessment" weight 35 mean`);
  t = swap(
    t,
    `    period "ไตรมาสที่ ๑ - ๒"\n}\n\n# ===== EIT`,
    [
      `    period "ไตรมาสที่ ๑ - ๒"`,
      `}`,
      ``,
      `indicator 11 "${NAME_11}" tool IIT mean of questions {`,
      `  question i16 "${Q16}" scale likert4`,
      `  question i17 "${Q17}" scale likert4`,
      `}`,
      ``,
      `# ===== EIT`,
    ].join("\n"),
  );
  return swap(t, `"ผ่านดีเยี่ยม" "Excellent pass" when total >= 95`, `"ผ่านดีเยี่ยม" "Excellent pass" when total >= 96`);
}

/** Lines of one text that the other does not have anywhere: what an edit removed and what it added. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(c: Element): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document.querySelector("#view-criteria")!)).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function grid(page: Page): Promise<string[][]> {
  return page
    .locator("table.grid tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

async function next(page: Page, to: string): Promise<void> {
  await page.locator("#app .actions button.primary").click();
  await page.waitForFunction((text) => document.querySelector("#step-heading")?.textContent?.includes(text), to);
}

/** The walk through the forms with the mouse (fields filled, buttons clicked). */
async function walkByMouse(page: Page): Promise<void> {
  await page.locator("#tab-criteria").click();
  await view(page).locator("#crit-copy").click();
  await status(page, "คัดลอกเกณฑ์ 2568 เป็น 2569 แล้ว");

  await enter(page, "crit-tool-0-weight", "35");
  await view(page).locator("#crit-weight-error", { hasText: "น้ำหนักรวมกันได้ 105 ต้องเท่ากับ 100" }).waitFor();
  await enter(page, "crit-tool-3-weight", "35");
  await shows(page, "crit-tool-3-weight", "35");
  assert.equal(await view(page).locator("#crit-weight-error").isHidden(), true);
  assert.equal(await view(page).locator("#crit-weight-sum").textContent(), "100");

  await page.locator("#crit-new-ind-id").fill("11");
  await page.locator("#crit-new-ind-th").fill(NAME_11);
  await page.locator("#crit-new-ind-tool").selectOption("IIT");
  await page.locator("#crit-new-ind-add").click();
  await page.locator("#crit-ind-11-qid").waitFor();
  for (const [id, text] of [
    ["i16", Q16],
    ["i17", Q17],
  ] as const) {
    await page.locator("#crit-ind-11-qid").fill(id);
    await page.locator("#crit-ind-11-qth").fill(text);
    await page.locator("#crit-ind-11-qscale").selectOption("likert4");
    await page.locator("#crit-ind-11-qadd").click();
    await page.locator(`#crit-ind-11 legend`, { hasText: `ข้อ ${id}` }).waitFor();
  }

  await enter(page, "crit-band-0-c0-from", "96");
  await shows(page, "crit-band-0-c0-from", "96");
}

/** The same walk with the keyboard alone. */
async function walkByKeyboard(page: Page): Promise<void> {
  await page.locator("#tab-assess").focus();
  await page.keyboard.press("ArrowRight");
  await view(page).locator("#crit-copy").waitFor();
  await tabTo(page, "crit-copy");
  await page.keyboard.press("Enter");
  await status(page, "คัดลอกเกณฑ์ 2568 เป็น 2569 แล้ว");

  await tabTo(page, "crit-tool-0-weight");
  await typeOver(page, "35");
  await page.keyboard.press("Enter");
  await view(page).locator("#crit-weight-error", { hasText: "105" }).waitFor();
  await tabTo(page, "crit-tool-3-weight");
  await typeOver(page, "35");
  await page.keyboard.press("Enter");
  await shows(page, "crit-tool-3-weight", "35");

  await tabTo(page, "crit-new-ind-id");
  await typeOver(page, "11");
  await page.keyboard.press("Tab");
  await page.keyboard.type(NAME_11);
  await tabTo(page, "crit-new-ind-add");
  await page.keyboard.press("Enter");
  // Focus moves to the new indicator's first question id, suggested as i16.
  await page.waitForFunction(() => document.activeElement?.id === "crit-ind-11-qid");
  for (const [id, text] of [
    ["i16", Q16],
    ["i17", Q17],
  ] as const) {
    await shows(page, "crit-ind-11-qid", id);
    await page.keyboard.press("Tab");
    await page.keyboard.type(text);
    await tabTo(page, "crit-ind-11-qadd");
    await page.keyboard.press("Enter");
    await page.locator(`#crit-ind-11 legend`, { hasText: `ข้อ ${id}` }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "crit-ind-11-qid");
  }

  await tabTo(page, "crit-band-0-c0-from", true);
  await typeOver(page, "96");
  await page.keyboard.press("Enter");
  await shows(page, "crit-band-0-c0-from", "96");
}

async function saveWith(page: Page, keyboard: boolean): Promise<void> {
  if (keyboard) {
    await tabTo(page, "crit-save", true);
    await page.keyboard.press("Enter");
  } else await page.locator("#crit-save").click();
  await status(page, "บันทึกเกณฑ์ 2569 แล้ว");
}

describe("criteria view (preview, Chromium, 320 px)", function () {
  this.timeout(240_000);

  before(async () => {
    server = await serveDist();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async function () {
    for (const g of pages.splice(0)) {
      if (this.currentTest?.state === "failed") {
        await g.page.screenshot({
          path: screenshotPath(`criteria-${this.currentTest.title.slice(0, 40)}`),
          fullPage: true,
        });
      }
      assert.deepEqual(g.outside, [], "the page fetched something from outside localhost");
      assert.deepEqual(g.errors, [], "the page logged errors");
      await g.context.close();
    }
  });

  it("makes 2569 from 2568 through the forms only, shows the live effect, and saves text that differs only in the edited lines", async () => {
    const page = await openCriteria();
    await walkByMouse(page);

    // The live effect: total and rating under 2568 and under the edit; the new questions have no scores in the seed sheet.
    const after = view(page).locator('[data-testid="effect-after"]');
    assert.equal(await view(page).locator('[data-testid="effect-before"]').textContent(), "93.60 ผ่านดี");
    // The seed sheet has no scores for indicator 11 yet: the effect says what the total still needs.
    assert.match((await after.textContent())!, /IIT 11: ไม่มีคะแนนตัวชี้วัดนี้/);
    await page.locator("#crit-ind-11-remove").click(); // without the new indicator, the weights alone:
    await after.filter({ hasText: "94.06 ผ่านดี" }).waitFor();
    assert.deepEqual(await view(page).locator(".crit-changes li").allTextContents(), []);
    await page.locator("#crit-effect").screenshot({ path: screenshotPath("criteria-effect") });

    // Put indicator 11 back and save.
    await page.locator("#crit-new-ind-th").fill(NAME_11);
    await page.locator("#crit-new-ind-add").click();
    for (const [id, text] of [
      ["i16", Q16],
      ["i17", Q17],
    ] as const) {
      await page.locator("#crit-ind-11-qid").fill(id);
      await page.locator("#crit-ind-11-qth").fill(text);
      await page.locator("#crit-ind-11-qadd").click();
      await page.locator(`#crit-ind-11 legend`, { hasText: `ข้อ ${id}` }).waitFor();
    }
    assert.equal(await view(page).locator("#crit-problems").getAttribute("data-errors"), "0");
    await page.locator("#crit-ind-11").evaluate((e) => e.scrollIntoView());
    const pane = (await page.locator("#app").boundingBox())!;
    const shot = { x: pane.x, y: 0, width: pane.width, height: page.viewportSize()!.height };
    await page.screenshot({ path: screenshotPath("criteria-view"), clip: shot });
    mkdirSync("docs", { recursive: true });
    copyFileSync(screenshotPath("criteria-view"), "docs/criteria-view.png");
    await saveWith(page, false);

    const saved = await exported(page);
    assert.equal(saved, expectedText());
    // Copying changes the year in the assessment's lines (its title and its "about" text); the rest is the walk's.
    const old = bundledText("2568")!.split("\n");
    const line = (test: (l: string) => boolean): string => old.find(test) ?? assert.fail("line not in 2568");
    const assessment = line((l) => l.startsWith("assessment "));
    const about = line((l) => l.startsWith("  about ") && l.includes("๒๕๖๘"));
    const iit = line((l) => l.startsWith("tool IIT "));
    const oit = line((l) => l.startsWith("tool OIT "));
    const excellent = line((l) => l.includes('"ผ่านดีเยี่ยม" "Excellent pass" when'));
    const diff = changedLines(bundledText("2568")!, saved);
    assert.deepEqual(diff.removed, [assessment, about, iit, oit, excellent]);
    assert.deepEqual(diff.added, [
      "# คัดลอกจากเกณฑ์ 2568 เพื่อเป็นเกณฑ์ 2569 / copied from the 2568 rules as 2569",
      assessment.replaceAll("2568", "2569"),
      about.replaceAll("๒๕๖๘", "๒๕๖๙"),
      iit.replace("weight 30", "weight 35"),
      oit.replace("weight 40", "weight 35"),
      `indicator 11 "${NAME_11}" tool IIT mean of questions {`,
      `  question i16 "${Q16}" scale likert4`,
      `  question i17 "${Q17}" scale likert4`,
      excellent.replace("total >= 95", "total >= 96"),
    ]);
  });

  it("offers the new questions on the Data step's entry sheet, and the results sheet's =ITA.* formulas give the new total", async () => {
    const page = await openCriteria();
    await walkByMouse(page);
    await saveWith(page, false);

    await page.locator("#tab-assess").click();
    await page.locator('input[name="rules"][value="2569"]').check();
    await next(page, "ข้อมูล");
    await page.locator('#app [data-key="entry"]').click();
    await page.locator('#app [data-testid="table-found"]').waitFor();
    const cells = await grid(page);
    const header = cells.findIndex((r) => r[1] === "ข้อ");
    const questions = cells.slice(header + 1).filter((r) => r[1]);
    assert.deepEqual(
      questions.filter((r) => r[1] === "i16" || r[1] === "i17").map((r) => r.slice(0, 3)),
      [
        ["IIT", "i16", Q16],
        ["IIT", "i17", Q17],
      ],
    );

    // Enter every score in the entry sheet, as staff would.
    const scoreOf = (tool: string, q: string): string =>
      NEW_SCORES[q] ?? ITEMS.find(([t, id]) => t === tool && id === q)?.[2] ?? assert.fail(`no score for ${tool} ${q}`);
    const rows: ScoreRow[] = [];
    for (let i = 0; i < questions.length; i++) {
      const [tool, q] = questions[i]!;
      const cell = `D${header + 2 + i}`;
      await page.locator(`table.grid td[data-cell="${cell}"]`).click();
      await page.locator(".formula-bar").fill(scoreOf(tool!, q!));
      await page.locator(".formula-bar").press("Enter");
      rows.push({ tool: tool!, question: q!, score: scoreOf(tool!, q!) });
    }
    await next(page, "ตรวจสอบ");
    await page.locator('#app [data-testid="check-ok"]').waitFor();
    await next(page, "ผลการประเมิน");
    await page.locator('#app [data-key="write"]').click();
    await page.locator('table.grid[data-sheet="ผลการประเมิน ITA 2569"]').waitFor();

    const loaded = loadRulesText(expectedText());
    assert.ok(loaded.ok);
    const out = evaluateRows(loaded.compiled, rows);
    assert.ok(out.ok);
    const expected = out.evaluation.total.published.toFixed(2);
    const old = loadRulesText(bundledText("2568")!);
    assert.ok(old.ok);
    const before = evaluateRows(
      old.compiled,
      rows.filter((r) => !["i16", "i17"].includes(String(r.question))),
    );
    assert.ok(before.ok);
    assert.notEqual(expected, before.evaluation.total.published.toFixed(2), "the new criteria must change the total");

    const total = (await grid(page)).find((r) => r[0] === "คะแนนรวม");
    assert.equal(total?.[3], expected);
    const cell = page.locator("table.grid td", { hasText: new RegExp(`^${expected.replace(".", "\\.")}$`) }).first();
    assert.match((await cell.getAttribute("data-formula")) ?? "", /^=ITA\.TOTAL\(.*,"2569"[,)]/);
  });

  it("can be walked with the keyboard alone, to the same saved text", async () => {
    const page = await openCriteria();
    await walkByKeyboard(page);
    await saveWith(page, true);
    assert.equal(await exported(page), expectedText());
  });

  it("fits a 320-pixel pane and has no serious or critical accessibility violation", async () => {
    const page = await openCriteria();
    await walkByMouse(page);
    const overflow = await view(page).evaluate((e) => e.scrollWidth - e.clientWidth);
    assert.ok(overflow <= 0, `the criteria view is ${overflow}px wider than the pane`);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("shows an unreachable band on its row and a gap above the bands, and the same problems as the text view", async () => {
    const page = await openCriteria();
    await page.locator("#tab-criteria").click();
    await view(page).locator("#crit-copy").click();
    await status(page, "คัดลอกเกณฑ์ 2568 เป็น 2569 แล้ว");
    await page.locator("#crit-band-2-up").click(); // ผ่าน above ผ่านดี: ผ่านดี can never be reached
    const row = view(page).locator("#crit-band-2-findings li");
    await row.first().waitFor();
    assert.match((await row.allTextContents()).join("\n"), /ผ่านดี.*ITA-C009/s);
    await enter(page, "crit-band-3-c0-from", "75"); // ต้องปรับปรุง from 75: no band rates 70–74.99
    await view(page).locator("#crit-rating-findings li", { hasText: "70.00–74.99" }).first().waitFor();

    const all = await view(page).locator("#crit-problems-list li").allTextContents();
    await page.locator("#tab-editor").click();
    await page.locator("#view-editor #ita-problems-heading", { hasText: "ผิดพลาด" }).waitFor();
    const codes = (await page.locator("#view-editor .ita-problems .ita-where").allTextContents()).map(
      (t) => t.split("· ")[1],
    );
    assert.deepEqual(
      codes,
      all.map((t) => /(ITA-[A-Z]\d+)\)$/.exec(t)?.[1]),
    );
  });

  it("keeps the broken part of a text edit read-only with its error, and loses nothing typed", async () => {
    const page = await openCriteria();
    await page.locator("#tab-criteria").click();
    await view(page).locator("#crit-copy").click();
    await status(page, "คัดลอกเกณฑ์ 2568 เป็น 2569 แล้ว");
    await enter(page, "crit-tool-0-weight", "35");
    await shows(page, "crit-tool-0-weight", "35");
    // In the text view, break the rating table.
    await page.locator("#tab-editor").click();
    const editor = page.locator("#view-editor");
    await editor.locator(".cm-content").waitFor();
    await editor.locator(".ita-status", { hasText: "2569" }).waitFor();
    await editor.locator(".cm-content").click();
    // The last band's line ends in "and" with nothing after it.
    await page.keyboard.press("Control+End");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.type(" and");
    await page.locator("#view-editor #ita-problems-heading", { hasText: "ผิดพลาด" }).waitFor();
    await page.waitForTimeout(400); // the draft is written 200 ms after the check

    await page.locator("#tab-criteria").click();
    await view(page).locator("#crit-tool-0-weight").waitFor();
    assert.equal(await page.locator("#crit-tool-0-weight").inputValue(), "35", "the form edit is kept");
    assert.equal(await view(page).locator("#crit-bands-h").count(), 1);
    // The rating holds the broken text: it is shown read-only with the reason.
    assert.equal(await page.locator("#crit-band-0-c0-from").isDisabled(), true);
    assert.match((await view(page).locator(".crit-broken").first().textContent())!, /มุมมองข้อความ/);
    assert.equal(await page.locator("#crit-tool-1-weight").isDisabled(), false, "the parts before it stay editable");
  });
});
