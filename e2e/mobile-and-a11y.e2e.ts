import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsAdmin } from "./pages/admin-pages";
import { SignUpPage } from "./pages/auth-pages";
import { findAxeViolations } from "./support/axe";
import { uniqueEmail, useBrowserPage } from "./support/browser";
import { measureHorizontalOverflow } from "./support/horizontal-overflow";

// Every page a guest, a signed-in user and an admin can reach (the CSP spec's
// list plus a tool of each category, the dashboard's tabs and the admin audit log).
const GUEST_PAGES = ["/", "/tools/pdf.merge", "/tools/image.convert", "/tools/text.ocr", "/tools/ai.summarize", "/chat", "/sign-in", "/sign-up"];
const USER_PAGES = ["/dashboard?tab=files", "/dashboard?tab=jobs", "/dashboard?tab=chats", "/dashboard?tab=usage", "/settings"];
const ADMIN_PAGES = ["/admin", "/admin/quotas", "/admin/system", "/admin/audit"];

// 360 px is the narrowest common phone; 390 px an iPhone 12–15.
const PHONE_WIDTHS = [360, 390];
const DESKTOP = { width: 1280, height: 800 };

/** Waits until the page stops loading: no requests in flight and no skeleton or spinner announced as busy. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => undefined);
}

/**
 * Checks one page: axe at desktop width, then at each phone width no sideways
 * scroll and axe again (the phone header shows other controls). Returns the
 * problems found, each naming the page and width, so one run lists them all.
 */
async function checkPage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize(DESKTOP);
  await page.goto(path);
  await settle(page);
  problems.push(...(await findAxeViolations(page)).map((line) => `${path} @1280: ${line}`));
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100);
    const overflow = await measureHorizontalOverflow(page);
    if (overflow.scrollWidth > overflow.innerWidth) {
      problems.push(`${path} @${width}: scrolls sideways (scrollWidth ${overflow.scrollWidth} > ${overflow.innerWidth}); too wide: ${overflow.culprits.join("; ") || "(no single element found)"}`);
    }
    if (width === 360) problems.push(...(await findAxeViolations(page)).map((line) => `${path} @${width}: ${line}`));
  }
  return problems;
}

/** Console warnings and errors the pages print (React key warnings, hydration mismatches, failed loads). */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") messages.push(`${page.url()}: [${message.type()}] ${message.text()}`);
  });
  return messages;
}

async function checkAll(page: Page, paths: string[]) {
  const problems: string[] = [];
  for (const path of paths) problems.push(...(await checkPage(page, path)));
  return problems;
}

describe("every page fits a phone and passes axe", () => {
  const { page } = useBrowserPage();

  it("guest pages: no sideways scroll at 360 and 390 px, no axe violations, no console warnings", { timeout: 240_000 }, async () => {
    const consoleMessages = watchConsole(page());
    const problems = await checkAll(page(), GUEST_PAGES);
    expect(problems, problems.join("\n")).toEqual([]);
    expect(consoleMessages, consoleMessages.join("\n")).toEqual([]);
  });

  it("signed-in pages (dashboard tabs, settings): no sideways scroll, no axe violations, no console warnings", { timeout: 240_000 }, async () => {
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Narrow Screen Person With A Long Name", email: uniqueEmail("mobile"), password: "mobile password 1" });
    await page().waitForURL("**/dashboard");
    const consoleMessages = watchConsole(page());
    const problems = await checkAll(page(), USER_PAGES);
    expect(problems, problems.join("\n")).toEqual([]);
    expect(consoleMessages, consoleMessages.join("\n")).toEqual([]);
  });

  it("admin pages: no sideways scroll, no axe violations, no console warnings", { timeout: 240_000 }, async () => {
    await signInAsAdmin(page());
    const consoleMessages = watchConsole(page());
    const problems = await checkAll(page(), ADMIN_PAGES);
    expect(problems, problems.join("\n")).toEqual([]);
    expect(consoleMessages, consoleMessages.join("\n")).toEqual([]);
  });

  it("folds the header's links into a Menu on a phone, and the Menu leads to them", async () => {
    await page().setViewportSize({ width: 390, height: 800 });
    await page().goto("/");
    const nav = page().getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Chat with a PDF" }).isVisible()).toBe(false);
    expect(await nav.getByRole("link", { name: "Sign up" }).isVisible()).toBe(true);
    await nav.getByRole("button", { name: "Menu" }).click();
    expect(await page().getByRole("menuitem").allTextContents()).toEqual(["Chat with a PDF", "Sign in"]);
    await page().getByRole("menuitem", { name: "Chat with a PDF" }).click();
    await page().waitForURL("**/chat");
  });

  it("shows the password rule under the password field before the first submit", async () => {
    await new SignUpPage(page()).open();
    const password = page().getByLabel("Password");
    await password.waitFor();
    // Tied to the field, so a screen reader reads it with the label.
    expect(await password.getAttribute("aria-describedby")).toBe("password-hint");
    expect(await page().locator("#password-hint").textContent()).toBe("At least 8 characters.");
    // No error in the form yet (Next's route announcer, role="alert" outside the form, does not count).
    expect(await page().locator("form").getByRole("alert").count()).toBe(0);
  });
});
