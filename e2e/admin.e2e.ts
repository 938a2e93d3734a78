import { describe, expect, it, vi } from "vitest";
import { makePdf } from "../test/support/pdf/make-pdf";
import { AdminQuotasPage, AdminUsersPage, signInAsAdmin } from "./pages/admin-pages";
import { SignUpPage } from "./pages/auth-pages";
import { type TestFile, ToolPage } from "./pages/tool-page";
import { uniqueEmail, useBrowserPage } from "./support/browser";

// The PDF helper sits beside server code that imports `server-only`.
vi.mock("server-only", () => ({}));

const MB = 1024 * 1024;
const DEFAULT_USER_MAX_MB = 200;

/** A real one-page PDF padded past 2 MB (bytes after %%EOF do not change what it is). */
function twoMegabytePdf(): TestFile {
  const pdf = Buffer.from(makePdf("Big", 1));
  return { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([pdf, Buffer.alloc(2 * MB + 1024 - pdf.byteLength, 0x20)]) };
}

describe("admin", () => {
  const { page, baseURL } = useBrowserPage();

  it("raises the USER max file size, and a user can then upload a bigger file", async () => {
    await signInAsAdmin(page());
    const quotas = new AdminQuotasPage(page());
    // A known starting point below the file's size (the app may be shared with other specs).
    await quotas.setMaxFileSize("Users", 1);

    const browser = page().context().browser();
    if (!browser) throw new Error("no browser");
    const userContext = await browser.newContext({ baseURL });
    try {
      const userPage = await userContext.newPage();
      const signUp = new SignUpPage(userPage);
      await signUp.open();
      await signUp.signUp({ name: "Quota User", email: uniqueEmail("quota"), password: "user password 1" });
      await userPage.waitForURL("**/dashboard");

      const tool = new ToolPage(userPage);
      await tool.open("pdf.compress");
      expect(await userPage.getByText(/up to 1 MB per file/).isVisible()).toBe(true);
      await tool.addFiles([twoMegabytePdf()]);
      await tool.fileError("big.pdf").waitFor();
      expect(await tool.fileError("big.pdf").textContent()).toContain("larger than your 1 MB limit per file");

      await quotas.setMaxFileSize("Users", 5);

      await tool.open("pdf.compress");
      expect(await userPage.getByText(/up to 5 MB per file/).isVisible()).toBe(true);
      await tool.addFiles([twoMegabytePdf()]);
      await tool.waitUntilReady(1);
      expect(await tool.fileRow("big.pdf").textContent()).toMatch(/2 MB · PDF/);
    } finally {
      await userContext.close();
      await quotas.setMaxFileSize("Users", DEFAULT_USER_MAX_MB);
    }
  });

  it("finds a user by email and makes them premium; the change survives a reload", async () => {
    const email = uniqueEmail("promote");
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "To Promote", email, password: "user password 2" });
    await page().waitForURL("**/dashboard");
    await page().context().clearCookies();

    await signInAsAdmin(page());
    const users = new AdminUsersPage(page());
    await users.open();
    await users.search(email);
    expect(await users.roleOf(email).textContent()).toBe("User");
    await users.changeRole(email, "Premium");

    await users.open();
    await users.search(email);
    // The search is debounced: the unfiltered list shows for a moment first.
    await expect.poll(() => users.row("e2e-admin@example.test").count(), { timeout: 10_000 }).toBe(0);
    expect(await users.roleOf(email).textContent()).toBe("Premium");
  });

  it("shows the ordinary 404 page to a user who is not an admin", async () => {
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Curious", email: uniqueEmail("curious"), password: "user password 3" });
    await page().waitForURL("**/dashboard");
    const response = await page().goto("/admin/system");
    expect(response?.status()).toBe(404);
    expect(await page().getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
  });

  it("shows the system page to the admin", async () => {
    await signInAsAdmin(page());
    await page().goto("/admin/system");
    const health = page().getByRole("region", { name: "Health" });
    await health.getByText("Embedded PGlite").waitFor();
    expect(await health.getByText("offline mode").isVisible()).toBe(true);
    expect(await page().getByRole("region", { name: "Queue" }).getByText("Queued").isVisible()).toBe(true);
    expect(await page().getByRole("region", { name: "Storage" }).isVisible()).toBe(true);
    expect(await page().getByRole("region", { name: "Expiry sweeps" }).isVisible()).toBe(true);
  });
});
