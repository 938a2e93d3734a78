import { readFile } from "node:fs/promises";
import type { Response } from "playwright-core";
import { AppPage } from "./app-page";

// Page object for a tool page's streamed result (Summarize, Key points on one
// document): specs say what a person does, this says how.
export class StreamPanel extends AppPage {
  runHint() {
    return this.page.locator("#run-hint");
  }

  /** Presses Run and returns the POST /api/ai/summary response that streams the result. */
  async run(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((candidate) => new URL(candidate.url()).pathname === "/api/ai/summary" && candidate.request().method() === "POST", { timeout: 45_000 }),
      this.page.getByRole("button", { name: "Run", exact: true }).click(),
    ]);
    return response;
  }

  preparationProgress(fileName: string) {
    return this.page.getByRole("progressbar", { name: `Preparing ${fileName}` });
  }

  result(label: string) {
    return this.page.getByRole("region", { name: label });
  }

  /** Waits until the text is complete (no longer busy) and contains `containing`. */
  async waitForResult(label: string, containing: string | RegExp) {
    await this.result(label).filter({ hasText: containing }).waitFor({ timeout: 30_000 });
    await this.page.locator(`[data-testid="stream-result"][data-state="done"]`).waitFor({ timeout: 30_000 });
  }

  notes() {
    return this.page.getByRole("list", { name: "Notes" });
  }

  announcement() {
    return this.page.getByTestId("stream-announcer");
  }

  citation(page: number, fileName: string) {
    return this.page.getByRole("button", { name: `Open page ${page} of ${fileName}` });
  }

  previewDialog() {
    return this.page.getByRole("dialog");
  }

  previewImage(page: number, fileName: string) {
    return this.previewDialog().getByRole("img", { name: `Page ${page} of ${fileName}` });
  }

  /** Clicks Download and returns what the browser saved, with the suggested file name. */
  async download(fileName: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: `Download ${fileName}` }).click()]);
    return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  }
}
