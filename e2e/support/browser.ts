import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, inject } from "vitest";

// Debian's Chromium, with the flags this closed network needs (no background
// networking, no component updates: their connection attempts are refused).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * One browser per spec file and a fresh context (cookies, storage) per test,
 * so every test starts as a new visitor.
 */
export function useBrowserPage(): { page: () => Page; context: () => BrowserContext; baseURL: string } {
  const baseURL = inject("baseURL");
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  return { page: () => page, context: () => context, baseURL };
}

/** A unique email per test, so tests never share accounts. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
