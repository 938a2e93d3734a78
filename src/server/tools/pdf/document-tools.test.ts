import { describe, expect, it } from "vitest";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { mupdf, takeBytes } from "./mupdf-runtime";
import { protectPdfTool } from "./protect";
import { repairPdfTool } from "./repair";
import { stripMetadataPdfTool } from "./strip-metadata";
import { makeBrokenXrefPdf, makeLockedPdf, makeTruncatedPdf } from "~/test/support/pdf/make-hostile-pdf";
import { expectInputError, onlyPdf, openOutput, pdfInput, runPdfTool } from "~/test/support/pdf/run-pdf-tool";
import { unlockPdfTool } from "./unlock";

function withMetadata(): Uint8Array {
  const doc = new mupdf.PDFDocument(makePdf("report", 2));
  doc.setMetaData("info:Title", "Quarterly figures");
  doc.setMetaData("info:Author", "Alice Example");
  doc.setMetaData("info:Producer", "SecretWriter 9");
  const xmp = doc.addStream("<x:xmpmeta><dc:creator>Alice Example</dc:creator></x:xmpmeta>", { Type: "Metadata", Subtype: "XML" });
  doc.getTrailer().get("Root").put("Metadata", xmp);
  return takeBytes(doc.saveToBuffer(""));
}

describe("pdf.strip-metadata", () => {
  it("removes Title, Author, Producer and the XMP packet from the file, and says so", async () => {
    const { run, updates } = runPdfTool(stripMetadataPdfTool, [pdfInput("report.pdf", withMetadata())]);
    const output = await onlyPdf(run);
    expect(output.name).toBe("report-clean.pdf");
    const doc = openOutput(output.data);
    expect(doc.getMetaData("info:Title")).toBeUndefined();
    expect(doc.getMetaData("info:Author")).toBeUndefined();
    expect(doc.getMetaData("info:Producer")).toBeUndefined();
    expect(doc.getTrailer().get("Root", "Metadata").isNull()).toBe(true);
    // Not just unlinked: the bytes are gone.
    expect(Buffer.from(output.data).toString("latin1")).not.toMatch(/Alice|SecretWriter|xmpmeta/);
    expect(pageTexts(output.data)).toEqual(["report page 1", "report page 2"]);
    expect(updates.at(-1)?.step).toBe("Removed Title, Author, Producer and XMP metadata");
  });

  it("says when there was nothing to remove", async () => {
    const { run, updates } = runPdfTool(stripMetadataPdfTool, [pdfInput("plain.pdf", makePdf("plain", 1))]);
    await onlyPdf(run);
    expect(updates.at(-1)?.step).toBe("No metadata found");
  });
});

describe("pdf.protect and pdf.unlock", () => {
  it("locks with AES-256: the file needs the password and opens with it", async () => {
    const output = await onlyPdf(runPdfTool(protectPdfTool, [pdfInput("report.pdf", makePdf("report", 2))], { password: "open sesame" }).run);
    expect(output.name).toBe("report-protected.pdf");
    const locked = openOutput(output.data);
    expect(locked.needsPassword()).toBe(true);
    expect(locked.authenticatePassword("wrong")).toBe(0);
    expect(locked.authenticatePassword("open sesame")).not.toBe(0);
    expect(locked.getMetaData("encryption")).toMatch(/256-bit AES/);
    expect(locked.loadPage(1).toStructuredText("").asText().trim()).toBe("report page 2");
  });

  it("limits printing and copying for someone with the open password only", async () => {
    const options = { password: "reader", allowPrinting: false, allowCopying: false };
    const output = await onlyPdf(runPdfTool(protectPdfTool, [pdfInput("report.pdf", makePdf("report", 1))], options).run);
    const doc = openOutput(output.data, "reader");
    expect([doc.hasPermission("print"), doc.hasPermission("copy"), doc.hasPermission("annotate")]).toEqual([false, false, true]);
  });

  it("refuses no password, a comma in it, and an already locked file", async () => {
    await expectInputError(runPdfTool(protectPdfTool, [pdfInput("report.pdf", makePdf("r", 1))]).run, "Choose a password to protect the PDF with.");
    expect(protectPdfTool.options.safeParse({ password: "a,b" }).success).toBe(false);
    expect(protectPdfTool.options.safeParse({ password: "x".repeat(128) }).success).toBe(false);
    await expectInputError(runPdfTool(protectPdfTool, [pdfInput("report.pdf", makeLockedPdf())], { password: "x" }).run, /^report\.pdf is password-protected/);
  });

  it("unlocks with the right password and saves without encryption", async () => {
    const output = await onlyPdf(runPdfTool(unlockPdfTool, [pdfInput("report.pdf", makeLockedPdf("s3cret"))], { password: "s3cret" }).run);
    expect(output.name).toBe("report-unlocked.pdf");
    const doc = openOutput(output.data);
    expect(doc.needsPassword()).toBe(false);
    expect(doc.getTrailer().get("Encrypt").isNull()).toBe(true);
    expect(pageTexts(output.data)).toEqual(["locked page 1", "locked page 2"]);
  });

  it("says plainly when the password is wrong, missing or not needed", async () => {
    const unlock = (data: Uint8Array, password?: string) => runPdfTool(unlockPdfTool, [pdfInput("report.pdf", data)], { password }).run;
    await expectInputError(unlock(makeLockedPdf("s3cret"), "guess"), "That password doesn't open report.pdf.", "report.pdf");
    await expectInputError(unlock(makeLockedPdf("s3cret")), "report.pdf needs its password to be unlocked. Type it in the Password box.");
    await expectInputError(unlock(makePdf("open", 1), "x"), "report.pdf isn't password-protected, so there is nothing to unlock.");
  });
});

describe("pdf.repair", () => {
  it("rebuilds a file whose cross-reference table points to the wrong places", async () => {
    const { run, updates } = runPdfTool(repairPdfTool, [pdfInput("broken.pdf", makeBrokenXrefPdf())]);
    const output = await onlyPdf(run);
    expect(output.name).toBe("broken-repaired.pdf");
    expect(updates.at(-1)?.step).toBe("Repaired broken.pdf: all 3 pages recovered");
    expect(pageTexts(output.data)).toEqual(["broken xref page 1", "broken xref page 2", "broken xref page 3"]);
    expect(openOutput(output.data).wasRepaired()).toBe(false);
  });

  it("keeps what survives of a cut-short file and drops pages whose content is gone", async () => {
    const { run, updates } = runPdfTool(repairPdfTool, [pdfInput("cut.pdf", makeTruncatedPdf(0.6))]);
    const output = await onlyPdf(run);
    const texts = pageTexts(output.data);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts[0]).toMatch(/^long page 1/);
    expect(openOutput(output.data).wasRepaired()).toBe(false);
    expect(updates.at(-1)?.step).toMatch(/^(Recovered \d of 5 pages; \d could not be saved|Repaired cut\.pdf: all 5 pages recovered)$/);
  });

  it("says when nothing can be recovered", async () => {
    await expectInputError(runPdfTool(repairPdfTool, [pdfInput("stub.pdf", makeTruncatedPdf(0.1))]).run, "stub.pdf is too damaged to repair: no pages could be recovered from it.", "stub.pdf");
    await expectInputError(runPdfTool(repairPdfTool, [pdfInput("notes.pdf", new TextEncoder().encode("just some text"))]).run, "notes.pdf is not a PDF file.");
  });
});
