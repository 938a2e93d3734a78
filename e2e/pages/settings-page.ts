import { readFile } from "node:fs/promises";
import { AppPage } from "./app-page";

// Page object for /settings: specs say what a person does, this says how.
export class SettingsPage extends AppPage {
  async open() {
    await this.openAt("/settings", { name: "Settings", level: 1 });
  }

  async changeName(name: string) {
    const form = this.page.getByRole("form", { name: "Profile" });
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Save name" }).click();
    await this.page.getByText("Your name was saved.").waitFor();
  }

  nameField() {
    return this.page.getByRole("form", { name: "Profile" }).getByLabel("Name");
  }

  /** Clicks "Export my data" and returns the downloaded bytes and file name. */
  async exportData(): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: "Export my data" }).click()]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  async deleteAccount(confirmation: string) {
    await this.page.getByRole("button", { name: "Delete my account" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel(/to confirm/).fill(confirmation);
    await dialog.getByRole("button", { name: "Delete account" }).click();
  }
}
