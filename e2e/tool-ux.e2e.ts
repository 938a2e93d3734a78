import { describe, expect, it, vi } from "vitest";
import { makePdf, pageTexts } from "../test/support/pdf/make-pdf";
import { ChatPage } from "./pages/chat-page";
import { countStoredFiles, type TestFile, ToolPage } from "./pages/tool-page";
import { useBrowserPage } from "./support/browser";

// The PDF helpers sit beside server code that imports `server-only`, which throws outside React Server Components.
vi.mock("server-only", () => ({}));

const pdf = (name: string, label: string, pages: number, encrypt?: string): TestFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(makePdf(label, pages, encrypt ? { encrypt } : {})),
});

describe("tool flow polish (guest)", () => {
  const { page } = useBrowserPage();

  it("brings the result into view after Run and puts focus on its Download button", async () => {
    await page().setViewportSize({ width: 1024, height: 480 });
    const tool = new ToolPage(page());
    await tool.open("pdf.rotate");
    await tool.addFiles([pdf("report.pdf", "Report", 2)]);
    await tool.waitUntilReady(1);
    await tool.run();
    await tool.waitForResult();

    const download = tool.downloadLink("report-rotated.pdf");
    await page().waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Download report-rotated.pdf");
    const box = await download.boundingBox();
    expect(box).not.toBeNull();
    expect(box && box.y >= 0 && box.y + box.height <= 480).toBe(true);
    expect(await tool.jobAnnouncement().textContent()).toBe("Done. Your file is ready to download.");
  });

  it("labels a password-protected PDF at upload and unlocks it from there", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.merge");
    await tool.addFiles([pdf("locked.pdf", "Locked", 2, "aes-256,user-password=hunter2"), pdf("open.pdf", "Open", 1)]);
    await tool.fileRow("locked.pdf").getByTestId("password-protected").waitFor();
    expect(await tool.fileRow("open.pdf").getByTestId("password-protected").count()).toBe(0);

    await page().getByRole("button", { name: "Unlock locked.pdf" }).click();
    await page().waitForURL("**/tools/pdf.unlock");
    await tool.waitUntilReady(1);
    expect(await tool.fileOrder()).toEqual(["locked.pdf"]);
    expect(await tool.fileRow("locked.pdf").getByTestId("password-protected").isVisible()).toBe(true);
    // The Unlock tool asks for the password itself instead of offering Unlock again.
    expect(await page().getByRole("button", { name: "Unlock locked.pdf" }).count()).toBe(0);
    await page().getByLabel("Password", { exact: true }).fill("hunter2");
    await tool.run();
    await tool.waitForResult();
    const { fileName, bytes } = await tool.download("locked-unlocked.pdf");
    expect(fileName).toBe("locked-unlocked.pdf");
    expect(pageTexts(new Uint8Array(bytes))).toEqual(["Locked page 1", "Locked page 2"]);
  });

  it("shows Translate as unavailable offline with a reason a visitor understands, and no setup details", async () => {
    await page().goto("/");
    const card = page().getByRole("listitem").filter({ has: page().getByRole("link", { name: "Translate", exact: true }) });
    expect(await card.getByText("Unavailable", { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText("Translation needs an AI model this server doesn't have.").isVisible()).toBe(true);

    await page().goto("/tools/ai.translate");
    await page().getByText("Translate is not available here").waitFor();
    expect(await page().getByText("Translation needs an AI model this server doesn't have.").isVisible()).toBe(true);
    expect(await page().getByRole("button", { name: "Run", exact: true }).count()).toBe(0);
    expect(await page().locator("body").textContent()).not.toContain("OPENAI_");
  });

  it("counts uploads and results apart in Delete now", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.merge");
    await tool.addFiles([pdf("alpha.pdf", "Alpha", 1), pdf("bravo.pdf", "Bravo", 1)]);
    await tool.waitUntilReady(2);
    await tool.run();
    await tool.waitForResult();

    await page().getByRole("button", { name: "Delete now" }).click();
    const dialog = page().getByRole("dialog", { name: "Delete all your files now?" });
    expect(await dialog.getByText(/^This deletes your 2 uploads and 1 result and stops any job/).isVisible()).toBe(true);
  });

  it("gives the chat page the guest countdown and Delete now", async () => {
    const chat = new ChatPage(page());
    await chat.open();
    await chat.uploadDocuments([pdf("notes.pdf", "Notes", 1)]);
    const countdown = page().getByRole("region", { name: "Guest files" }).getByTestId("guest-countdown");
    await countdown.filter({ hasText: /^Your files are deleted in 23 h 5\d min$/ }).waitFor({ timeout: 30_000 });
    expect(await countStoredFiles(page())).toBe(1);

    await page().getByRole("button", { name: "Delete now" }).click();
    const dialog = page().getByRole("dialog", { name: "Delete all your files now?" });
    expect(await dialog.getByText(/^This deletes your 1 upload and stops/).isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Delete files" }).click();
    await page().getByText("Your file was deleted.").waitFor();
    expect(await countStoredFiles(page())).toBe(0);
    expect(await chat.document("notes.pdf").count()).toBe(0);
  });

  it("suggests tools for a file chosen on the home page and carries it to the one picked", async () => {
    await page().goto("/");
    await page().getByLabel("Choose a file to start").setInputFiles([pdf("report.pdf", "Report", 3)]);
    const suggested = page().getByRole("list", { name: "Suggested tools" });
    await suggested.waitFor();
    const titles = await suggested.getByRole("button").allTextContents();
    expect(titles).toEqual(expect.arrayContaining(["Merge PDFs", "Compress PDF", "Split PDF"]));
    expect(titles).not.toContain("Resize images");
    expect(titles).not.toContain("Translate");
    expect(await page().locator('[aria-label="Picked files"] svg[data-file-kind="pdf"]').count()).toBe(1);
    // Nothing was uploaded just by choosing.
    expect(await countStoredFiles(page())).toBe(0);

    await suggested.getByRole("button", { name: "Compress PDF" }).click();
    await page().waitForURL("**/tools/pdf.compress");
    const tool = new ToolPage(page());
    await tool.waitUntilReady(1);
    expect(await tool.fileOrder()).toEqual(["report.pdf"]);
    expect(await countStoredFiles(page())).toBe(1);
  });
});
