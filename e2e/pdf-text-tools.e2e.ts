import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { makeScannedPdf } from "../test/support/pdf/make-scanned-pdf";
import { makePdf, pageTexts } from "../test/support/pdf/make-pdf";
import { ToolPage } from "./pages/tool-page";
import { useBrowserPage } from "./support/browser";

// The PDF helpers sit beside server code that imports `server-only`, which throws outside React Server Components.
vi.mock("server-only", () => ({}));

describe("PDF and text tools (guest)", () => {
  const { page } = useBrowserPage();

  it("splits a PDF by ranges and downloads the parts as one zip", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.split");
    await tool.addFiles([{ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Report", 6)) }]);
    await tool.waitUntilReady(1);
    // The choice "Ranges" (a radio), not the text field of the same name.
    await page().locator("label").filter({ hasText: /^Ranges$/, has: page().locator('input[type="radio"]') }).click();
    await page().getByRole("textbox", { name: "Ranges", exact: true }).fill("1-2,3-6");

    await tool.run();
    await tool.waitForResult();
    const { fileName, bytes } = await tool.download("report-split.zip");
    expect(fileName).toBe("report-split.zip");
    const parts = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(parts).sort()).toEqual(["report-pages-1-2.pdf", "report-pages-3-6.pdf"]);
    expect(pageTexts(parts["report-pages-3-6.pdf"] ?? new Uint8Array())).toEqual(["Report page 3", "Report page 4", "Report page 5", "Report page 6"]);
  });

  it("compresses a scanned PDF and shows the sizes before and after", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.compress");
    const scan = Buffer.from(await makeScannedPdf(2, 300));
    await tool.addFiles([{ name: "scan.pdf", mimeType: "application/pdf", buffer: scan }]);
    await tool.waitUntilReady(1);

    await tool.run();
    await tool.waitForResult(90_000);
    expect(await page().getByText("Before", { exact: true }).isVisible()).toBe(true);
    expect(await page().getByText("After", { exact: true }).isVisible()).toBe(true);
    const change = await page().getByText(/^−\d+%$/).textContent();
    expect(Number(change?.replace(/[^\d]/g, ""))).toBeGreaterThan(30);
    const { bytes } = await tool.download("scan-compressed.pdf");
    expect(bytes.byteLength).toBeLessThan(scan.byteLength);
  });

  it("reads a scanned page with OCR and returns its text", async () => {
    const tool = new ToolPage(page());
    await tool.open("text.ocr");
    const lines = ["Invoice number 4711", "Total due 128 euros"];
    const scan = Buffer.from(await makeScannedPdf(1, 300, [6, 2], () => lines));
    await tool.addFiles([{ name: "scan.pdf", mimeType: "application/pdf", buffer: scan }]);
    await tool.waitUntilReady(1);
    await tool.chooseOption("TXT");

    await tool.run();
    await tool.waitForResult(120_000);
    const { fileName, bytes } = await tool.download("scan-ocr.txt");
    expect(fileName).toBe("scan-ocr.txt");
    const text = bytes.toString("utf8");
    expect(text).toContain("Invoice number 4711");
    expect(text).toContain("Total due 128 euros");
  });
});
