import { describe, expect, it } from "vitest";
import { AdminAuditPage, AdminUsersPage, signInAsAdmin } from "./pages/admin-pages";
import { SignInPage, SignUpPage } from "./pages/auth-pages";
import { SettingsPage } from "./pages/settings-page";
import { uniqueEmail, useBrowserPage } from "./support/browser";

describe("audit log", () => {
  const { page } = useBrowserPage();

  it("shows a user their own sign-ins and failed attempts in Settings", async () => {
    const email = uniqueEmail("audit-self");
    const password = "audit password 1";
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Audited", email, password });
    await page().waitForURL("**/dashboard");
    await page().context().clearCookies();

    const signIn = new SignInPage(page());
    await signIn.open();
    await signIn.signIn({ email, password: "not my password" });
    await signIn.errorMessage().waitFor();
    await signIn.signIn({ email, password });
    await page().waitForURL("**/dashboard");

    const settings = new SettingsPage(page());
    await settings.open();
    const card = page().getByRole("region", { name: "Recent sign-ins" });
    const table = card.getByRole("table", { name: "Recent sign-ins" });
    await table.waitFor();
    // Newest first: this sign-in, the failure, then the sign-in right after sign-up.
    const results = await table.getByRole("row").locator("td:nth-child(2)").allTextContents();
    expect(results.slice(0, 2).map((text) => text.split(/Password|One-time/)[0])).toEqual(["Signed in", "Failed"]);
  });

  it("lets an admin find a role change by email and action, and scrolls the table sideways at 360 px", async () => {
    const email = uniqueEmail("audit-role");
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Promoted", email, password: "audit password 2" });
    await page().waitForURL("**/dashboard");
    await page().context().clearCookies();

    await signInAsAdmin(page());
    const users = new AdminUsersPage(page());
    await users.open();
    await users.search(email);
    await users.changeRole(email, "Premium");

    await page().setViewportSize({ width: 360, height: 740 });
    const audit = new AdminAuditPage(page());
    await audit.open();
    await audit.filterByEmail(email);
    await audit.filterByAction("Role changed");
    await expect.poll(() => audit.rows().filter({ hasText: "Role changed" }).count(), { timeout: 10_000 }).toBe(1);
    expect(await audit.rows().filter({ hasText: email }).first().textContent()).toContain("to: PREMIUM");

    // The table's own container scrolls sideways; the page itself does not
    // (mobile-and-a11y.e2e.ts checks every page at 360 and 390 px).
    const container = audit.table().locator("xpath=..");
    const { scrollWidth, clientWidth } = await container.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await page().setViewportSize({ width: 1280, height: 800 });
  });
});
