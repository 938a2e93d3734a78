import { AppPage } from "./app-page";

// Page objects: specs say what a person does, these say how.
export class SignUpPage extends AppPage {
  async open() {
    await this.page.goto("/sign-up");
  }

  async signUp(input: { name: string; email: string; password: string }) {
    await this.page.getByLabel("Name").fill(input.name);
    await this.page.getByLabel("Email").fill(input.email);
    await this.page.getByLabel("Password").fill(input.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
}

export class SignInPage extends AppPage {
  async open(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(input: { email: string; password: string }) {
    await this.page.getByLabel("Email").fill(input.email);
    await this.page.getByLabel("Password").fill(input.password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  errorMessage() {
    return this.page.getByRole("alert").filter({ hasText: /wrong email or password/i });
  }
}

export class SiteHeader extends AppPage {
  accountMenu() {
    return this.page.getByRole("button", { name: "Account menu" });
  }

  async signOut() {
    await this.accountMenu().click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
  }

  signInLink() {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" });
  }
}
