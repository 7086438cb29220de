/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser download), with the flags that keep it off this
 * machine's closed network. Every request that is not to localhost is aborted and
 * recorded, so a test can assert that a page fetched nothing from outside.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OUTPUT = join(process.cwd(), "test-output");

export function screenshotPath(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return join(OUTPUT, `${name}.png`);
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ], // playwright gives every launch a new empty profile
  });
}

export interface GuardedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs the page tried to fetch from anywhere but localhost / file: / data: / blob:. */
  readonly outside: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
}

const LOCAL = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|file:|data:|blob:|about:)/;

export async function guardedPage(browser: Browser, options: { locale?: string } = {}): Promise<GuardedPage> {
  const context = await browser.newContext({
    locale: options.locale ?? "th-TH",
    viewport: { width: 1200, height: 900 },
  });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, outside, errors };
}
