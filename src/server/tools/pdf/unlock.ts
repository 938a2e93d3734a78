import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";
import type { ToolInputFile } from "../types";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import type { OpenedPdf } from "./edit-each-pdf";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";
import { checkPageCount, SAVE_DROPPING_UNUSED } from "./save-pdf";
import { pdfReadFailure } from "./pdf-read-failure";

const unlockOptions = z.object({
  password: z.string().max(1_000).default("").describe("The password that opens the PDF."),
});

const HEADER = "%PDF-";

export const unlockPdfTool = definePdfEditTool({
  id: "pdf.unlock",
  title: "Unlock PDF",
  description: "Remove the password from a PDF you can open, so it opens without one.",
  maxFiles: 1,
  options: unlockOptions,
  verb: "Unlocking",
  suffix: "unlocked",
  open: (input, options) => openWithPassword(input, options.password),
  // "decrypt" writes every string and stream in the clear; the old /Encrypt goes with the unused objects.
  saveOptions: `decrypt,${SAVE_DROPPING_UNUSED}`,
  edit: ({ name }) => `Removed the password from ${name}`,
});

async function openWithPassword(input: ToolInputFile, password: string): Promise<OpenedPdf> {
  const { name } = input;
  const bytes = await input.read();
  if (!Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes(HEADER)) {
    throw new ToolInputError(`${name} is not a PDF file.`, { fileName: name });
  }
  let doc: mupdf.PDFDocument;
  try {
    const opened = withMupdfMessages(() => mupdf.Document.openDocument(bytes, "application/pdf").asPDF()).value;
    if (!opened) throw new Error("not opened as a PDF");
    doc = opened;
  } catch (error) {
    throw pdfReadFailure(name, error, `${name} is damaged and could not be read.`);
  }
  const refuse = (message: string) => {
    doc.destroy();
    return new ToolInputError(message, { fileName: name });
  };
  if (doc.getTrailer().get("Encrypt").isNull()) throw refuse(`${name} isn't password-protected, so there is nothing to unlock.`);
  // A file with only an owner password (limits on printing or copying) opens without
  // one; unlocking it lifts the limits, as other PDF tools do.
  if (doc.needsPassword()) {
    if (password === "") throw refuse(`${name} needs its password to be unlocked. Type it in the Password box.`);
    if (doc.authenticatePassword(password) === 0) throw refuse(`That password doesn't open ${name}.`);
  }
  let pageCount: number;
  try {
    pageCount = withMupdfMessages(() => doc.countPages()).value;
  } catch (error) {
    doc.destroy();
    throw pdfReadFailure(name, error, `${name} is damaged and could not be read.`);
  }
  const opened = { doc, pageCount };
  checkPageCount(opened, name);
  return opened;
}
