import "server-only";
import { outputName } from "@/shared/output-names";
import { formatCount, ToolInputError } from "../tool-error";
import type { ToolInputFile } from "../types";
import { mupdf, takeBytes, withMupdfMessages } from "./mupdf-runtime";
import { openPdf } from "./open-pdf";
import type { EngineFaultError } from "../engine-fault";
import { pdfReadFailure } from "./pdf-read-failure";

/** Page cap shared by the page tools: one job, one file of at most this many pages. */
export const MAX_PDF_PAGES = 5_000;
// mupdf's WASM heap stops at 2 GiB for the whole process; a tool holds its input,
// the edited document and the saved copy there at once (as merge.ts measured).
export const MAX_PDF_INPUT_BYTES = 200_000_000;

/**
 * mupdf's save options for the page tools. Plain "compress" leaves streams that are
 * already compressed as they are, so no page content is ever inflated. Never
 * "garbage=3"/"garbage=4" (duplicate merging): it compares every object with every
 * other, and took 8–38 s on 5,000 small pages where "garbage=compact" took 0.1 s.
 */
export const SAVE_OPTIONS = "compress";
/** Also drops objects nothing points to any more (deleted pages, removed metadata). */
export const SAVE_DROPPING_UNUSED = "garbage=compact,compress";

/** Opens an uploaded PDF for editing and refuses one with more pages than a tool takes. */
export async function readPdf(input: ToolInputFile, maxPages = MAX_PDF_PAGES): Promise<{ doc: mupdf.PDFDocument; pageCount: number }> {
  const opened = openPdf(input.name, await input.read());
  checkPageCount(opened, input.name, maxPages);
  try {
    // Finding the last page makes mupdf load the whole page tree once, so a tree that
    // loops back on itself or points at missing pages fails here, before any work.
    withMupdfMessages(() => opened.doc.findPage(opened.pageCount - 1));
  } catch (error) {
    opened.doc.destroy();
    throw damaged(input.name, error);
  }
  return opened;
}

export function checkPageCount(opened: { doc: mupdf.PDFDocument; pageCount: number }, name: string, maxPages = MAX_PDF_PAGES): void {
  if (opened.pageCount <= maxPages) return;
  opened.doc.destroy();
  throw new ToolInputError(`${name} has ${formatCount(opened.pageCount, "page")}; this tool takes at most ${formatCount(maxPages, "page")}.`, {
    fileName: name,
  });
}

/** Saves to bytes outside WASM memory; mupdf's complaints about a damaged file become one readable error. */
export function savePdf(doc: mupdf.PDFDocument, name: string, options = SAVE_OPTIONS): Uint8Array {
  try {
    return takeBytes(withMupdfMessages(() => doc.saveToBuffer(options)).value);
  } catch (error) {
    throw damaged(name, error);
  }
}

export function damaged(name: string, cause: unknown): ToolInputError | EngineFaultError {
  return pdfReadFailure(name, cause, `${name} is damaged in a way this tool can't work around. Try Repair PDF on it first.`);
}

/** "Q3 report.pdf" + "rotated" → "Q3 report-rotated.pdf" (output-names.ts makes the name safe). */
export function outputPdfName(inputName: string, suffix: string, extension = "pdf"): string {
  return outputName(inputName, suffix, extension);
}
