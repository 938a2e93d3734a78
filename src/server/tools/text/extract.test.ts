import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { makeScannedPdf } from "~/test/support/pdf/make-scanned-pdf";
import { mupdf, takeBytes } from "../pdf/mupdf-runtime";
import { inputErrorOf, onlyOutput } from "~/test/support/run-tool-once";
import { makeLockedPdf, makeTruncatedPdf } from "~/test/support/pdf/make-hostile-pdf";
import { inputFile } from "~/test/support/input-file";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { extractTextTool } from "./extract";

const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** A report page: a 24 pt title, a 16 pt section heading and 11 pt body text. */
function reportPdf(): Uint8Array {
  const doc = new mupdf.PDFDocument();
  const font = doc.addSimpleFont(new mupdf.Font("Helvetica"));
  const body = "BT /F1 11 Tf 72 640 Td 14 TL (The year went well for the *whole* team, and sales rose in) Tj T* (every region we serve.) Tj ET";
  const content = `BT /F1 24 Tf 72 740 Td (Annual Report) Tj ET BT /F1 16 Tf 72 680 Td (1. Results) Tj ET ${body}`;
  doc.insertPage(-1, doc.addPage([0, 0, 612, 792], 0, doc.addObject({ Font: { F1: font } }), content));
  const bytes = takeBytes(doc.saveToBuffer("compress"));
  doc.destroy();
  return bytes;
}

describe("text.extract", () => {
  it("has defaults: plain text with headings guessed for Markdown, every page", () => {
    expect(extractTextTool.options.parse({})).toEqual({ format: "txt", headings: true, pages: "" });
  });

  it("writes plain text page by page, in reading order", async () => {
    const { output, steps } = await onlyOutput(extractTextTool, [pdf("notes.pdf", makePdf("notes", 3, { linesPerPage: 2 }))]);
    expect(output).toMatchObject({ name: "notes-text.txt", mimeType: "text/plain" });
    expect(text(output.data)).toBe(
      [1, 2, 3].map((n) => `--- Page ${n} ---\n\nnotes page ${n}\nline 1 of some ordinary filler text on a page`).join("\n\n") + "\n",
    );
    expect(steps.at(-1)).toBe("Read 3 pages");
  });

  it("writes Markdown with page sections and headings from font sizes", async () => {
    const { output } = await onlyOutput(extractTextTool, [pdf("report.pdf", reportPdf())], { format: "md" });
    expect(output).toMatchObject({ name: "report-text.md", mimeType: "text/markdown" });
    expect(text(output.data)).toBe(
      "## Page 1\n\n### Annual Report\n\n#### 1. Results\n\nThe year went well for the \\*whole\\* team, and sales rose in every region we serve.\n",
    );
    const plain = await onlyOutput(extractTextTool, [pdf("report.pdf", reportPdf())], { format: "md", headings: false });
    expect(text(plain.output.data)).toContain("\n\nAnnual Report\n\n1\\. Results\n\n");
  });

  it("says which pages have no text layer and need OCR", async () => {
    const scan = await makeScannedPdf(2, 100, [3, 2]);
    const { output, steps } = await onlyOutput(extractTextTool, [pdf("scan.pdf", scan)], { format: "both" });
    expect(output).toMatchObject({ name: "scan-text.zip", mimeType: "application/zip" });
    const files = unzipSync(output.data);
    expect(Object.keys(files)).toEqual(["scan-text.txt", "scan-text.md"]);
    expect(text(files["scan-text.txt"] ?? new Uint8Array())).toContain("--- Page 2 ---\n\n[Page 2 has no text layer: run OCR to read it.]");
    expect(text(files["scan-text.md"] ?? new Uint8Array())).toContain("## Page 1\n\n> Page 1 has no text layer: run OCR to read it.");
    expect(steps.at(-1)).toBe("Read 2 pages; 2 pages without a text layer need OCR");
  });

  it("reads only the pages asked for", async () => {
    const { output } = await onlyOutput(extractTextTool, [pdf("book.pdf", makePdf("book", 9))], { pages: "8-, 2" });
    expect(text(output.data)).toBe("--- Page 8 ---\n\nbook page 8\n\n--- Page 9 ---\n\nbook page 9\n\n--- Page 2 ---\n\nbook page 2\n");
  });

  it("refuses locked, cut-short and non-PDF files and pages that do not exist", async () => {
    expect((await inputErrorOf(extractTextTool, [pdf("locked.pdf", makeLockedPdf())])).message).toMatch(/^locked\.pdf is password-protected/);
    expect((await inputErrorOf(extractTextTool, [pdf("cut.pdf", makeTruncatedPdf())])).message).toMatch(/^cut\.pdf is incomplete/);
    expect((await inputErrorOf(extractTextTool, [inputFile("a.png", "image/png", new Uint8Array(8))])).message).toMatch(/^a\.png is not a kind of file/);
    expect((await inputErrorOf(extractTextTool, [pdf("a.pdf", makePdf("a", 2))], { pages: "3" })).message).toBe(
      "a.pdf has 2 pages, so page 3 does not exist. Check the page numbers.",
    );
    expect(extractTextTool.options.safeParse({ format: "docx" }).success).toBe(false);
  });
});
