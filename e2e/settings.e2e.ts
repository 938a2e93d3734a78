import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { SignInPage, SignUpPage } from "./pages/auth-pages";
import { SettingsPage } from "./pages/settings-page";
import { uniqueEmail, useBrowserPage } from "./support/browser";

describe("settings", () => {
  const { page } = useBrowserPage();

  it("redirects a guest to sign in and back", async () => {
    await page().goto("/settings");
    await page().waitForURL("**/sign-in?callbackUrl=*");
    expect(new URL(page().url()).searchParams.get("callbackUrl")).toBe("/settings");
  });

  it("changes the name, exports a zip of the account, then deletes the account for good", async () => {
    const email = uniqueEmail("settings");
    const password = "settings password";
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Before Rename", email, password });
    await page().waitForURL("**/dashboard");

    const settings = new SettingsPage(page());
    await settings.open();
    await settings.changeName("After Rename");
    await settings.open();
    expect(await settings.nameField().inputValue()).toBe("After Rename");

    const { fileName, bytes } = await settings.exportData();
    expect(fileName).toMatch(/^fileforge-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(["account.json", "chats.json", "files.json", "jobs.json"]);
    expect(JSON.parse(new TextDecoder().decode(entries["account.json"]))).toMatchObject({ email, name: "After Rename" });

    await settings.deleteAccount(email);
    await page().waitForURL((url) => url.pathname === "/");
    const signIn = new SignInPage(page());
    await signIn.open();
    await signIn.signIn({ email, password });
    await signIn.errorMessage().waitFor();
  });
});
