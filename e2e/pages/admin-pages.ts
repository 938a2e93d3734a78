import type { Page } from "playwright-core";
import { SignInPage, SignUpPage } from "./auth-pages";
import { AppPage } from "./app-page";

// start-app.ts creates this admin with `npm run admin -- create` (and lists it in ADMIN_EMAILS).
export const E2E_ADMIN = { name: "E2E Admin", email: "e2e-admin@example.test", password: "admin password e2e" };

/** Signs in as the e2e admin, creating the account on first use (the app may outlive one spec file). */
export async function signInAsAdmin(page: Page) {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(E2E_ADMIN);
  const outcome = await Promise.race([
    page.waitForURL("**/dashboard").then(() => "signed-in" as const),
    page.getByText(/already exists/).waitFor().then(() => "exists" as const),
  ]);
  if (outcome === "exists") {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(E2E_ADMIN);
    await page.waitForURL("**/dashboard");
  }
}

export class AdminQuotasPage extends AppPage {
  async open() {
    await this.openAt("/admin/quotas", { name: "Users", level: 2 });
  }

  private form(roleTitle: string) {
    return this.page.getByRole("form", { name: `${roleTitle} limits` });
  }

  /** Sets one role's max file size in MB and saves; waits for the confirmation. */
  async setMaxFileSize(roleTitle: "Guests" | "Users" | "Premium" | "Admins", megabytes: number) {
    // A fresh page, so the confirmation waited for is this save's, not an earlier toast.
    await this.open();
    const form = this.form(roleTitle);
    await form.getByLabel("Max file size (MB)").fill(String(megabytes));
    await form.getByRole("button", { name: /^Save .* limits$/ }).click();
    await this.page.getByText(`Limits for ${roleTitle.toLowerCase()} saved.`).waitFor();
  }
}

export class AdminUsersPage extends AppPage {
  async open() {
    await this.openAt("/admin", { name: "Users", level: 2 });
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search users by email or name" }).fill(text);
    // The list is searched after a pause in typing; its summary says when it shows the matches.
    await this.page.getByText(`matching “${text}”`).waitFor();
  }

  row(email: string) {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  roleOf(email: string) {
    return this.page.getByRole("combobox", { name: `Role of ${email}` });
  }

  async changeRole(email: string, roleLabel: "User" | "Premium" | "Admin") {
    await this.roleOf(email).click();
    await this.page.getByRole("option", { name: roleLabel, exact: true }).click();
    await this.page.getByText(`${email} is now ${roleLabel}.`).waitFor();
  }

  async toggleDisabled(email: string, action: "Disable" | "Enable") {
    await this.page.getByRole("button", { name: `${action} ${email}` }).click();
  }
}

export class AdminAuditPage extends AppPage {
  async open() {
    await this.openAt("/admin/audit", { name: "Audit log", level: 2 });
  }

  async filterByEmail(email: string) {
    await this.page.getByRole("searchbox", { name: "User email" }).fill(email);
  }

  async filterByAction(label: string) {
    await this.page.getByRole("combobox", { name: "Action" }).click();
    await this.page.getByRole("option", { name: label, exact: true }).click();
  }

  table() {
    return this.page.getByRole("table", { name: "Audit events" });
  }

  rows() {
    return this.table().getByRole("row");
  }
}
