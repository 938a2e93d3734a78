import type { Response } from "playwright-core";
import { AppPage } from "./app-page";

export type ChatTestFile = { name: string; mimeType: string; buffer: Buffer };

// Page object for /chat: specs say what a person does, this says how.
export class ChatPage extends AppPage {
  async open(path = "/chat") {
    await this.openAt(path, { level: 1, name: "Chat with documents" });
  }

  modeBadge() {
    return this.page.getByText("offline mode", { exact: true });
  }

  async uploadDocuments(files: ChatTestFile[]) {
    await this.page.getByLabel("Upload documents").setInputFiles(files);
  }

  document(name: string) {
    return this.page.getByRole("list", { name: "Documents in this chat" }).getByRole("listitem").filter({ hasText: name });
  }

  async waitUntilReady(name: string) {
    await this.document(name).filter({ hasText: /Ready · \d+ pages?/ }).waitFor({ timeout: 30_000 });
  }

  questionBox() {
    return this.page.getByLabel("Ask a question about your documents");
  }

  /** Sends a question and returns the /api/chat response that streams its answer. */
  async ask(question: string): Promise<Response> {
    await this.questionBox().fill(question);
    const [response] = await Promise.all([
      this.page.waitForResponse((candidate) => new URL(candidate.url()).pathname === "/api/chat" && candidate.request().method() === "POST"),
      this.page.getByRole("button", { name: "Send" }).click(),
    ]);
    return response;
  }

  answers() {
    return this.page.getByRole("list", { name: "Conversation" }).locator('li[data-role="assistant"]');
  }

  async waitForAnswer(containing: string | RegExp) {
    await this.answers().last().filter({ hasText: containing }).waitFor({ timeout: 30_000 });
    await this.page.getByRole("button", { name: "Regenerate" }).waitFor();
  }

  citation(page: number, fileName: string) {
    return this.page.getByRole("button", { name: `Open page ${page} of ${fileName}` });
  }

  previewImage(page: number, fileName: string) {
    return this.page.getByRole("img", { name: `Page ${page} of ${fileName}` });
  }

  previewHeading() {
    return this.page.locator("#page-preview-title");
  }
}
