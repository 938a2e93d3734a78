import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { makeImage } from "../test/support/make-image";
import { makePdf, pageTexts } from "../test/support/pdf/make-pdf";
import { type TestFile, ToolPage } from "./pages/tool-page";
import { useBrowserPage } from "./support/browser";

// The PDF helpers sit beside server code that imports `server-only`, which throws outside React Server Components.
vi.mock("server-only", () => ({}));

const pdf = (name: string, label: string, pages: number): TestFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(makePdf(label, pages)),
});

// Starts like a ZIP archive (what a renamed .docx or .zip looks like), named and typed as a PDF.
function zipNamedPdf(name: string): TestFile {
  const header = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
  return { name, mimeType: "application/pdf", buffer: Buffer.concat([header, Buffer.alloc(512)]) };
}

describe("tool flow (guest)", () => {
  const { page } = useBrowserPage();

  it("lists the tools on the home page and answers 404 for an unknown one", async () => {
    await page().goto("/");
    await page().getByRole("link", { name: "Merge PDFs" }).click();
    await page().waitForURL("**/tools/pdf.merge");
    expect(await page().getByRole("heading", { level: 1 }).textContent()).toBe("Merge PDFs");

    const response = await page().goto("/tools/pdf.explode");
    expect(response?.status()).toBe(404);
    expect(await page().getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
  });

  it("merges two PDFs in the order the guest chose and downloads the result", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.merge");
    expect(await tool.runButton().isDisabled()).toBe(true);

    await tool.addFiles([pdf("alpha.pdf", "Alpha", 2), pdf("bravo.pdf", "Bravo", 1)]);
    await tool.waitUntilReady(2);
    expect(await tool.fileRow("alpha.pdf").textContent()).toMatch(/(bytes|KB) · PDF/);
    await tool.moveUp("bravo.pdf");
    expect(await tool.fileOrder()).toEqual(["bravo.pdf", "alpha.pdf"]);

    await tool.run();
    await tool.jobProgress().waitFor({ state: "attached" });
    await tool.waitForResult();
    expect(await tool.jobAnnouncement().textContent()).toBe("Done. Your file is ready to download.");
    expect(await page().getByText(/^[−+±]\d+%$/).count()).toBe(1);

    const { fileName, bytes } = await tool.download("merged.pdf");
    expect(fileName).toBe("merged.pdf");
    expect(pageTexts(new Uint8Array(bytes))).toEqual(["Bravo page 1", "Alpha page 1", "Alpha page 2"]);
  });

  it("converts a PNG to a JPEG no wider than the chosen width", async () => {
    const tool = new ToolPage(page());
    await tool.open("image.convert");
    await tool.addFiles([{ name: "photo.png", mimeType: "image/png", buffer: Buffer.from(await makeImage(800, 600, "png")) }]);
    await tool.waitUntilReady(1);
    await tool.chooseOption("JPEG");
    await tool.fillOption("Max width", "320");

    await tool.run();
    await tool.waitForResult();
    const { fileName, bytes } = await tool.download("photo.jpg");
    expect(fileName).toBe("photo.jpg");
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 320, height: 240 });
  });

  it("shows why a file was refused on that file, and lets the guest remove it", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.merge");
    const png = Buffer.from(await makeImage(40, 30, "png"));
    await tool.addFiles([
      zipNamedPdf("report.pdf"),
      // A real PNG named and typed as a PDF: stored by the server, refused for this tool by its sniffed type.
      { name: "scan.pdf", mimeType: "application/pdf", buffer: png },
      pdf("alpha.pdf", "Alpha", 1),
    ]);

    await tool.fileError("report.pdf").waitFor();
    expect(await tool.fileError("report.pdf").textContent()).toContain("“report.pdf” is a ZIP archive, which no FileForge tool works with.");
    await tool.fileError("scan.pdf").waitFor();
    expect(await tool.fileError("scan.pdf").textContent()).toBe("“scan.pdf” is a PNG file; Merge PDFs takes PDF files.");
    expect(await tool.runButton().isDisabled()).toBe(true);
    expect(await page().getByText("Remove or retry the files that could not be uploaded.").isVisible()).toBe(true);

    await tool.remove("report.pdf");
    await tool.remove("scan.pdf");
    expect(await tool.fileOrder()).toEqual(["alpha.pdf"]);
    expect(await page().getByText("Add 1 more PDF file to start.").isVisible()).toBe(true);
  });

  it("counts down to deletion and deletes every file of the guest on request", async () => {
    const tool = new ToolPage(page());
    await tool.open("pdf.merge");
    expect(await page().getByText(/files you upload are deleted 24 hours later/).isVisible()).toBe(true);

    await tool.addFiles([pdf("alpha.pdf", "Alpha", 1), pdf("bravo.pdf", "Bravo", 1)]);
    await tool.waitUntilReady(2);
    await tool.countdown().filter({ hasText: /^Your files are deleted in 23 h 5\d min$/ }).waitFor();

    await tool.run();
    await tool.waitForResult();
    const href = await tool.downloadLink("merged.pdf").getAttribute("href");
    expect(href).toMatch(/^\/api\/files\/[^/]+\/download$/);
    expect((await page().request.get(href ?? "")).status()).toBe(200);
    expect(await tool.storedFileCount()).toBe(3);

    await tool.deleteAllFilesNow();
    await page().getByText("Your 3 files were deleted.").waitFor();
    expect(await tool.fileList().count()).toBe(0);
    expect(await tool.downloadLink("merged.pdf").count()).toBe(0);
    expect((await page().request.get(href ?? "")).status()).toBe(404);
    expect(await tool.storedFileCount()).toBe(0);
  });
});
