import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { mupdf, takeBytes } from "../pdf/mupdf-runtime";
import { makeImage } from "~/test/support/make-image";
import { MAX_PAGE_PREVIEW_SIDE, PageBeyondPreviewError, PageOutOfRangeError, renderDocumentPage } from "./render-document-page";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";

const size = async (png: Uint8Array) => {
  const { format, width, height } = await sharp(png).metadata();
  return { format, width, height };
};

describe("renderDocumentPage", () => {
  it("draws the asked page of a PDF at 110 dpi", async () => {
    const bytes = makeTextPdf(["first", "second page text"]);
    const png = await renderDocumentPage({ name: "a.pdf", mimeType: "application/pdf", bytes }, 2);
    // A4 is 595 × 842 pt: 910 × 1287 px at 110 dpi (rounded up).
    expect(await size(png)).toEqual({ format: "png", width: 910, height: 1287 });
    // A text page is not blank: some pixels are dark.
    const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data.subarray(0, 200_000).some((value) => value < 128)).toBe(true);
  });

  it("refuses a page past the end with the page count", async () => {
    const error = await renderDocumentPage({ name: "a.pdf", mimeType: "application/pdf", bytes: makeTextPdf(["only"]) }, 3).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PageOutOfRangeError);
    expect((error as PageOutOfRangeError).message).toBe("This document has 1 page.");
  });

  it("lays out text files into the same pages ingestion numbers", async () => {
    const text = Array.from({ length: 200 }, (_, index) => `Line ${index + 1} of the notes.`).join("\n");
    const png = await renderDocumentPage({ name: "notes.txt", mimeType: "text/plain", bytes: new TextEncoder().encode(text) }, 2);
    expect((await size(png)).format).toBe("png");
  });

  it("lays out a text file's prefix into the same pages as the whole file, up to the page the cut shortened", async () => {
    const whole = new TextEncoder().encode(Array.from({ length: 2000 }, (_, index) => `Line ${index + 1} of the notes, with a few more words.`).join("\n"));
    // Cut inside a line, as a byte limit does.
    const prefix = { name: "notes.txt", mimeType: "text/plain", bytes: whole.subarray(0, 20_007), truncated: true };
    const fromWhole = await renderDocumentPage({ name: "notes.txt", mimeType: "text/plain", bytes: whole }, 3);
    expect(Buffer.from(await renderDocumentPage(prefix, 3)).equals(Buffer.from(fromWhole))).toBe(true);
    const error = await renderDocumentPage(prefix, 200).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PageBeyondPreviewError);
    expect((error as PageBeyondPreviewError).pagesShown).toBeGreaterThanOrEqual(3);
  });

  it("draws a poster-sized page at a lower resolution, within the preview's longest side", async () => {
    const doc = new mupdf.PDFDocument();
    doc.insertPage(-1, doc.addPage([0, 0, 5000, 3000], 0, {}, ""));
    const bytes = takeBytes(doc.saveToBuffer(""));
    doc.destroy();
    const { width, height } = await size(await renderDocumentPage({ name: "poster.pdf", mimeType: "application/pdf", bytes }, 1));
    expect(width).toBe(MAX_PAGE_PREVIEW_SIDE);
    expect(height).toBe(1440);
  });

  it("shows an image as its only page, shrunk to at most 1600 px", async () => {
    const png = await renderDocumentPage({ name: "scan.jpg", mimeType: "image/jpeg", bytes: await makeImage(2400, 1200, "jpeg") }, 1);
    expect(await size(png)).toEqual({ format: "png", width: 1600, height: 800 });
  });
});
