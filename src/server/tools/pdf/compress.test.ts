import { describe, expect, it } from "vitest";
import { inputFile } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { compressPdfTool } from "./compress";
import { makeScanJpeg, makeScannedPdf } from "~/test/support/pdf/make-scanned-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { inputErrorOf, onlyOutput } from "~/test/support/run-tool-once";
import { makeLockedPdf, makeTruncatedPdf } from "~/test/support/pdf/make-hostile-pdf";

const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);

type ImageFacts = { width: number; height: number; filter: string; colorspace: string };

function imagesOf(bytes: Uint8Array): ImageFacts[] {
  const doc = new mupdf.PDFDocument(bytes);
  const images: ImageFacts[] = [];
  for (let number = 1; number < doc.countObjects(); number += 1) {
    const object = doc.newIndirect(number);
    if (!object.isStream() || object.get("Subtype").toString() !== "/Image") continue;
    const space = object.get("ColorSpace");
    images.push({
      width: object.get("Width").asNumber(),
      height: object.get("Height").asNumber(),
      filter: object.get("Filter").toString(),
      colorspace: space.isArray() ? space.get(0).toString() : space.toString(),
    });
  }
  doc.destroy();
  return images;
}

/** Two 4×3-inch pages: one scanned at 300 dpi, one at 200 dpi (under 1.5 × 150, so not worth blurring). */
async function mixedScanPdf(): Promise<Uint8Array> {
  const doc = new mupdf.PDFDocument();
  for (const dpi of [300, 200]) {
    const image = new mupdf.Image(await makeScanJpeg(4, 3, dpi, { quality: 92 }));
    const resources = doc.addObject({ XObject: { Im: doc.addImage(image) } });
    doc.insertPage(-1, doc.addPage([0, 0, 288, 216], 0, resources, "q 288 0 0 216 0 0 cm /Im Do Q"));
  }
  const bytes = takeBytes(doc.saveToBuffer("compress"));
  doc.destroy();
  return bytes;
}

describe("pdf.compress", () => {
  it("has defaults: medium, in colour", () => {
    expect(compressPdfTool.options.parse({})).toEqual({ level: "medium", grayscale: false });
  });

  it("medium shrinks 300-dpi scans to 150 dpi JPEG and leaves images already near 150 dpi at their size", async () => {
    const original = await mixedScanPdf();
    const { output, steps } = await onlyOutput(compressPdfTool, [pdf("scan.pdf", original)]);
    expect(output).toMatchObject({ name: "scan-compressed.pdf", mimeType: "application/pdf" });
    expect(imagesOf(output.data).map(({ width, height }) => [width, height])).toEqual([[600, 450], [800, 600]]);
    expect(output.data.length).toBeLessThan(original.length / 3);
    expect(steps.at(-1)).toMatch(/^Compressed \d+(\.\d)? KB → \d+(\.\d)? KB \(\d+% smaller\)$/);
    expect(steps).toEqual(expect.arrayContaining(["Measuring images on page 2 of 2", "Compressing image 2 of 2"]));
  });

  it("high with grayscale goes to 100 dpi in grey", async () => {
    const original = await makeScannedPdf(2, 300, [4, 3]);
    const { output } = await onlyOutput(compressPdfTool, [pdf("scan.pdf", original)], { level: "high", grayscale: true });
    expect(imagesOf(output.data)).toEqual([
      { width: 400, height: 300, filter: "/DCTDecode", colorspace: "/DeviceGray" },
      { width: 400, height: 300, filter: "/DCTDecode", colorspace: "/DeviceGray" },
    ]);
  });

  it("low is lossless: it compresses streams and keeps every page's text", async () => {
    const doc = new mupdf.PDFDocument(makePdf("plain", 30, { linesPerPage: 40 }));
    const uncompressed = takeBytes(doc.saveToBuffer("decompress")); // streams written out in full
    doc.destroy();
    const { output } = await onlyOutput(compressPdfTool, [pdf("plain.pdf", uncompressed)], { level: "low" });
    expect(output.data.length).toBeLessThan(uncompressed.length / 3);
    expect(pageTexts(output.data)).toEqual(pageTexts(uncompressed));
  });

  it("hands back the original bytes when it cannot make the file smaller, and says so", async () => {
    const compact = (await onlyOutput(compressPdfTool, [pdf("a.pdf", makePdf("tiny", 1))], { level: "low" })).output.data;
    for (const level of ["low", "medium", "high"]) {
      const { output, steps } = await onlyOutput(compressPdfTool, [pdf("tiny.pdf", compact)], { level });
      expect(output.data).toEqual(compact);
      expect(steps.at(-1)).toMatch(/^No gain: this PDF is already compact \(\d+ bytes\)$/);
    }
  });

  it("refuses locked, cut-short and non-PDF files, and unknown levels", async () => {
    expect((await inputErrorOf(compressPdfTool, [pdf("locked.pdf", makeLockedPdf())])).message).toMatch(/^locked\.pdf is password-protected/);
    expect((await inputErrorOf(compressPdfTool, [pdf("cut.pdf", makeTruncatedPdf())])).message).toMatch(/^cut\.pdf is incomplete/);
    expect((await inputErrorOf(compressPdfTool, [pdf("x.pdf", new Uint8Array(100))])).message).toBe("x.pdf is not a PDF file.");
    expect(compressPdfTool.options.safeParse({ level: "extreme" }).success).toBe(false);
  });
});
