import { existsSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { makeScanJpeg, makeScannedPdf } from "~/test/support/pdf/make-scanned-pdf";
import { mupdf, takeBytes } from "../pdf/mupdf-runtime";
import { inputErrorOf, onlyOutput } from "~/test/support/run-tool-once";
import { makeLockedPdf } from "~/test/support/pdf/make-hostile-pdf";
import { inputFile } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { ocrTool } from "./ocr";

const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);
const LINES = ["The quick brown fox jumps over the lazy dog.", "Invoice number 4721 is due on Friday."];
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9 ]/g, " ").split(/\s+/).filter(Boolean);

/** Where on the page (in points from the top left) mupdf finds a word of the text layer. */
function findWord(bytes: Uint8Array, pageIndex: number, word: string): { x: number; y: number } | null {
  const doc = new mupdf.PDFDocument(bytes);
  const [hit] = doc.loadPage(pageIndex).search(word, undefined);
  doc.destroy();
  const quad = hit?.[0];
  return quad ? { x: quad[0], y: quad[1] } : null;
}

describe("text.ocr", { timeout: 120_000 }, () => {
  it("has defaults: searchable PDF and text, 300 dpi, every page, pages with text kept", () => {
    expect(ocrTool.options.parse({})).toEqual({ output: "both", dpi: 300, pages: "", skipPagesWithText: true });
  });

  it("reads a scanned PDF into a searchable PDF whose words sit where they were printed, and a .txt", async () => {
    // Page 2 is born-digital text: it is kept as it is, not read again.
    const scan = new mupdf.PDFDocument(await makeScannedPdf(2, 300, [6, 2], () => LINES));
    scan.graftPage(1, new mupdf.PDFDocument(makePdf("typed", 1)), 0);
    const original = takeBytes(scan.saveToBuffer("compress"));
    scan.destroy();

    const { output, steps } = await onlyOutput(ocrTool, [pdf("scan.pdf", original)]);
    expect(output).toMatchObject({ name: "scan-ocr.zip", mimeType: "application/zip" });
    const files = unzipSync(output.data);
    expect(Object.keys(files)).toEqual(["scan-ocr.pdf", "scan-ocr.txt"]);
    const txt = new TextDecoder().decode(files["scan-ocr.txt"]);
    expect(txt).toContain("--- Page 2 ---\n\ntyped page 1\n\n--- Page 3 ---");
    expect(words(txt)).toEqual(expect.arrayContaining(["quick", "brown", "fox", "invoice", "4721", "friday"]));
    expect(steps).toEqual(expect.arrayContaining(["Recognising page 1 of 3", "Recognising page 3 of 3", "Recognised 2 pages; 1 page already had text"]));
    expect(steps).not.toContain("Recognising page 2 of 3");

    const searchable = files["scan-ocr.pdf"] ?? new Uint8Array();
    expect(pageTexts(searchable).map(words)[0]).toEqual(expect.arrayContaining(["quick", "brown", "fox"]));
    // The first line was drawn 1 inch from the left and about 1 inch down (baseline at 72 pt).
    const fox = findWord(searchable, 0, "quick");
    expect(fox?.x).toBeGreaterThan(72 + 20);
    expect(fox?.x).toBeLessThan(72 + 80);
    expect(fox?.y).toBeGreaterThan(50);
    expect(fox?.y).toBeLessThan(75);
    // The scan itself is untouched: the text layer adds a few KB, not a re-encoded image.
    expect(searchable.length).toBeLessThan(original.length + 30_000);
  });

  it("reads photos into one searchable PDF, one page per image, and keeps the model off the network and disk", async () => {
    const photo = await makeScanJpeg(5, 1.5, 300, { lines: [LINES[0] ?? ""] });
    const { output, steps } = await onlyOutput(ocrTool, [inputFile("a.jpg", "image/jpeg", photo), inputFile("b.jpg", "image/jpeg", photo)], { output: "pdf" });
    expect(output).toMatchObject({ name: "scans-ocr.pdf", mimeType: "application/pdf" });
    expect(pageTexts(output.data).map(words)[1]).toEqual(expect.arrayContaining(["quick", "brown", "fox", "lazy", "dog"]));
    expect(Buffer.from(output.data).indexOf(Buffer.from(photo))).toBeGreaterThan(0);
    expect(steps).toContain("Recognising page 2 of 2");
    expect(existsSync(path.join(process.cwd(), "eng.traineddata"))).toBe(false);
  });

  it("refuses a PDF mixed with images, a locked PDF and settings out of range", async () => {
    const mixed = await inputErrorOf(ocrTool, [pdf("a.pdf", makePdf("a", 1)), inputFile("b.jpg", "image/jpeg", new Uint8Array(10))]);
    expect(mixed.message).toBe("OCR reads one PDF, or a set of images, at a time: run the PDF on its own.");
    expect((await inputErrorOf(ocrTool, [pdf("locked.pdf", makeLockedPdf())])).message).toMatch(/^locked\.pdf is password-protected/);
    for (const dpi of [1e9, 149, 401]) expect(ocrTool.options.safeParse({ dpi }).success).toBe(false);
  });
});
