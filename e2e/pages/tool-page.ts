import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { AppPage } from "./app-page";

export type TestFile = { name: string; mimeType: string; buffer: Buffer };

// Page object for /tools/<id>: specs say what a person does, this says how.
export class ToolPage extends AppPage {
  async open(toolId: string) {
    await this.openAt(`/tools/${toolId}`, { level: 1 });
  }

  /** Picks files with the drop zone's file input (found through its visible label). */
  async addFiles(files: TestFile[]) {
    await this.page.getByLabel(/^Choose (files|a file)$/).setInputFiles(files);
  }

  fileList() {
    return this.page.getByRole("list", { name: "Files" });
  }

  fileRow(name: string) {
    return this.fileList().getByRole("listitem").filter({ hasText: name });
  }

  /** File names top to bottom, as the queue shows them. */
  async fileOrder(): Promise<string[]> {
    return this.fileList().getByRole("listitem").locator("p[title]").allTextContents();
  }

  async moveUp(name: string) {
    await this.page.getByRole("button", { name: `Move ${name} up` }).click();
  }

  async remove(name: string) {
    await this.page.getByRole("button", { name: `Remove ${name}` }).click();
  }

  fileError(name: string) {
    return this.fileRow(name).getByRole("alert");
  }

  runButton() {
    return this.page.getByRole("button", { name: "Run", exact: true });
  }

  /** Waits until every upload is done and Run is enabled. */
  async waitUntilReady(fileCount: number) {
    await this.page.getByText(`${fileCount} ${fileCount === 1 ? "file" : "files"} ready`).waitFor();
  }

  async chooseOption(label: string) {
    await this.page.locator("label").filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  async fillOption(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async run() {
    await this.runButton().click();
  }

  jobProgress() {
    return this.page.getByRole("progressbar", { name: "Job progress" });
  }

  /** The screen reader announcement of the job's status. */
  jobAnnouncement() {
    return this.page.getByRole("status").filter({ hasText: /^(Job|Done|The job|Starting)/ });
  }

  /** Waits for the result card; `timeout` covers a job engine under load. */
  async waitForResult(timeout = 45_000) {
    await this.page.getByRole("list", { name: "Results" }).waitFor({ timeout });
  }

  downloadLink(name: string) {
    return this.page.getByRole("link", { name: `Download ${name}` });
  }

  /** Clicks Download and returns the bytes the browser saved, with the suggested file name. */
  async download(name: string): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.downloadLink(name).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), bytes: await readFile(path) };
  }

  countdown() {
    return this.page.getByRole("region", { name: "Guest files" }).getByTestId("guest-countdown");
  }

  storedFileCount(): Promise<number> {
    return countStoredFiles(this.page);
  }

  async deleteAllFilesNow() {
    await this.page.getByRole("button", { name: "Delete now" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Delete all your files now?" });
    await dialog.getByRole("button", { name: "Delete files" }).click();
    await dialog.waitFor({ state: "hidden" });
  }
}

/** How many files the visitor owns on the server, through the same tRPC endpoint the app uses. */
export async function countStoredFiles(page: Page): Promise<number> {
  const response = await page.request.get("/api/trpc/file.list");
  const body = (await response.json()) as { result: { data: { json: { items: unknown[] } } } };
  return body.result.data.json.items.length;
}
