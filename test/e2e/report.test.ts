/**
 * The published HTML report in headless Chromium: written by `ita report` from the
 * example workbook, opened from disk, it fetches nothing, runs no script, shows the
 * seed's figures and its chart, and a screenshot is kept in test-output/.
 */
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { run } from "../../src/cli/main.js";
import { guardedPage, launch, screenshotPath, type GuardedPage } from "./support/browser.js";
import { tempDir } from "../support/temp-dir.js";

describe("the HTML report in a browser", () => {
  let browser: Browser;
  let g: GuardedPage;
  const out = tempDir("ita-report-e2e-");

  before(async () => {
    const code = await run(["report", "examples/khlong-phon-2568/khlong-phon-2568.xlsx", "--out", out], {
      out: () => {},
      err: () => {},
    });
    assert.equal(code, 0);
    const page = join(out, "เทศบาลตำบลคลองพน.html");
    assert.ok(existsSync(page));
    browser = await launch();
    g = await guardedPage(browser);
    await g.page.goto(pathToFileURL(page).href);
    await g.page.screenshot({ path: screenshotPath("report-khlong-phon"), fullPage: true });
  });

  after(async () => {
    await browser?.close();
  });

  it("makes no request outside the page and raises no error", () => {
    assert.deepEqual(g.outside, []);
    assert.deepEqual(g.errors, []);
  });

  it("has no script at all", async () => {
    assert.equal(await g.page.locator("script").count(), 0);
  });

  it("shows the seed's total and rating in the headline", async () => {
    assert.equal(await g.page.locator('[data-figure="total"]').textContent(), "93.60");
    assert.equal(await g.page.locator('[data-figure="rating"]').textContent(), "ผ่านดี");
  });

  it("draws one bar per indicator and the pass-mark line at 85 in the chart", async () => {
    const svg = g.page.locator("svg.chart");
    assert.equal(await svg.locator("rect").count(), 10);
    const line = svg.locator(".pass-mark line").first();
    const bar10 = svg.locator("rect").nth(9);
    // Indicator 10 (80.00) stays below the line; indicator 9 (100.00) rises above it.
    const lineY = Number(await line.getAttribute("y1"));
    assert.ok(Number(await bar10.getAttribute("y")) > lineY);
    assert.ok(Number(await svg.locator("rect").nth(8).getAttribute("y")) < lineY);
    assert.match((await svg.locator(".pass-mark text").textContent()) ?? "", /85\.00/);
  });

  it("lets the plan's cells be edited in the page before printing or saving", async () => {
    const cell = g.page.locator('.plan-table tr[data-indicator="10"] td').nth(3);
    await cell.click();
    await g.page.keyboard.press("End");
    await g.page.keyboard.type(" และนายกเทศมนตรี");
    assert.equal(await cell.textContent(), "นิติกร หัวหน้าสำนักปลัดเทศบาล และนายกเทศมนตรี");
  });

  it("lays the page out in a Thai font from the stack", async () => {
    const family = await g.page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(family, /^"TH Sarabun New", Sarabun, "Leelawadee UI", "Noto Sans Thai", sans-serif$/);
  });
});
