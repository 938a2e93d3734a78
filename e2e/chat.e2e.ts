import { describe, expect, it, vi } from "vitest";
import { sampleReport } from "../test/support/sample-report";
import { makeTextPdf } from "../test/support/pdf/make-text-pdf";
import { ChatPage } from "./pages/chat-page";
import { useBrowserPage } from "./support/browser";

// The PDF helper sits beside server code that imports `server-only`, which throws outside React Server Components.
vi.mock("server-only", () => ({}));

const report = () => ({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from(makeTextPdf(sampleReport.map((chunk) => chunk.text))) });

describe("document chat (guest, offline mode)", () => {
  const { page } = useBrowserPage();

  it("uploads a PDF, streams a cited answer, opens the cited page and keeps the chat", async () => {
    const chat = new ChatPage(page());
    await chat.open();
    await chat.modeBadge().waitFor();
    await chat.uploadDocuments([report()]);
    await chat.waitUntilReady("report.pdf");
    expect(await chat.document("report.pdf").textContent()).toContain("Ready · 10 pages");

    const response = await chat.ask("When was the Millbrook plant commissioned?");
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    await chat.waitForAnswer("14 March 2023");
    // The answer arrived as a stream of many small pieces, not in one block.
    const deltas = (await response.text()).match(/"type":"text-delta"/g) ?? [];
    expect(deltas.length).toBeGreaterThan(5);

    await chat.citation(7, "report.pdf").first().click();
    const image = chat.previewImage(7, "report.pdf");
    await image.waitFor();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(800);
    expect(await chat.previewHeading().textContent()).toBe("report.pdf · page 7 of 10");
    expect(await page().evaluate(() => document.activeElement?.id)).toBe("page-preview-title");

    // The address is now the chat's own, and the conversation is there after a reload.
    await expect.poll(() => new URL(page().url()).pathname).toMatch(/^\/chat\/[A-Za-z0-9_-]{8,64}$/);
    await page().reload();
    await chat.waitForAnswer("14 March 2023");
    expect(await chat.answers().count()).toBe(1);
  });
});
