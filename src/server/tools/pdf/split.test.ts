import { describe, expect, it } from "vitest";
import { runTool } from "../run-tool";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { splitPdfTool } from "./split";
import { expectInputError, onlyPdf, pdfInput, runPdfTool, unzipOutput } from "~/test/support/pdf/run-pdf-tool";

const report = (pages = 12) => pdfInput("report.pdf", makePdf("report", pages));
const split = (options: unknown, input = report()) => runPdfTool(splitPdfTool, [input], options);

describe("pdf.split", () => {
  it("makes one file per range, named by its pages, in one zip", async () => {
    const [zip, ...rest] = await split({ mode: "ranges", ranges: "1-3,4-10,12" }).run;
    expect(rest).toEqual([]);
    expect(zip?.name).toBe("report-split.zip");
    const files = unzipOutput(zip);
    expect(Object.keys(files)).toEqual(["report-pages-1-3.pdf", "report-pages-4-10.pdf", "report-page-12.pdf"]);
    expect(pageTexts(files["report-pages-1-3.pdf"] ?? new Uint8Array())).toEqual(["report page 1", "report page 2", "report page 3"]);
    expect(pageTexts(files["report-pages-4-10.pdf"] ?? new Uint8Array())).toHaveLength(7);
    expect(pageTexts(files["report-page-12.pdf"] ?? new Uint8Array())).toEqual(["report page 12"]);
  });

  it("splits every N pages, the last part taking what is left", async () => {
    const files = unzipOutput((await split({ mode: "every", every: 5 }).run)[0]);
    expect(Object.keys(files)).toEqual(["report-pages-1-5.pdf", "report-pages-6-10.pdf", "report-pages-11-12.pdf"]);
    expect(pageTexts(files["report-pages-11-12.pdf"] ?? new Uint8Array())).toEqual(["report page 11", "report page 12"]);
  });

  it("makes one file per page, reporting each file written", async () => {
    const { run, updates } = split({ mode: "each" }, report(3));
    const files = unzipOutput((await run)[0]);
    expect(Object.entries(files).map(([name, data]) => [name, pageTexts(data)])).toEqual([
      ["report-page-1.pdf", ["report page 1"]],
      ["report-page-2.pdf", ["report page 2"]],
      ["report-page-3.pdf", ["report page 3"]],
    ]);
    expect(updates.map((update) => update.step)).toContain("Writing file 3 of 3");
    expect(updates.at(-1)?.percent).toBe(100);
  });

  it("returns a single part as a plain PDF, open ranges included", async () => {
    const output = await onlyPdf(split({ mode: "ranges", ranges: "10-" }).run);
    expect(output.name).toBe("report-pages-10-12.pdf");
    expect(pageTexts(output.data)).toEqual(["report page 10", "report page 11", "report page 12"]);
  });

  it("keeps notes on the pages it copies", async () => {
    const doc = new mupdf.PDFDocument(makePdf("noted", 2));
    doc.loadPage(1).createAnnotation("Text").setContents("check this figure");
    const noted = takeBytes(doc.saveToBuffer(""));
    const files = unzipOutput((await split({ mode: "each" }, pdfInput("noted.pdf", noted)).run)[0]);
    const part = new mupdf.PDFDocument(files["noted-page-2.pdf"] ?? new Uint8Array());
    expect(part.loadPage(0).getAnnotations().map((annot) => annot.getContents())).toEqual(["check this figure"]);
  });

  it("says which page doesn't exist, and refuses ranges that write too many pages", async () => {
    await expectInputError(split({ mode: "ranges", ranges: "1-3,40" }).run, "Page 40 doesn't exist: report.pdf has 12 pages.", "report.pdf");
    const many = Array.from({ length: 60 }, () => "1-100").join(",");
    await expectInputError(split({ mode: "ranges", ranges: many }, report(100)).run, /^These ranges add up to 6,000 pages; a split writes at most 5,000 pages\.$/);
  });

  it("refuses extreme settings in the schema", () => {
    expect(splitPdfTool.options.safeParse({ mode: "every", every: 1e9 }).success).toBe(false);
    expect(splitPdfTool.options.safeParse({ mode: "every", every: 0 }).success).toBe(false);
    expect(splitPdfTool.options.safeParse({ mode: "halves" }).success).toBe(false);
    expect(splitPdfTool.options.parse({})).toEqual({ mode: "each", every: 2, ranges: "1-" });
  });

  it("stops between parts when the job is cancelled", async () => {
    const controller = new AbortController();
    const steps: string[] = [];
    const progress = ({ step }: { step: string }) => {
      steps.push(step);
      if (step === "Writing file 2 of 50") controller.abort();
    };
    const run = runTool(splitPdfTool, { inputs: [report(50)], options: { mode: "each" }, progress, signal: controller.signal });
    await expect(run).rejects.toThrow(/aborted/);
    expect(steps.at(-1)).toBe("Writing file 2 of 50");
  });
});
