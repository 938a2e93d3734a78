import { describe, expect, inject, it, vi } from "vitest";
import { sampleReport } from "../test/support/sample-report";
import { makeTextPdf } from "../test/support/pdf/make-text-pdf";
import { StreamPanel } from "./pages/stream-panel";
import { type TestFile, ToolPage } from "./pages/tool-page";
import { useBrowserPage } from "./support/browser";

// The PDF helper sits beside server code that imports `server-only`, which throws outside React Server Components.
vi.mock("server-only", () => ({}));

const report = (name = "report.pdf"): TestFile => ({ name, mimeType: "application/pdf", buffer: Buffer.from(makeTextPdf(sampleReport.map((chunk) => chunk.text))) });

describe("Summarize streams on the tool page (guest, offline mode)", () => {
  const { page } = useBrowserPage();

  it("prepares the document, streams a cited summary, opens the cited page and downloads Markdown", async () => {
    const tool = new ToolPage(page());
    const panel = new StreamPanel(page());
    await tool.open("ai.summarize");
    await tool.addFiles([report()]);
    await tool.waitUntilReady(1);
    expect(await panel.runHint().textContent()).toMatch(/Streams the summary here\.$/);

    await tool.chooseOption("Long");
    // Watched from before Run: the bar may only show for a moment on a small PDF.
    const preparing = panel.preparationProgress("report.pdf").waitFor({ state: "attached", timeout: 10_000 });
    const response = await panel.run();
    await preparing;
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    await panel.waitForResult("Summary of report.pdf", "14 March 2023");
    // The text comes in many small pieces, not in one block. Asked again from the page: Chromium
    // does not keep the body of a streamed response for the test to read afterwards.
    const request = response.request().postDataJSON() as { tool: string; fileId: string; options: Record<string, unknown> };
    const deltas = await page().evaluate(async (body) => {
      const again = await fetch("/api/ai/summary", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return ((await again.text()).match(/"type":"text-delta"/g) ?? []).length;
    }, request);
    expect(deltas).toBeGreaterThan(5);
    expect(await panel.notes().textContent()).toMatch(/^Offline mode: /);
    expect(await panel.announcement().textContent()).toBe("Finished writing the summary. Citations in it open the cited page.");
    expect(await page().getByText("offline mode", { exact: true }).count()).toBe(1);

    await panel.citation(7, "report.pdf").first().click();
    const image = panel.previewImage(7, "report.pdf");
    await image.waitFor();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(800);
    expect(await page().evaluate(() => document.activeElement?.id)).toBe("page-preview-title");
    await page().keyboard.press("Escape");
    await panel.previewDialog().waitFor({ state: "hidden" });

    const { fileName, text } = await panel.download("report-summary.md");
    expect(fileName).toBe("report-summary.md");
    expect(text).toMatch(/^# Summary of report\.pdf\n\n> Offline mode: /);
    expect(text).toContain("14 March 2023 at a cost of $18.4 million. [p. 7]");
    expect(await tool.storedFileCount()).toBe(1);

    // Kept among the guest's files too, as the same Markdown.
    await page().getByRole("button", { name: "Save to my files" }).click();
    await page().getByRole("button", { name: "Saved to your files" }).waitFor();
    expect(await tool.storedFileCount()).toBe(2);

    // Other options, Run again: a new stream, now a list.
    await tool.chooseOption("Bullets");
    await tool.chooseOption("Short");
    await panel.run();
    await panel.waitForResult("Summary of report.pdf", /\[p\. \d+\]/);
    expect(await panel.result("Summary of report.pdf").getByRole("listitem").count()).toBe(3);
  });

  it("runs two documents as a job, and answers 404 to a visitor who owns nothing", async () => {
    const tool = new ToolPage(page());
    const panel = new StreamPanel(page());
    await tool.open("ai.summarize");
    await tool.addFiles([report("one.pdf"), report("two.pdf")]);
    await tool.waitUntilReady(2);
    expect(await panel.runHint().textContent()).toMatch(/Runs as a job; you get one file per document in a zip\.$/);

    // Straight at the route: no guest cookie, so no file, whatever the id.
    const anonymous = await fetch(`${inject("baseURL")}/api/ai/summary`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tool: "ai.summarize", fileId: "whatever", options: {} }),
    });
    expect(anonymous.status).toBe(404);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    // The guest's own session, with an option the tool does not take.
    const invalid = await page().request.post("/api/ai/summary", { data: { tool: "ai.summarize", fileId: "whatever", options: { length: "epic" } } });
    expect(invalid.status()).toBe(400);

    await tool.run();
    await tool.waitForResult();
    expect(await tool.downloadLink("summaries.zip").count()).toBe(1);
    expect(await panel.result("Summary of one.pdf").count()).toBe(0);
  });
});
