import { describe, expect, it } from "vitest";
import { SignInPage, SignUpPage, SiteHeader } from "./pages/auth-pages";
import { uniqueEmail, useBrowserPage } from "./support/browser";

describe("accounts", () => {
  const { page } = useBrowserPage();

  it("signs up, signs out and signs back in", async () => {
    const email = uniqueEmail();
    const password = "correct horse battery";
    const header = new SiteHeader(page());

    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Ada Lovelace", email, password });
    await page().waitForURL("**/dashboard");
    expect(await page().getByRole("heading", { name: "Dashboard" }).isVisible()).toBe(true);
    expect(await page().getByText("Welcome, Ada Lovelace.").isVisible()).toBe(true);

    await header.signOut();
    await header.signInLink().waitFor();
    expect(new URL(page().url()).pathname).toBe("/");

    const signIn = new SignInPage(page());
    await signIn.open();
    await signIn.signIn({ email, password });
    await page().waitForURL("**/dashboard");
    expect(await header.accountMenu().textContent()).toContain("Ada Lovelace");
  });

  it("shows an inline error for a wrong password and stays on the page", async () => {
    const email = uniqueEmail();
    const signUp = new SignUpPage(page());
    await signUp.open();
    await signUp.signUp({ name: "Grace", email, password: "right password" });
    await page().waitForURL("**/dashboard");
    await new SiteHeader(page()).signOut();
    await new SiteHeader(page()).signInLink().waitFor();

    const signIn = new SignInPage(page());
    await signIn.open();
    await signIn.signIn({ email, password: "wrong password" });
    await signIn.errorMessage().waitFor();
    expect(await signIn.errorMessage().textContent()).toContain("Wrong email or password.");
    expect(new URL(page().url()).pathname).toBe("/sign-in");
  });

  it("redirects a guest from the dashboard to sign in, keeping the way back", async () => {
    await page().goto("/dashboard");
    await page().waitForURL("**/sign-in?callbackUrl=*");
    expect(new URL(page().url()).searchParams.get("callbackUrl")).toBe("/dashboard");
    expect(await page().getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
  });

  it("reports a healthy embedded stack", async () => {
    const response = await page().request.get("/api/health");
    expect(response.status()).toBe(200);
    const health = (await response.json()) as { database: { ok: boolean; adapter: string }; jobs: { engine: string }; ai: { provider: string } };
    expect(health.database).toMatchObject({ ok: true, adapter: "pglite" });
    expect(health.jobs.engine).toBe("embedded");
    expect(health.ai.provider).toBe("offline");
  });
});
