/**
 * The task-pane wizard in a real browser: the built preview page (the pane beside
 * the in-memory workbook holding the seed agency's sheet) served on 127.0.0.1,
 * driven by Debian's Chromium. Numbers are read back from the preview grid, i.e.
 * from the results sheet the wizard wrote, computed by its ITA formulas.
 */
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { guardedPage, launch, screenshotPath, type GuardedPage } from "./support/browser.js";
import { serveDist, type StaticServer } from "./support/server.js";
import { bundledText, evaluateRows, loadRulesText } from "../../src/engine/index.js";
import { provinceSheet } from "../../src/taskpane/preview/seed.js";

/** The many-agencies sample's second agency (src/taskpane/preview/seed.ts). */
const SAMPLE_AGENCY = "หน่วยงานสมมุติ (คะแนนคลองพนลบ ๕)";
import { SEED_CSV } from "../workbook/support.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
let server: StaticServer;
const pages: GuardedPage[] = [];

async function open(path = "preview.html"): Promise<GuardedPage> {
  const g = await guardedPage(browser);
  pages.push(g);
  await g.page.goto(`${server.url}${path}`);
  await g.page.locator('input[name="rules"]:checked').waitFor();
  return g;
}

const pane = (page: Page) => page.locator("#app");
const stepHeading = (page: Page) => pane(page).locator("#step-heading");

async function next(page: Page, to: string): Promise<void> {
  await pane(page).locator(".actions button.primary").click();
  await page.waitForFunction((text) => document.querySelector("#step-heading")?.textContent?.includes(text), to);
}

async function findTable(page: Page): Promise<void> {
  await pane(page).locator('[data-key="find"]').click();
  await pane(page).locator('[data-testid="table-found"]').waitFor();
}

/** Criteria → Data → Check → Results → Report on the sample workbook, as a user clicks through. */
async function toReportStep(page: Page): Promise<void> {
  await next(page, "ข้อมูล");
  await findTable(page);
  await next(page, "ตรวจสอบ");
  await pane(page).locator('[data-testid="check-ok"]').waitFor();
  await next(page, "ผลการประเมิน");
  await pane(page).locator('[data-key="next-4"]').click();
  await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.includes("รายงาน"));
}

/** Criteria → Data → Check → Results. */
async function toResultsStep(page: Page): Promise<void> {
  await next(page, "ข้อมูล");
  await findTable(page);
  await next(page, "ตรวจสอบ");
  await pane(page).locator('[data-testid="check-ok"]').waitFor();
  await next(page, "ผลการประเมิน");
}

/** The pane as wide as Excel's narrowest task pane, in a window 700 px high. */
async function narrowPane(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.addStyleTag({ content: ".pane-host { width: 320px !important; }" });
}

/** The grid of the sheet shown in the preview, as text, by row. */
async function grid(page: Page): Promise<string[][]> {
  return page
    .locator("table.grid tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

/** The row of the grid whose first cell is `label`. */
function row(cells: string[][], label: string): string[] {
  const found = cells.find((r) => r[0] === label);
  assert.ok(found, `no row "${label}" in the grid`);
  return found;
}

/** Type into the preview's formula bar, as a user of the sample workbook would. */
async function typeInCell(page: Page, cell: string, text: string): Promise<void> {
  await page.locator(`table.grid td[data-cell="${cell}"]`).click();
  await page.locator(".formula-bar").fill(text);
  await page.locator(".formula-bar").press("Enter");
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(c: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("task-pane wizard (preview, Chromium)", function () {
  before(async () => {
    server = await serveDist();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const g of pages.splice(0)) {
      assert.deepEqual(
        g.outside.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/")),
        [],
        "requests outside localhost",
      );
      await g.context.close();
    }
  });

  it("walks Criteria → Data → Check → Results on the seed scores and writes a results sheet with the published figures", async () => {
    const g = await open();
    const { page } = g;
    await page.screenshot({ path: screenshotPath("wizard-1-criteria"), fullPage: true });
    await next(page, "ข้อมูล");
    await findTable(page);
    assert.match(await pane(page).locator('[data-testid="table-found"]').innerText(), /คะแนน!A3:C38/);
    await page.screenshot({ path: screenshotPath("wizard-2-data"), fullPage: true });
    await next(page, "ตรวจสอบ");
    await pane(page).locator('[data-testid="check-ok"]').waitFor();
    await page.screenshot({ path: screenshotPath("wizard-3-check"), fullPage: true });
    await next(page, "ผลการประเมิน");
    assert.equal(await pane(page).locator(".headline .total").innerText(), "93.60");
    assert.equal(await pane(page).locator(".headline .rating").innerText(), "ผ่านดี");
    await pane(page).locator('[data-key="write"]').click();
    await page.locator('table.grid[data-sheet="ผลการประเมิน ITA 2568"]').waitFor();
    await page.screenshot({ path: screenshotPath("wizard-4-results"), fullPage: true });

    const cells = await grid(page);
    assert.deepEqual(
      ["IIT", "EIT1", "EIT2", "OIT"].map((tool) => row(cells, tool)[3]),
      ["99.24", "92.19", "93.33", "90.00"],
    );
    assert.equal(row(cells, "คะแนนรวม")[3], "93.60");
    assert.equal(row(cells, "ระดับผลการประเมิน")[3], "ผ่านดี");
    assert.deepEqual(cells.find((r) => r[0] === "ตัวชี้วัด")?.slice(0, 5), [
      "ตัวชี้วัด",
      "เครื่องมือการประเมิน",
      "ประเด็น",
      "คะแนน",
      "ผลการประเมิน",
    ]);
    assert.deepEqual(row(cells, "1").slice(3, 5), ["98.67", "ผ่านเกณฑ์"]);
    // The figures are live formulas over the score table, not pasted numbers.
    const total = page.locator("table.grid td", { hasText: /^93\.60$/ }).first();
    assert.match((await total.getAttribute("data-formula")) ?? "", /^=ITA\.TOTAL\('คะแนน'!A3:C38,"2568"\)$/);
    // The chart of the indicators with the pass-mark line is drawn.
    assert.equal(await page.locator(".charts svg rect").count(), 10);
    assert.equal(await page.locator(".charts svg polyline").count(), 1);
  });

  it("writes the analysis report and the improvement plan as sheets of their own, for the agency named in the workbook's หน่วยงาน sheet", async () => {
    const { page } = await open();
    await toReportStep(page);
    assert.equal(await pane(page).locator('[data-key="agency-name"]').inputValue(), "เทศบาลตำบลคลองพน");
    assert.equal(await pane(page).locator('[data-key="agency-province"]').inputValue(), "กระบี่");
    await page.screenshot({ path: screenshotPath("wizard-5-report"), fullPage: true });
    await pane(page).locator('[data-key="report-write"]').click();
    await page.locator('table.grid[data-sheet="รายงาน ITA 2568"]').waitFor();

    const report = await grid(page);
    assert.match(report[0]?.[0] ?? "", /เทศบาลตำบลคลองพน/);
    const i1 = report.find((r) => r.some((c) => c.includes("เป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด")));
    assert.ok(i1, "question i1 is in the report");
    assert.ok(i1.includes("99.43"), `i1's score in ${JSON.stringify(i1)}`);
    // 99.43 passes 85: the rules' "maintain" guidance, not "raise".
    assert.ok(i1.some((c) => c.endsWith("เพื่อรักษาระดับค่าคะแนนต่อไป")));

    await page.locator(".sheet-tab", { hasText: "แผนพัฒนา ITA 2568" }).click();
    await page.locator('table.grid[data-sheet="แผนพัฒนา ITA 2568"]').waitFor();
    const plan = (await grid(page)).flat();
    // Indicator 10 (80.00) is the one below the pass mark: its template leads the plan.
    assert.ok(plan.includes("การป้องกันการทุจริตในหน่วยงาน"), "indicator 10's plan template");
    // The user's score sheet is untouched and still first.
    assert.equal(await page.locator(".sheet-tab").first().innerText(), "คะแนน");
  });

  it("asks before replacing the report sheets written earlier", async () => {
    const { page } = await open();
    await toReportStep(page);
    await pane(page).locator('[data-key="agency-name"]').fill("หน่วยงานทดสอบ");
    await pane(page).locator('[data-key="report-write"]').click();
    await page.locator('table.grid[data-sheet="รายงาน ITA 2568"]').waitFor();
    await pane(page).locator('[data-key="agency-name"]').fill("ชื่อใหม่");
    await pane(page).locator('[data-key="report-write"]').click();
    await pane(page).locator('[data-key="report-replace"]').waitFor();
    assert.match(await pane(page).locator(".confirm").innerText(), /รายงาน ITA 2568/);
    await pane(page).locator('[data-key="report-cancel"]').click();
    assert.match((await grid(page))[0]?.[0] ?? "", /หน่วยงานทดสอบ/);
    await pane(page).locator('[data-key="report-write"]').click();
    await pane(page).locator('[data-key="report-replace"]').click();
    await page.waitForFunction(() => document.querySelector("table.grid tbody tr td")?.textContent?.includes("ชื่อใหม่"));
  });

  it("scores one agency of a provincial table, chosen by the user, and names the report after it", async () => {
    const { page } = await open("preview.html?sample=province");
    await next(page, "ข้อมูล");
    await findTable(page);
    const picker = pane(page).locator('[data-key="agency"]');
    assert.deepEqual(await picker.locator("option").allInnerTexts(), ["เทศบาลตำบลคลองพน", SAMPLE_AGENCY]);
    await picker.selectOption(SAMPLE_AGENCY);
    await page.waitForFunction(
      (name) => (document.querySelector('[data-key="agency"]') as HTMLSelectElement | null)?.value === name,
      SAMPLE_AGENCY,
    );
    await next(page, "ตรวจสอบ");
    await pane(page).locator('[data-testid="check-ok"]').waitFor();
    await next(page, "ผลการประเมิน");
    // The engine on the same generated rows says what the total must be; the pane and the live sheet agree.
    const rows = provinceSheet(SEED_CSV)
      .rows.slice(1)
      .filter((r) => r[3] === SAMPLE_AGENCY)
      .map(([tool, question, score]) => ({ tool, question, score }));
    const loaded = loadRulesText(bundledText("2568")!);
    assert.ok(loaded.ok);
    const expected = evaluateRows(loaded.compiled, rows);
    assert.ok(expected.ok);
    const total = expected.evaluation.total.published.toFixed(2);
    assert.equal(await pane(page).locator(".headline .total").innerText(), total);
    await pane(page).locator('[data-key="write"]').click();
    const sheet = page.locator("table.grid").first();
    await sheet.waitFor();
    assert.match((await sheet.getAttribute("data-sheet")) ?? "", /^ผลการประเมิน 2568 #1 หน่วยงาน/);
    assert.equal(row(await grid(page), "คะแนนรวม")[3], total);
    await pane(page).locator('[data-key="next-4"]').click();
    await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.includes("รายงาน"));
    assert.equal(await pane(page).locator('[data-key="agency-name"]').inputValue(), SAMPLE_AGENCY);
  });

  it("asks before replacing a results sheet written earlier, and replaces it only when told to", async () => {
    const { page } = await open();
    await next(page, "ข้อมูล");
    await findTable(page);
    await next(page, "ตรวจสอบ");
    await next(page, "ผลการประเมิน");
    await pane(page).locator('[data-key="write"]').click();
    await pane(page).locator('[data-key="goto"]').waitFor();
    await pane(page).locator('[data-key="write"]').click();
    const ask = pane(page).locator('[role="alertdialog"]');
    await ask.waitFor();
    assert.match(await ask.innerText(), /ผลการประเมิน ITA 2568/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-key")), "replace");
    await pane(page).locator('[data-key="cancel-replace"]').click();
    assert.equal(await ask.count(), 0);
    await pane(page).locator('[data-key="write"]').click();
    await pane(page).locator('[data-key="replace"]').click();
    await pane(page).locator('[data-key="goto"]').waitFor();
    // Replaced, not added: the two sheets of the sample workbook and one results sheet.
    assert.deepEqual(await page.locator(".sheet-tab").allInnerTexts(), ["คะแนน", "หน่วยงาน", "ผลการประเมิน ITA 2568"]);
  });

  it("goes back to Check and writes nothing when a score is edited after the check", async () => {
    const { page } = await open();
    await toResultsStep(page);
    await typeInCell(page, "C4", "150"); // IIT i1
    await pane(page).locator('[data-key="write"]').click();
    await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.includes("ตรวจสอบ"));
    const alert = pane(page).locator('.step [role="alert"]').first();
    assert.match(await alert.innerText(), /คะแนนในตารางเปลี่ยนไปหลังการตรวจสอบ/);
    assert.match(await pane(page).locator(".problems li.error").first().innerText(), /คะแนน!C4/);
    assert.deepEqual(await page.locator(".sheet-tab").allInnerTexts(), ["คะแนน", "หน่วยงาน"]);
    assert.equal(await pane(page).locator('[data-key="next-3"]').isDisabled(), true);
  });

  it("names the first cell and refuses to rate scores typed as percentages (0.9924 for 99.24)", async () => {
    const { page } = await open("preview.html?sample=percent");
    await next(page, "ข้อมูล");
    await findTable(page);
    await next(page, "ตรวจสอบ");
    const error = pane(page).locator("li.error").filter({ hasText: "เปอร์เซ็นต์" });
    await error.waitFor();
    assert.match(await error.innerText(), /คะแนน!C\d+/);
    assert.equal(await pane(page).locator('[data-testid="check-ok"]').count(), 0, "no all-clear");
  });

  it("reports a results sheet whose formulas give errors as a failure naming the cells, never as written", async () => {
    // Every score typed as 0: the pane rates real zeros, but the ITA formulas cannot tell
    // them from the blanks some Excel builds pass as 0 and refuse the table.
    const { page } = await open("preview.html?sample=zeros");
    await toResultsStep(page);
    await pane(page).locator('[data-key="write"]').click();
    const alert = pane(page).locator('.step [role="alert"]').filter({ hasText: "สร้างชีตไม่สำเร็จ" });
    await alert.waitFor();
    assert.match(await alert.innerText(), /ผลการประเมิน ITA 2568![A-Z]+\d+ \(#N\/A/);
    assert.equal(await pane(page).locator('[data-key="goto"]').count(), 0, "no success reported");
  });

  it("gives two agencies whose names share 31 characters their own results, report and plan sheets, each naming its agency", async () => {
    const long = "องค์การบริหารส่วนตำบลหนองบัวทองคำเหนือ";
    const agencies = [`${long}ใหม่`, `${long}เก่า`];
    const { page } = await open(`preview.html?sample=province&agencies=${encodeURIComponent(agencies.join("|"))}`);
    const written: string[] = [];
    for (const [i, agency] of agencies.entries()) {
      if (i === 0) {
        await next(page, "ข้อมูล");
        await findTable(page);
      } else {
        await pane(page).locator('[data-key="step-data"]').click();
        await page.waitForFunction(() => document.querySelector("#step-heading")?.textContent?.includes("ข้อมูล"));
      }
      await pane(page).locator('[data-key="agency"]').selectOption(agency);
      await page.waitForFunction(
        (name) => (document.querySelector('[data-key="agency"]') as HTMLSelectElement | null)?.value === name,
        agency,
      );
      await next(page, "ตรวจสอบ");
      await pane(page).locator('[data-testid="check-ok"]').waitFor();
      await next(page, "ผลการประเมิน");
      assert.equal(await pane(page).locator('[data-testid="agency"] strong').innerText(), agency);
      await pane(page).locator('[data-key="write"]').click();
      await pane(page).locator('[data-key="goto"]').waitFor();
      await pane(page).locator('[data-key="next-4"]').click();
      await pane(page).locator('[data-key="report-write"]').click();
      await pane(page).locator('[data-key="report-goto"]').waitFor();
      assert.equal(
        await pane(page).locator(".confirm").count(),
        0,
        "nothing of the other agency's was offered for replacing",
      );
      const tabs = await page.locator(".sheet-tab").allInnerTexts();
      written.push(...tabs.slice(2).filter((t) => !written.includes(t)));
    }
    assert.equal(written.length, 6, written.join(" | "));
    for (const [i, agency] of agencies.entries()) {
      const mine = written.slice(i * 3, i * 3 + 3);
      assert.ok(
        mine.every((n) => n.includes(`#${i + 1}`)),
        mine.join(" | "),
      );
      for (const name of mine) {
        await page.locator(".sheet-tab", { hasText: name }).click();
        await page.locator(`table.grid[data-sheet="${name}"]`).waitFor();
        const title = (await grid(page)).slice(0, 3).flat().join(" ");
        assert.ok(title.includes(agency), `${name}: ${title}`);
      }
    }
  });

  it("never replaces the user's own sheet that bears the add-in's name: says so and creates another", async () => {
    const { page } = await open("preview.html?sample=clash");
    await toResultsStep(page);
    await pane(page).locator('[data-key="write"]').click();
    const ask = pane(page).locator('[role="alertdialog"]');
    await ask.waitFor();
    assert.match(await ask.locator('[data-testid="taken-user"]').innerText(), /ไม่ได้สร้าง จะไม่เขียนทับ/);
    await pane(page).locator('[data-key="replace"]').click();
    await pane(page).locator('[data-key="goto"]').waitFor();
    assert.deepEqual(await page.locator(".sheet-tab").allInnerTexts(), [
      "คะแนน",
      "หน่วยงาน",
      "ผลการประเมิน ITA 2568",
      "ผลการประเมิน ITA 2568 (2)",
    ]);
    await page.locator(".sheet-tab", { hasText: /^ผลการประเมิน ITA 2568$/ }).click();
    assert.equal((await grid(page))[0]?.[0], "บันทึกของฉัน (ไม่ใช่ของ ITA Workbench)");
  });

  it("puts the verdict, the failing indicator and the step's action on the first screen of a 320 px pane", async () => {
    const { page } = await open();
    await narrowPane(page);
    await toResultsStep(page);
    const visible = async (selector: string): Promise<void> => {
      const box = await pane(page).locator(selector).first().boundingBox();
      assert.ok(box, `${selector} is shown`);
      assert.ok(box.y >= 0 && box.y + box.height <= 700, `${selector} ends at ${box.y + box.height}, below 700`);
    };
    await visible(".headline .total");
    await visible(".headline .rating");
    const failing = pane(page).locator('[data-testid="failing-indicator"]');
    assert.equal(await failing.count(), 1);
    assert.match(await failing.innerText(), /80\.00\s+10 /);
    await visible('[data-testid="failing-indicator"]');
    await visible('[data-key="write"]');
    // What it takes for the next band: requirements, with the indicators behind each under it.
    const requirements = pane(page).locator('[data-testid="requirement"]');
    assert.ok((await requirements.count()) >= 1);
    assert.match(await requirements.first().innerText(), /ต้องได้อย่างน้อย 95/);
  });

  it("shows each step at 320 px (screenshots in test-output/)", async () => {
    const { page } = await open();
    await narrowPane(page);
    const host = page.locator(".pane-host");
    await host.screenshot({ path: screenshotPath("pane-320-1-criteria") });
    await next(page, "ข้อมูล");
    await findTable(page);
    await host.screenshot({ path: screenshotPath("pane-320-2-data") });
    await next(page, "ตรวจสอบ");
    await pane(page).locator('[data-testid="check-ok"]').waitFor();
    await host.screenshot({ path: screenshotPath("pane-320-3-check") });
    await next(page, "ผลการประเมิน");
    await host.screenshot({ path: screenshotPath("pane-320-4-results") });
    await pane(page).locator('[data-key="next-4"]').click();
    await pane(page).locator('[data-key="report-write"]').waitFor();
    await host.screenshot({ path: screenshotPath("pane-320-5-report") });
    const action = await pane(page).locator('[data-key="report-write"]').boundingBox();
    assert.ok(action && action.y + action.height <= 700, "the report step's action is in view");
  });

  it("reports a bad score with its cell, computes nothing, and selects the cell when the problem is clicked", async () => {
    const { page } = await open();
    await typeInCell(page, "C22", "ดี"); // EIT1 e4
    await page.locator("table.grid td[data-cell=A1]").click();
    await next(page, "ข้อมูล");
    await findTable(page);
    await next(page, "ตรวจสอบ");
    const problem = pane(page).locator(".problems li.error").first();
    await problem.waitFor();
    assert.match(await problem.innerText(), /คะแนน!C22.*EIT1 e4: "ดี" ไม่ใช่ตัวเลข/s);
    assert.equal(await pane(page).locator('[data-key="next-3"]').isDisabled(), true);
    await problem.locator("button.place").click();
    await page.locator('table.grid td[data-cell="C22"].selected').waitFor();
    assert.equal(await page.locator(".name-box").innerText(), "คะแนน!C22");
    assert.equal(await page.locator("table.grid td.selected").count(), 1);
  });

  it("shows what the 2567 rules mark provisional, and their sources, in the Criteria step", async () => {
    const { page } = await open();
    await pane(page).locator('input[name="rules"][value="2567"]').check();
    const marked = pane(page).locator('.provisional li[data-key="provisional"]');
    await marked.first().waitFor();
    const listed = await marked.allInnerTexts();
    assert.ok(
      listed.some((l) => l.startsWith("แบบวัด EIT")),
      listed.join("\n"),
    );
    assert.ok(
      listed.some((l) => l.startsWith("มาตรวัด likert4")),
      listed.join("\n"),
    );
    assert.match(await pane(page).locator("table.data tr", { hasText: "EIT" }).innerText(), /ยังไม่ยืนยัน/);
    await pane(page).locator(".sources summary", { hasText: "ที่มา" }).click();
    assert.match(await pane(page).locator(".sources").innerText(), /agri\.vru\.ac\.th/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("can be walked with the keyboard alone (Tab, Enter, Space, arrow keys)", async () => {
    const { page } = await open();
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-key") ?? document.activeElement?.tagName ?? "");
    const tabTo = async (key: string): Promise<void> => {
      for (let i = 0; i < 60; i++) {
        if ((await focused()) === key) return;
        await page.keyboard.press("Tab");
      }
      assert.fail(`Tab never reached ${key}`);
    };
    await tabTo("rules-2568");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "rules-2567");
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.locator('input[name="rules"]:checked').getAttribute("value"), "2568");
    await tabTo("next-1");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "step-heading");
    await tabTo("find");
    await page.keyboard.press("Enter");
    await pane(page).locator('[data-testid="table-found"]').waitFor();
    await tabTo("next-2");
    await page.keyboard.press("Space");
    await pane(page).locator('[data-testid="check-ok"]').waitFor();
    await tabTo("next-3");
    await page.keyboard.press("Enter");
    await tabTo("write");
    await page.keyboard.press("Enter");
    await page.locator('table.grid[data-sheet="ผลการประเมิน ITA 2568"]').waitFor();
    assert.equal(await focused(), "goto");
  });

  for (const lang of ["th", "en"] as const) {
    it(`has no serious or critical accessibility violations on any step (${lang})`, async () => {
      const { page } = await open(`preview.html?lang=${lang}`);
      const go = async (): Promise<void> => {
        await pane(page).locator(".step-actions button.primary").click();
        await page.waitForFunction(() => document.activeElement?.id === "step-heading");
      };
      const found: Record<string, string[]> = {};
      found.criteria = await seriousViolations(page);
      await go();
      await findTable(page);
      found.data = await seriousViolations(page);
      await go();
      await pane(page).locator('[data-testid="check-ok"]').waitFor();
      found.check = await seriousViolations(page);
      await go();
      await pane(page).locator('[data-key="write"]').click();
      await pane(page).locator('[data-key="goto"]').waitFor();
      found.results = await seriousViolations(page);
      await pane(page).locator('[data-key="next-4"]').click();
      await pane(page).locator('[data-key="report-write"]').waitFor();
      found.report = await seriousViolations(page);
      assert.deepEqual(found, { criteria: [], data: [], check: [], results: [], report: [] });
    });
  }

  it("creates a blank entry sheet for the chosen year, validated 0–100, and checks it as the data", async () => {
    const { page } = await open();
    await next(page, "ข้อมูล");
    await pane(page).locator('[data-key="entry"]').click();
    await pane(page).locator('[data-testid="table-found"]').waitFor();
    assert.match(await pane(page).locator('[data-testid="table-found"]').innerText(), /กรอกคะแนน ITA 2568!A3:D64/);
    const cells = await grid(page);
    assert.deepEqual(cells[2]!.slice(0, 4), ["เครื่องมือ", "ข้อ", "ข้อความ", "คะแนน"]);
    assert.deepEqual(cells[3]!.slice(0, 2), ["IIT", "i1"]);
    assert.deepEqual(cells[63]!.slice(0, 2), ["OIT", "o28"]);
    await next(page, "ตรวจสอบ");
    // 61 blank score cells are one item, with where they are and the first cells to jump to.
    const errors = pane(page).locator(".problems li.error");
    await errors.first().waitFor();
    assert.equal(await errors.count(), 1);
    assert.match(await errors.first().innerText(), /ยังไม่ได้กรอกคะแนน 61 ช่อง \(กรอกคะแนน ITA 2568!D4:D64\)/);
    assert.equal(await errors.first().locator("button.place").first().innerText(), "กรอกคะแนน ITA 2568!D4");
  });

  it("says the selection is one empty cell when that is what is selected", async () => {
    const { page } = await open();
    await page.locator('table.grid td[data-cell="F10"]').click();
    await next(page, "ข้อมูล");
    await pane(page).locator('[data-key="selection"]').click();
    const alert = pane(page).locator('.step [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /เลือกไว้เพียงเซลล์เดียว \(คะแนน!F10\) และเซลล์นั้นว่าง/);
  });

  it("explains a selection that starts below the header row", async () => {
    const { page } = await open();
    await page.locator('table.grid td[data-cell="A4"]').click();
    await page.locator('table.grid td[data-cell="C38"]').click({ modifiers: ["Shift"] });
    assert.equal(await page.locator(".name-box").innerText(), "คะแนน!A4:C38");
    await next(page, "ข้อมูล");
    await pane(page).locator('[data-key="selection"]').click();
    const alert = pane(page).locator('.step [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /ช่วงที่เลือกเริ่มที่ คะแนน!A4 ซึ่งอยู่ใต้หัวตาราง \(หัวตารางอยู่แถว 3/);
  });

  it("offers rules saved from the rules editor in Criteria, and scores with them through the ITA formulas", async () => {
    const { page } = await open();
    await page.locator("#tab-editor").click();
    const editor = page.locator("#view-editor");
    await editor.locator(".cm-content").waitFor();
    await editor.getByRole("button", { name: "คัดลอก 2568 เป็น 2569" }).click();
    await editor.getByRole("button", { name: "บันทึก", exact: true }).click();
    await editor.locator(".ita-status", { hasText: "บันทึกเกณฑ์ 2569 แล้ว" }).waitFor();
    await page.locator("#tab-assess").click();
    const saved = pane(page).locator('input[name="rules"][value="2569"]');
    await saved.waitFor();
    await saved.check();
    await next(page, "ข้อมูล");
    await findTable(page);
    await next(page, "ตรวจสอบ");
    await next(page, "ผลการประเมิน");
    await pane(page).locator('[data-key="write"]').click();
    await page.locator('table.grid[data-sheet="ผลการประเมิน ITA 2569"]').waitFor();
    const total = row(await grid(page), "คะแนนรวม");
    assert.equal(total[3], "93.60");
    const cell = page.locator("table.grid td", { hasText: /^93\.60$/ }).first();
    assert.match((await cell.getAttribute("data-formula")) ?? "", /"2569"\)$/);
  });

  it("shows markup typed into a cell as text and never runs it", async () => {
    const { page } = await open();
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const markup = "<img src=x onerror=alert(1)>";
    await typeInCell(page, "B4", markup); // IIT i1's question id
    await next(page, "ข้อมูล");
    await findTable(page);
    await next(page, "ตรวจสอบ");
    const warning = pane(page).locator(".problems li.warning").first();
    await warning.waitFor();
    assert.ok((await warning.innerText()).includes(`IIT ${markup}`));
    assert.equal(await page.locator("#app img").count(), 0);
    assert.equal(await page.locator("table.grid img").count(), 0);
    assert.equal(await page.locator('table.grid td[data-cell="B4"]').innerText(), markup);
    assert.equal(dialogs, 0);
  });

  it("switches the whole pane to English and back", async () => {
    const { page } = await open();
    await pane(page).locator('[data-key="lang"]').click();
    assert.equal(await stepHeading(page).innerText(), "1. Criteria");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.match(await pane(page).innerText(), /Choose the assessment rules/);
    assert.doesNotMatch(await pane(page).locator(".step").innerText(), /เลือกเกณฑ์/);
    await pane(page).locator('[data-key="lang"]').click();
    assert.equal(await stepHeading(page).innerText(), "1. เกณฑ์");
  });

  it("opens taskpane.html outside Excel (Office.js blocked) on an empty in-memory workbook", async () => {
    const g = await open("taskpane.html");
    assert.match(await pane(g.page).locator(".notice").innerText(), /ไม่ได้เปิดใน Excel/);
    assert.deepEqual(g.outside, ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    await next(g.page, "ข้อมูล");
    await pane(g.page).locator('[data-key="find"]').click();
    const alert = pane(g.page).locator('.step [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /ไม่พบตารางคะแนน/);
  });
});
