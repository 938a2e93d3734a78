import { describe, expect, it } from "vitest";
import { makeScannedPdf } from "~/test/support/pdf/make-scanned-pdf";
import { mupdf, takeBytes } from "../pdf/mupdf-runtime";
import { isToolInputError } from "../tool-error";
import { describeUnreadPages } from "./document-pages";
import { readDocumentPages } from "./read-document-pages";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";

const pdf = (bytes: Uint8Array) => ({ name: "doc.pdf", mimeType: "application/pdf", bytes });

describe("readDocumentPages", { timeout: 120_000 }, () => {
  it("reads a PDF's text page by page and lists blank pages", async () => {
    const read = await readDocumentPages(pdf(makeTextPdf(["Alpha facts here.", "", "Gamma facts here."])), { ocr: false });
    expect(read).toEqual({
      pages: [{ page: 1, text: "Alpha facts here." }, { page: 3, text: "Gamma facts here." }],
      pageCount: 3,
      ocrPages: [],
      unreadPages: [2],
    });
  });

  it("reads a scanned page with OCR and leaves it unread without", async () => {
    const scan = new mupdf.PDFDocument(await makeScannedPdf(1, 200, [6, 2], () => ["Invoice number 4721 is due on Friday."]));
    scan.graftPage(0, new mupdf.PDFDocument(makeTextPdf(["Cover page with typed text."])), 0);
    const bytes = takeBytes(scan.saveToBuffer("compress"));
    scan.destroy();

    const without = await readDocumentPages(pdf(bytes), { ocr: false });
    expect(without.unreadPages).toEqual([2]);
    expect(describeUnreadPages(without.unreadPages)).toBe("page 2 has no text layer");

    const steps: string[] = [];
    const withOcr = await readDocumentPages(pdf(bytes), { ocr: true, progress: ({ step }) => void steps.push(step) });
    expect(withOcr.ocrPages).toEqual([2]);
    expect(withOcr.pages[1]?.text).toMatch(/Invoice number 4721/);
    expect(steps).toContain("Recognising page 2 of 2");
  });

  it("leaves a page OCR cannot finish in time unread and reads the next one with a fresh engine", async () => {
    // A full 300-dpi page that is almost all paper texture: tesseract spends minutes on it here.
    const doc = new mupdf.PDFDocument(await makeScannedPdf(1, 300, [8.5, 11], () => ["Texture"]));
    doc.graftPage(1, new mupdf.PDFDocument(await makeScannedPdf(1, 200, [6, 2], () => ["Invoice number 4721 is due on Friday."])), 0);
    const bytes = takeBytes(doc.saveToBuffer("compress"));
    doc.destroy();

    const read = await readDocumentPages(pdf(bytes), { ocr: true, ocrPageTimeoutMs: 4_000 });
    expect(read.unreadPages).toEqual([1]);
    expect(read.ocrPages).toEqual([2]);
    expect(read.pages).toEqual([{ page: 2, text: expect.stringMatching(/Invoice number 4721/) }]);
  });

  it("pages a text file the way mupdf lays it out", async () => {
    const text = Array.from({ length: 120 }, (_, index) => `Line ${index + 1}.`).join("\n");
    const read = await readDocumentPages({ name: "notes.txt", mimeType: "text/plain", bytes: new TextEncoder().encode(text) }, { ocr: false });
    expect(read.pageCount).toBeGreaterThan(1);
    expect(read.pages[0]?.text.startsWith("Line 1.")).toBe(true);
    expect(read.pages.at(-1)?.text.endsWith("Line 120.")).toBe(true);
  });

  it("refuses a file that has no text to read, by name", async () => {
    const error = await readDocumentPages({ name: "a.zip", mimeType: "application/zip", bytes: new Uint8Array(4) }, { ocr: false }).catch((reason: unknown) => reason);
    expect(isToolInputError(error) && error.message).toBe("a.zip is not a PDF, text file or image, so its text cannot be read.");
  });

  it("names unread pages briefly", () => {
    expect(describeUnreadPages([3, 4, 9])).toBe("pages 3, 4 and 9 have no text layer");
    expect(describeUnreadPages(Array.from({ length: 10 }, (_, index) => index + 1))).toBe("pages 1, 2, 3, 4, 5, 6, 7, 8 and 2 more have no text layer");
  });
});
