import { unzipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inputFile } from "~/test/support/input-file";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { failedRun, inputErrorOf, onlyOutput, runForTest } from "~/test/support/run-tool-once";
import { makeLockedPdf, makeTruncatedPdf } from "~/test/support/pdf/make-hostile-pdf";
import { pdfToImagesTool } from "./to-images";

const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);

/** A one-page PDF of `widthPt`×`heightPt` points. */
function pagePdf(widthPt: number, heightPt: number): Uint8Array {
  const doc = new mupdf.PDFDocument();
  doc.insertPage(-1, doc.addPage([0, 0, widthPt, heightPt], 0, {}, "0 0 1 rg 10 10 50 50 re f"));
  const bytes = takeBytes(doc.saveToBuffer("compress"));
  doc.destroy();
  return bytes;
}

describe("pdf.to-images", () => {
  it("has defaults: PNG at 150 dpi, JPEG quality 85, every page", () => {
    expect(pdfToImagesTool.options.parse({})).toEqual({ format: "png", dpi: 150, quality: 85, pages: "" });
  });

  it("turns a one-page PDF into one PNG of the page's size at the chosen dpi", async () => {
    const { output, steps } = await onlyOutput(pdfToImagesTool, [pdf("report.pdf", makePdf("report", 1))]);
    expect(output).toMatchObject({ name: "report-page-1.png", mimeType: "image/png" });
    const image = sharp(output.data);
    // A4 is 595×842 points: 1240×1755 pixels at 150 dpi.
    expect(await image.metadata()).toMatchObject({ format: "png", width: 1240, height: 1755, density: 150 });
    const { channels } = await image.stats();
    expect(channels[0]?.min).toBe(0); // the black text is there…
    expect(channels[0]?.max).toBe(255); // …on white paper
    expect(steps).toContain("Rendering page 1 of 1");
    // The same pixels mupdf draws on its own, without the guard in between.
    const doc = new mupdf.PDFDocument(makePdf("report", 1));
    const direct = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(150 / 72, 150 / 72), mupdf.ColorSpace.DeviceRGB, false);
    expect(Buffer.compare(Buffer.from(direct.getPixels()), await image.raw().toBuffer())).toBe(0);
    doc.destroy();
  });

  it("zips several pages, named by page number, in the order chosen", async () => {
    const { output, steps } = await onlyOutput(pdfToImagesTool, [pdf("long.pdf", makePdf("long", 12))], { format: "jpeg", dpi: 72, pages: "11-, 2" });
    expect(output).toMatchObject({ name: "long-images.zip", mimeType: "application/zip" });
    const files = unzipSync(output.data);
    expect(Object.keys(files)).toEqual(["long-page-11.jpg", "long-page-12.jpg", "long-page-02.jpg"]);
    for (const data of Object.values(files)) expect(await sharp(data).metadata()).toMatchObject({ format: "jpeg", width: 595, height: 842 });
    expect(steps).toEqual(expect.arrayContaining(["Rendering page 11 of 12", "Rendering page 2 of 12", "Zipping 3 images"]));
  });

  it("refuses absurd resolutions in the schema", () => {
    for (const dpi of [1e9, 601, 35, 150.5]) expect(pdfToImagesTool.options.safeParse({ dpi }).success).toBe(false);
  });

  it("refuses a page that would be too many pixels, before drawing it", async () => {
    const error = await inputErrorOf(pdfToImagesTool, [pdf("poster.pdf", pagePdf(7200, 7200))], { dpi: 100 });
    expect(error.message).toBe(
      "Page 1 of poster.pdf would be 10,000×10,000 pixels at 100 dpi; the limit is 50 megapixels per page. Choose a lower resolution.",
    );
  });

  it("refuses a run whose pages add up to too many pixels, before drawing any", async () => {
    const { error, steps } = await failedRun(pdfToImagesTool, [pdf("atlas.pdf", makePdf("atlas", 400))], { dpi: 300 });
    expect(error.message).toMatch(/^At 300 dpi these 400 pages would make 3\.5 gigapixels of images; the limit is 1\. Choose fewer pages/);
    expect(steps).toEqual([]);
  });

  it("refuses pages that do not exist, locked, cut-short and non-PDF files", async () => {
    expect((await inputErrorOf(pdfToImagesTool, [pdf("a.pdf", makePdf("a", 3))], { pages: "2-9" })).message).toBe(
      "a.pdf has 3 pages, so page 9 does not exist. Check the page numbers.",
    );
    expect((await inputErrorOf(pdfToImagesTool, [pdf("a.pdf", makePdf("a", 3))], { pages: "two" })).message).toMatch(/^These settings are not valid \(pages\)/);
    expect((await inputErrorOf(pdfToImagesTool, [pdf("locked.pdf", makeLockedPdf())])).message).toMatch(/^locked\.pdf is password-protected/);
    expect((await inputErrorOf(pdfToImagesTool, [pdf("cut.pdf", makeTruncatedPdf())])).message).toMatch(/^cut\.pdf is incomplete/);
    expect((await inputErrorOf(pdfToImagesTool, [pdf("fake.pdf", new TextEncoder().encode("hello"))])).message).toBe("fake.pdf is not a PDF file.");
  });

  it("stops when the job is cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runForTest(pdfToImagesTool, [pdf("a.pdf", makePdf("a", 2))], {}, controller.signal)).rejects.toThrow(/aborted/);
  });
});
