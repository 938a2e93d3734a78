import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { AppPage } from "./app-page";

export type DashboardTab = "Files" | "Jobs" | "Chats" | "Usage";

// Page object for /dashboard: specs say what a person does, this says how.
export class DashboardPage extends AppPage {
  async open(tab?: DashboardTab) {
    await this.openAt(tab ? `/dashboard?tab=${tab.toLowerCase()}` : "/dashboard", { name: "Dashboard", level: 1 });
  }

  tab(name: DashboardTab) {
    return this.page.getByRole("tab", { name });
  }

  async openTab(name: DashboardTab) {
    await this.tab(name).click();
    await this.page.waitForURL(`**/dashboard?tab=${name.toLowerCase()}`);
  }

  // Files tab

  filesTable() {
    return this.page.getByRole("table", { name: "Files" });
  }

  fileRow(name: string) {
    return this.filesTable().getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  /** File names top to bottom, as the table shows them. */
  async fileNames(): Promise<string[]> {
    await this.filesTable().waitFor();
    return this.filesTable().locator("tbody tr td:nth-child(3)").allTextContents();
  }

  async search(text: string) {
    await this.page.getByLabel("Search files").fill(text);
  }

  async select(name: string) {
    await this.page.getByRole("checkbox", { name: `Select ${name}` }).click();
  }

  /** Deletes what is selected, confirming in the dialog, and waits for the dialog to close. */
  async deleteSelected(expectedTitle: string) {
    await this.page.getByRole("button", { name: "Delete selected" }).click();
    const dialog = this.page.getByRole("dialog", { name: expectedTitle });
    await dialog.getByRole("button", { name: /^Delete \d+ files$|^Delete file$/ }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  /** The preview image of a row has loaded (a decoded picture, not the type icon). */
  async thumbnailLoaded(name: string): Promise<boolean> {
    const image = this.fileRow(name).locator("img");
    await image.waitFor();
    return image.evaluate((element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0);
  }

  // Jobs tab

  job(toolTitle: string): Locator {
    return this.page.getByRole("list", { name: "Jobs" }).locator(":scope > li").filter({ has: this.page.getByRole("heading", { name: toolTitle }) });
  }

  async jobStatus(job: Locator): Promise<string> {
    return (await job.locator("[data-slot=badge]").textContent()) ?? "";
  }

  async runAgain(job: Locator) {
    await job.getByRole("button", { name: "Run again" }).click();
  }

  /** Waits until the jobs of a tool show these statuses, newest first (the list polls while any is active). */
  async waitForJobStatuses(toolTitle: string, statuses: string[], timeout = 45_000) {
    const badges = this.job(toolTitle).locator("[data-slot=badge]");
    const deadline = Date.now() + timeout;
    while (JSON.stringify(await badges.allTextContents()) !== JSON.stringify(statuses)) {
      if (Date.now() > deadline) throw new Error(`jobs of ${toolTitle} show ${JSON.stringify(await badges.allTextContents())}, not ${JSON.stringify(statuses)}`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Clicks a download link inside `scope` and returns what the browser saved. */
  async download(scope: Locator, fileName: string): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), scope.getByRole("link", { name: `Download ${fileName}` }).click()]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}
