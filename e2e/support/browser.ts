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
    // A new visitor comes from an address of its own: per-IP limits (sign-up: 10 an hour) apply per test, not to the whole suite.
    context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": nextVisitorAddress() } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  return { page: () => page, context: () => context, baseURL };
}

// Random per spec file (each runs in its own process), then counted per test.
let visitors = Math.floor(Math.random() * 100_000);
/** An address from the benchmarking range 198.18.0.0/15, only ever sent as a header; the app trusts one proxy hop by default. */
function nextVisitorAddress(): string {
  visitors += 1;
  return `198.${18 + ((visitors >> 16) & 1)}.${(visitors >> 8) & 255}.${visitors & 255}`;
}

/** A unique email per test, so tests never share accounts. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
