import "server-only";
import { z } from "zod";
import { EngineFaultError } from "../engine-fault";
import { formatCount, ToolInputError } from "../tool-error";
import type { ToolInputFile } from "../types";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import type { OpenedPdf } from "./edit-each-pdf";
import type { mupdf } from "./mupdf-runtime";
import { openOrRebuildPdf } from "./open-or-rebuild-pdf";
import { pdfReadFailure } from "./pdf-read-failure";
import { checkPageCount, SAVE_DROPPING_UNUSED } from "./save-pdf";

export const repairPdfTool = definePdfEditTool({
  id: "pdf.repair",
  title: "Repair PDF",
  description: "Rebuild a damaged or cut-short PDF, keeping every page that can be recovered.",
  maxFiles: 20,
  options: z.object({}),
  verb: "Checking",
  suffix: "repaired",
  open: openForRepair,
  // mupdf rebuilds a broken cross-reference table while opening, by scanning the
  // file for objects; saving writes a fresh one. Not "clean"/"sanitize" (they
  // re-write, so inflate, every content stream) nor "garbage=3/4" (quadratic).
  saveOptions: SAVE_DROPPING_UNUSED,
  edit: ({ doc, pageCount, name, onPage }) => {
    const kept: number[] = [];
    for (let index = 0; index < pageCount; index += 1) {
      onPage(index);
      if (isRecoverable(doc, index)) kept.push(index);
    }
    if (kept.length === 0) throw tooDamaged(name);
    if (kept.length < pageCount) doc.rearrangePages(kept);
    const lost = pageCount - kept.length;
    if (lost > 0) return `Recovered ${kept.length} of ${formatCount(pageCount, "page")}; ${lost} could not be saved`;
    return doc.wasRepaired() ? `Repaired ${name}: all ${formatCount(pageCount, "page")} recovered` : `${name} had no damage to fix; saved a clean copy`;
  },
});

const tooDamaged = (name: string) => new ToolInputError(`${name} is too damaged to repair: no pages could be recovered from it.`, { fileName: name });

/** A page is kept when it loads and its content, if it has any, still exists in the file. */
function isRecoverable(doc: mupdf.PDFDocument, index: number): boolean {
  try {
    // A page whose own object was cut off resolves to null and would break the page tree.
    const page = doc.findPage(index);
    if (!page.isDictionary()) return false;
    doc.loadPage(index).destroy();
    const contents = page.get("Contents");
    const parts: mupdf.PDFObject[] = [];
    if (contents.isArray()) contents.forEach((part) => parts.push(part));
    else parts.push(contents);
    // A reference whose object was cut off resolves to null; the page would come out blank.
    return parts.every((part) => !part.isIndirect() || !part.resolve().isNull());
  } catch {
    return false;
  }
}

async function openForRepair(input: ToolInputFile): Promise<OpenedPdf> {
  const { name } = input;
  const bytes = await input.read();
  if (!Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-")) {
    throw new ToolInputError(`${name} is not a PDF file.`, { fileName: name });
  }
  let doc: mupdf.PDFDocument | null = null;
  try {
    // The same rebuild as every tool's opening: a table pointing at the wrong bytes is rebuilt from the objects.
    const { value } = openOrRebuildPdf(name, bytes);
    doc = value.doc;
    if (doc.needsPassword()) {
      doc.destroy();
      throw new ToolInputError(`${name} is password-protected. Unlock it first, then try again.`, { fileName: name });
    }
    const opened = { doc, pageCount: value.pageCount };
    if (opened.pageCount === 0) {
      doc.destroy();
      throw tooDamaged(name);
    }
    checkPageCount(opened, name);
    return opened;
  } catch (error) {
    if (error instanceof ToolInputError || error instanceof EngineFaultError) throw error;
    doc?.destroy();
    throw pdfReadFailure(name, error, tooDamaged(name).message);
  }
}
