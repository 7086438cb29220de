/**
 * The rules editor in a real browser: the built preview page (the task pane beside
 * the in-memory workbook holding the seed agency's sheet), driven by Debian's
 * Chromium. Edits are typed with the keyboard into CodeMirror; results are read
 * back from the preview grid, where =ITA.* formulas are computed by the real custom
 * functions. ITA_E2E_DIST=/tmp/dist-x serves another build (for iterating without
 * touching dist/).
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { serveStatic } from "../../scripts/preview-server.js";
import { guardedPage, launch, screenshotPath, type GuardedPage } from "./support/browser.js";
import { serveDist, type StaticServer } from "./support/server.js";

const DIST = process.env["ITA_E2E_DIST"] ?? "dist";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The seed sheet: title, blank row, header on row 3, 35 score rows. */
const TABLE = "A3:C38";

let browser: Browser;
let server: StaticServer;
const pages: GuardedPage[] = [];

async function openEditor(): Promise<GuardedPage> {
  const g = await guardedPage(browser);
  pages.push(g);
  await g.page.goto(`${server.url}preview.html`);
  await g.page.locator("#tab-editor").click();
  await g.page.locator("#view-editor .cm-content").waitFor();
  return g;
}

const editor = (page: Page): Locator => page.locator("#view-editor");

async function copyYear(page: Page): Promise<void> {
  await editor(page).getByRole("button", { name: "คัดลอก 2568 เป็น 2569" }).click();
  await editor(page).locator(".ita-status", { hasText: "คัดลอกเกณฑ์ 2568 เป็น 2569 แล้ว" }).waitFor();
}

/**
 * Scroll the editor until the line holding `text` is drawn and centred (CodeMirror
 * draws only the lines near the viewport, and redraws them a frame after a scroll).
 */
async function line(page: Page, text: string, fromEnd = false): Promise<Locator> {
  const found = editor(page).locator(".cm-line", { hasText: text }).first();
  const scroller = editor(page).locator(".cm-scroller");
  for (let attempt = 0; attempt < 5; attempt++) {
    await scroller.evaluate((s, end) => (s.scrollTop = end ? s.scrollHeight : 0), fromEnd);
    await page.waitForTimeout(50);
    for (let i = 0; i < 300 && (await found.count()) === 0; i++) {
      await scroller.evaluate((s, end) => (s.scrollTop += (end ? -0.7 : 0.7) * s.clientHeight), fromEnd);
      await page.waitForTimeout(40);
    }
    try {
      await found.evaluate((e) => e.scrollIntoView({ block: "center" }), undefined, { timeout: 1000 });
      await page.waitForTimeout(50);
      if ((await found.count()) > 0) return found;
    } catch {
      // redrawn under us: look again
    }
  }
  throw new Error(`line not found in the editor: ${text}`);
}

/** Select a token by double-clicking it, as a user would, and type over it. */
async function retype(
  page: Page,
  lineText: string,
  token: Locator | string,
  typed: string,
  fromEnd = false,
): Promise<void> {
  const l = await line(page, lineText, fromEnd);
  const target = typeof token === "string" ? l.locator(`span:text-is("${token}")`).first() : token;
  await target.dblclick();
  await page.keyboard.type(typed);
}

async function save(page: Page): Promise<void> {
  await editor(page).getByRole("button", { name: "บันทึก", exact: true }).click();
}

async function saved(page: Page): Promise<void> {
  await save(page);
  await editor(page).locator(".ita-status", { hasText: "บันทึกเกณฑ์ 2569 แล้ว" }).waitFor();
}

async function problemsHeading(page: Page): Promise<string> {
  await page.waitForTimeout(450); // the checker runs 300 ms after the last keystroke
  return (await editor(page).locator("#ita-problems-heading").textContent()) ?? "";
}

/** Type into the preview's formula bar, as a user of the sample workbook would. */
async function typeInCell(page: Page, cell: string, text: string): Promise<void> {
  await page.locator(`table.grid td[data-cell="${cell}"]`).click();
  await page.locator(".formula-bar").fill(text);
  await page.locator(".formula-bar").press("Enter");
}

async function cell(page: Page, a1: string): Promise<string> {
  return (await page.locator(`table.grid td[data-cell="${a1}"]`).textContent()) ?? "";
}

async function waitCell(page: Page, a1: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([a, e]) => document.querySelector(`table.grid td[data-cell="${a}"]`)?.textContent === e,
    [a1, expected] as const,
    { timeout: 5000 },
  );
}

describe("rules editor (preview, Chromium)", function () {
  before(async () => {
    server = DIST === "dist" ? await serveDist() : await serveStatic(DIST, 0, "127.0.0.1");
    browser = await launch();
  });

  afterEach(async function () {
    for (const g of pages.splice(0)) {
      if (this.currentTest?.state === "failed") {
        await g.page.screenshot({ path: screenshotPath(`editor-${this.currentTest.title.slice(0, 40)}`) });
      }
      assert.deepEqual(g.outside, [], "the page fetched something from outside localhost");
      assert.deepEqual(g.errors, [], "the page logged errors");
      await g.context.close();
    }
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("starts 2569 from the bundled 2568 rules with the year line changed", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    const year = await line(page, "assessment ");
    assert.match((await year.textContent()) ?? "", /year 2569$/);
    assert.equal(await problemsHeading(page), "ไม่พบปัญหา");
  });

  it("underlines a mistake typed after Thai text exactly where it is, and says it in Thai and English on hover", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await retype(page, 'indicator 1 "การปฏิบัติหน้าที่"', "IIT", "IIX");
    const mark = editor(page).locator(".cm-lintRange-error");
    await mark.waitFor();
    assert.deepEqual(await mark.allTextContents(), ["IIX"]);

    // The list names the line the gutter shows and the column a person counts (graphemes, not UTF-16 units).
    const gutterLine = (await editor(page).locator(".cm-activeLineGutter").textContent())!.trim();
    const lineText = (await (await line(page, 'indicator 1 "การปฏิบัติหน้าที่"')).textContent())!;
    const column = await page.evaluate((t) => {
      const before = t.slice(0, t.indexOf("IIX"));
      return [...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(before)].length + 1;
    }, lineText);
    assert.ok(column < lineText.indexOf("IIX") + 1, "the Thai label must make the grapheme column smaller");
    const entry = editor(page).locator(".ita-problems button");
    assert.equal(await entry.count(), 1);
    assert.match((await entry.textContent())!, new RegExp(`บรรทัด ${gutterLine} คอลัมน์ ${column} · ITA-C003`));

    await mark.hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    const text = (await tooltip.textContent())!;
    assert.ok(text.includes('ไม่รู้จักแบบวัด "IIX"') && text.includes('unknown tool "IIX"'), text);
    await page.screenshot({ path: screenshotPath("editor-diagnostic-under-thai") });
  });

  it("jumps from a problem in the list to its place, where typing fixes it", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await retype(page, 'indicator 1 "การปฏิบัติหน้าที่"', "IIT", "IIX");
    assert.match(await problemsHeading(page), /ผิดพลาด 1/);
    await editor(page).locator(".ita-problems button").click();
    await page.keyboard.type("IIT");
    assert.equal(await problemsHeading(page), "ไม่พบปัญหา");
  });

  it("changes an =ITA.TOTAL cell in the workbook when a weight is changed in the editor and saved", async () => {
    const { page } = await openEditor();
    await typeInCell(page, "E1", `=ITA.TOTAL(${TABLE},"2569")`);
    assert.equal(await cell(page, "E1"), "#N/A"); // no rules of that name yet
    await copyYear(page);
    await saved(page);
    await waitCell(page, "E1", "93.6");
    await retype(page, 'tool IIT "', "30", "40");
    await retype(page, 'tool OIT "', "40", "30");
    await saved(page);
    // 0.4 × 99.24 + 0.15 × 92.19 + 0.15 × 93.33 + 0.3 × 90
    await waitCell(page, "E1", "94.52");
  });

  it("changes an =ITA.RATING cell when a band's condition is changed only in the editor", async () => {
    const { page } = await openEditor();
    await typeInCell(page, "E2", `=ITA.RATING(${TABLE},"2569")`);
    await copyYear(page);
    await saved(page);
    await waitCell(page, "E2", "ผ่านดี");
    const band = await line(page, '"ผ่านดี" "Good pass" when', true);
    await retype(page, '"ผ่านดี" "Good pass" when', band.locator('span:text-is("85")').first(), "94", true);
    await saved(page);
    await waitCell(page, "E2", "ผ่าน");
  });

  it("restores a saved version, and the =ITA.TOTAL cell follows", async () => {
    const { page } = await openEditor();
    await typeInCell(page, "E1", `=ITA.TOTAL(${TABLE},"2569")`);
    await copyYear(page);
    await saved(page);
    await retype(page, 'tool IIT "', "30", "40");
    await retype(page, 'tool OIT "', "40", "30");
    await saved(page);
    await waitCell(page, "E1", "94.52");
    await editor(page).locator(".ita-versions summary").click();
    await editor(page).locator(".ita-versions button", { hasText: "เรียกคืน" }).first().click();
    await editor(page).locator(".ita-status", { hasText: "เรียกคืนฉบับที่บันทึกไว้แล้ว" }).waitFor();
    await waitCell(page, "E1", "93.6");
    assert.match((await (await line(page, 'tool IIT "')).textContent())!, /weight 30 mean of indicators/);
  });

  it("compares with the version saved before, as well as with the year the rules came from", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await saved(page);
    await retype(page, 'tool IIT "', "30", "40");
    await retype(page, 'tool OIT "', "40", "30");
    await saved(page);
    await editor(page).locator("#ita-diff-base").selectOption("previous");
    const changes = editor(page).locator(".ita-diff details li");
    await changes.first().waitFor();
    const listed = (await changes.allTextContents()).join("\n");
    assert.match(listed, /IIT.*30.*40/);
    assert.doesNotMatch(listed, /2568 → 2569/, "the year was already 2569 in the version saved before");
    await editor(page).locator("#ita-diff-base").selectOption("2568");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#view-editor .ita-diff li")].some((li) => li.textContent?.includes("2569")),
    );
  });

  it("deletes saved rules after a confirmation in the pane, and the =ITA.TOTAL cell shows #N/A", async () => {
    const { page } = await openEditor();
    await typeInCell(page, "E1", `=ITA.TOTAL(${TABLE},"2569")`);
    await copyYear(page);
    await saved(page);
    await waitCell(page, "E1", "93.6");
    await editor(page).getByRole("button", { name: "ลบเกณฑ์นี้" }).click();
    const dialog = editor(page).getByRole("alertdialog");
    await dialog.waitFor();
    assert.match((await dialog.textContent())!, /ลบเกณฑ์ "2569"/);
    await dialog.getByRole("button", { name: "ไม่ลบ" }).click();
    assert.equal(await dialog.isVisible(), false);
    await waitCell(page, "E1", "93.6");
    await editor(page).getByRole("button", { name: "ลบเกณฑ์นี้" }).click();
    await dialog.getByRole("button", { name: "ลบ", exact: true }).click();
    await editor(page).locator(".ita-status", { hasText: "ลบเกณฑ์ 2569 แล้ว" }).waitFor();
    await waitCell(page, "E1", "#N/A");
    assert.deepEqual(await editor(page).locator("#ita-rules-open option").allTextContents(), ["— เลือก —"]);
  });

  it("completes the tools the text declares after `tool`, and keywords elsewhere", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await editor(page).locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type('\nindicator 11 "ใหม่" tool ');
    await page.keyboard.press("Control+Space");
    const options = editor(page).locator(".cm-tooltip-autocomplete li .cm-completionLabel");
    await options.first().waitFor();
    assert.deepEqual(await options.allTextContents(), ["EIT1", "EIT2", "IIT", "OIT"]);
    await page.keyboard.press("Escape");
    await page.keyboard.type("OIT mean of q");
    await options.first().waitFor();
    assert.deepEqual(await options.allTextContents(), ["question", "questions"]);
  });

  it("refuses to save text with errors, keeps it as a draft and leaves the workbook's result alone", async () => {
    const { page } = await openEditor();
    await typeInCell(page, "E1", `=ITA.TOTAL(${TABLE},"2569")`);
    await copyYear(page);
    await saved(page);
    await waitCell(page, "E1", "93.6");
    await retype(page, 'tool IIT "', "30", "35"); // weights now add up to 105
    assert.match(await problemsHeading(page), /ผิดพลาด 1/);
    await save(page);
    await editor(page).locator(".ita-status", { hasText: "จึงเก็บไว้เป็นฉบับร่างเท่านั้น" }).waitFor();
    assert.equal(await cell(page, "E1"), "93.6");
  });

  it("keeps an unsaved edit when the editor is closed and opened again", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await retype(page, 'tool IIT "', "30", "35");
    await problemsHeading(page); // the draft is written once the text is checked
    // Switching the language closes the editor and opens a new one from the workbook.
    await page.locator("button.lang").click();
    await page.locator("button.lang").click();
    await editor(page).locator(".cm-content").waitFor();
    await editor(page).locator(".ita-status", { hasText: "2569" }).waitFor();
    const tool = await line(page, 'tool IIT "');
    assert.match((await tool.textContent())!, /weight 35 mean of indicators/);
    assert.match(await problemsHeading(page), /ผิดพลาด 1/);
  });

  it("says what changed against 2568 and the effect on this workbook's total and rating", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    await retype(page, 'tool IIT "', "30", "40");
    await retype(page, 'tool OIT "', "40", "30");
    await problemsHeading(page);
    const changes = await editor(page).locator(".ita-diff li").allTextContents();
    assert.deepEqual(changes, ["ปีงบประมาณ 2568 → 2569", "แบบวัด IIT: น้ำหนัก 30% → 40%", "แบบวัด OIT: น้ำหนัก 40% → 30%"]);
    const effect = editor(page).locator("table.ita-effect");
    assert.equal(await effect.getAttribute("data-before"), "93.6");
    assert.equal(await effect.getAttribute("data-after"), "94.52");
    assert.match((await effect.textContent())!, /93\.60 ผ่านดี.*94\.52 ผ่านดี/);
  });

  it("exports the rules as <name>.ita and imports a .ita file as a draft", async () => {
    const { page } = await openEditor();
    await copyYear(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      editor(page).getByRole("button", { name: "ส่งออกไฟล์ .ita" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "2569.ita");
    const exported = readFileSync((await download.path())!, "utf8");
    assert.match(exported, /year 2569\n/);
    await editor(page)
      .locator('input[type="file"]')
      .setInputFiles({
        name: "จังหวัด.ita",
        mimeType: "text/plain",
        buffer: Buffer.from(exported.replace("weight 30", "weight 31")),
      });
    await editor(page).locator(".ita-status", { hasText: 'นำเข้า จังหวัด.ita เป็นฉบับร่าง "จังหวัด"' }).waitFor();
    assert.equal(await editor(page).locator("#ita-rules-name").inputValue(), "จังหวัด");
    assert.match(await problemsHeading(page), /ผิดพลาด 1/); // 31 + 15 + 15 + 40
  });

  it("fits a 320-pixel pane, is reached and left with the keyboard, and has no serious accessibility problem", async () => {
    const { page } = await openEditor();
    await page.addStyleTag({ content: ".pane-host { width: 320px !important; }" });
    await copyYear(page);
    const overflow = await editor(page).evaluate((e) => e.scrollWidth - e.clientWidth);
    assert.ok(overflow <= 0, `the editor is ${overflow}px wider than the pane`);

    await editor(page).locator("#ita-rules-name").focus();
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      stops.push(await page.evaluate(() => document.activeElement?.className ?? ""));
      if (stops.at(-1)!.includes("cm-content")) break;
    }
    assert.ok(stops.at(-1)!.includes("cm-content"), `Tab never reached the editor: ${stops.join(" | ")}`);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert.ok(!(await page.evaluate(() => document.activeElement?.className ?? "")).includes("cm-content"));

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(c: Element): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      return (await axe.run(document.querySelector("#view-editor")!)).violations;
    });
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(serious, []);
  });

  it("keeps CodeMirror out of the files Excel loads for the custom functions and the pane", () => {
    const initial = ["runtime.js", "common.js", "functions.js", "taskpane.js"];
    const js = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    assert.ok(js.includes("editor.js"), `no editor chunk in ${js.join(", ")}`);
    const lazy = js.filter((f) => !initial.includes(f)).map((f) => readFileSync(join(DIST, f), "utf8"));
    assert.ok(
      lazy.some((text) => text.includes("cm-editor")),
      "CodeMirror is in none of the lazy chunks",
    );
    for (const f of initial)
      assert.ok(!readFileSync(join(DIST, f), "utf8").includes("cm-editor"), `${f} holds CodeMirror`);
  });
});
