import { describe, expect, it } from "vitest";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { pageNumbersPdfTool } from "./page-numbers";
import { expectInputError, onlyPdf, openOutput, pdfInput, runPdfTool } from "~/test/support/pdf/run-pdf-tool";
import { watermarkPdfTool } from "./watermark";

/** Where a line of text sits on a page as seen: its box in mupdf's view space (origin top-left, y down) and its direction. */
function findText(data: Uint8Array, pageIndex: number, needle: string) {
  const lines: { text: string; x: number; y: number; w: number; h: number; dir: [number, number] }[] = [];
  openOutput(data)
    .loadPage(pageIndex)
    .toStructuredText("preserve-whitespace")
    .walk({
      beginLine: ([x0, y0, x1, y1], _wmode, [dx, dy]) => void lines.push({ text: "", x: x0, y: y0, w: x1 - x0, h: y1 - y0, dir: [Math.round(dx * 100) / 100, Math.round(dy * 100) / 100] }),
      onChar: (char) => {
        const line = lines.at(-1);
        if (line) line.text += char;
      },
    });
  return lines.find((line) => line.text.includes(needle)) ?? null;
}

/** Fraction of a rendered page's pixels that are not white. */
function inkCoverage(data: Uint8Array, pageIndex: number): number {
  const pixmap = openOutput(data).loadPage(pageIndex).toPixmap(mupdf.Matrix.scale(0.25, 0.25), mupdf.ColorSpace.DeviceGray, false);
  const pixels = pixmap.getPixels();
  return pixels.filter((value) => value < 250).length / pixels.length;
}

const report = (pages = 3) => pdfInput("report.pdf", makePdf("report", pages));

describe("pdf.page-numbers", () => {
  it("writes 'Page n of total' at the bottom right of each page", async () => {
    const output = await onlyPdf(runPdfTool(pageNumbersPdfTool, [report()], { format: "Page {n} of {total}", position: "bottom-right" }).run);
    expect(output.name).toBe("report-numbered.pdf");
    expect(pageTexts(output.data).map((text) => text.split("\n").at(-1))).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
    const box = findText(output.data, 1, "Page 2 of 3");
    // A4 is 595 × 842 points; the default margin is 28.
    expect(box?.x ?? 0).toBeGreaterThan(595 / 2);
    expect(595 - ((box?.x ?? 0) + (box?.w ?? 0))).toBeCloseTo(28, -1);
    expect(box?.y ?? 0).toBeGreaterThan(842 - 60);
  });

  it("skips the cover, starts at the number given, and stays upright on turned pages", async () => {
    const doc = new mupdf.PDFDocument(makePdf("report", 3));
    doc.findPage(2).put("Rotate", 90);
    const input = pdfInput("report.pdf", takeBytes(doc.saveToBuffer("")));
    const output = await onlyPdf(runPdfTool(pageNumbersPdfTool, [input], { skipFirstPage: true, startAt: 10, format: "{n} / {total}", position: "top-left" }).run);
    const texts = pageTexts(output.data);
    expect(texts[0]).toBe("report page 1");
    expect(texts.slice(1).map((text) => text.split("\n").at(-1))).toEqual(["11 / 12", "12 / 12"]);
    // Page 3 shows landscape (842 wide): the number reads left to right near its top-left corner.
    const box = findText(output.data, 2, "12 / 12");
    expect(box?.dir).toEqual([1, 0]);
    expect(box?.x ?? 999).toBeLessThan(60);
    expect(box?.y ?? 999).toBeLessThan(60);
  });

  it("refuses extreme sizes and margins", () => {
    expect(pageNumbersPdfTool.options.safeParse({ fontSize: 1e9 }).success).toBe(false);
    expect(pageNumbersPdfTool.options.safeParse({ fontSize: 2 }).success).toBe(false);
    expect(pageNumbersPdfTool.options.safeParse({ margin: -5 }).success).toBe(false);
    expect(pageNumbersPdfTool.options.safeParse({ startAt: 1e12 }).success).toBe(false);
  });
});

describe("pdf.watermark", () => {
  it("prints see-through text corner to corner on every page", async () => {
    const plain = makePdf("report", 2);
    const output = await onlyPdf(runPdfTool(watermarkPdfTool, [pdfInput("report.pdf", plain)], { text: "DRAFT — not final", opacity: 0.5 }).run);
    expect(output.name).toBe("report-watermarked.pdf");
    expect(pageTexts(output.data).every((text) => text.includes("DRAFT — not final"))).toBe(true);
    const box = findText(output.data, 0, "DRAFT");
    // Rising left to right (y grows downwards in view space), centred on the page.
    expect(box?.dir[0] ?? 0).toBeGreaterThan(0.5);
    expect(box?.dir[1] ?? 0).toBeLessThan(-0.5);
    expect((box?.x ?? 0) + (box?.w ?? 0) / 2).toBeCloseTo(595 / 2, -1);
    expect(inkCoverage(output.data, 0)).toBeGreaterThan(inkCoverage(plain, 0) + 0.01);
  });

  it("tiles the text over the whole page", async () => {
    const output = await onlyPdf(runPdfTool(watermarkPdfTool, [report(1)], { text: "COPY", position: "tile", fontSize: 30 }).run);
    const copies = pageTexts(output.data)[0]?.split("COPY").length ?? 0;
    expect(copies).toBeGreaterThan(20);
  });

  it("refuses text the standard font can't draw, and extreme settings", async () => {
    const parsed = watermarkPdfTool.options.safeParse({ text: "機密" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^Use letters, numbers and punctuation of Western European languages/);
    expect(watermarkPdfTool.options.safeParse({ fontSize: 1e9 }).success).toBe(false);
    expect(watermarkPdfTool.options.safeParse({ opacity: 0 }).success).toBe(false);
    expect(watermarkPdfTool.options.safeParse({ text: "x".repeat(201) }).success).toBe(false);
    await expectInputError(runPdfTool(watermarkPdfTool, [report()], { text: "   " }).run, /^These settings are not valid \(text\): Type the watermark text\.$/);
  });
});
