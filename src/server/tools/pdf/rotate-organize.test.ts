import { describe, expect, it } from "vitest";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { organizePdfTool } from "./organize";
import { rotatePdfTool } from "./rotate";
import { allStreamText, expectInputError, onlyPdf, openOutput, pageRotations, pdfInput, runPdfTool, unzipOutput } from "~/test/support/pdf/run-pdf-tool";

const report = (pages = 5) => pdfInput("report.pdf", makePdf("report", pages));

describe("pdf.rotate", () => {
  it("turns only the pages listed, adding to the rotation they had", async () => {
    const doc = new mupdf.PDFDocument(makePdf("report", 4));
    doc.findPage(1).put("Rotate", 270);
    const input = pdfInput("report.pdf", takeBytes(doc.saveToBuffer("")));
    const output = await onlyPdf(runPdfTool(rotatePdfTool, [input], { angle: 180, pages: "2-3" }).run);
    expect(output.name).toBe("report-rotated.pdf");
    expect(pageRotations(output.data)).toEqual([0, 90, 180, 0]);
    expect(pageTexts(output.data)).toEqual(["report page 1", "report page 2", "report page 3", "report page 4"]);
  });

  it("turns every page of every file by default, zipping a batch", async () => {
    const { run, updates } = runPdfTool(rotatePdfTool, [report(2), pdfInput("other.pdf", makePdf("other", 1))]);
    const files = unzipOutput((await run)[0]);
    expect(Object.keys(files)).toEqual(["report-rotated.pdf", "other-rotated.pdf"]);
    expect(pageRotations(files["report-rotated.pdf"] ?? new Uint8Array())).toEqual([90, 90]);
    expect(updates.map((update) => update.step)).toContain("Rotating page 1 of 1 (file 2 of 2)");
  });

  it("refuses angles that aren't quarter turns and pages that don't exist", async () => {
    expect(rotatePdfTool.options.safeParse({ angle: 45 }).success).toBe(false);
    expect(rotatePdfTool.options.safeParse({ angle: 1e9 }).success).toBe(false);
    await expectInputError(runPdfTool(rotatePdfTool, [report()], { pages: "9" }).run, "Page 9 doesn't exist: report.pdf has 5 pages.", "report.pdf");
  });
});

describe("pdf.organize", () => {
  it("reorders, deletes and copies pages as listed", async () => {
    const output = await onlyPdf(runPdfTool(organizePdfTool, [report()], { order: "3,1,1,5-4" }).run);
    expect(output.name).toBe("report-organized.pdf");
    expect(pageTexts(output.data)).toEqual(["report page 3", "report page 1", "report page 1", "report page 5", "report page 4"]);
  });

  it("removes deleted pages from the file itself", async () => {
    const output = await onlyPdf(runPdfTool(organizePdfTool, [report()], { order: "1,3" }).run);
    const text = allStreamText(output.data);
    expect(text).toContain("report page 3");
    expect(text).not.toContain("report page 2");
  });

  it("makes copies that can be changed on their own", async () => {
    const organized = await onlyPdf(runPdfTool(organizePdfTool, [report(1)], { order: "1,1" }).run);
    const doc = openOutput(organized.data);
    expect(doc.findPage(0).asIndirect()).not.toBe(doc.findPage(1).asIndirect());
    const rotated = await onlyPdf(runPdfTool(rotatePdfTool, [pdfInput("copies.pdf", organized.data)], { pages: "2" }).run);
    expect(pageRotations(rotated.data)).toEqual([0, 90]);
  });

  it("refuses an empty order and one that makes too many pages", async () => {
    await expectInputError(runPdfTool(organizePdfTool, [report()], { order: " " }).run, "Type the pages to use, for example 1-3,5.");
    const huge = Array.from({ length: 1_100 }, () => "1-5").join(",");
    expect(organizePdfTool.options.safeParse({ order: huge }).success).toBe(false);
    const many = Array.from({ length: 60 }, () => "1-100").join(",");
    await expectInputError(runPdfTool(organizePdfTool, [report(100)], { order: many }).run, "That order makes 6,000 pages; the most a file can have here is 5,000 pages.");
  });
});
