import "server-only";
import { z } from "zod";
import { formatCount, ToolInputError } from "../tool-error";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import type { mupdf } from "./mupdf-runtime";
import { countRangePages, pageListOption, parsePageRanges, rangeIndexes } from "./parse-page-ranges";
import { MAX_PDF_PAGES, SAVE_DROPPING_UNUSED } from "./save-pdf";

const organizeOptions = z.object({
  order: pageListOption(
    "1-",
    "The pages of the new file, in order: 3,1,2,5-7 puts page 3 first; pages left out are deleted, pages listed twice are copied, 9-5 runs backwards.",
  ),
});

// Keys a page may inherit from the page tree; a copied page needs its own.
const INHERITED = ["Resources", "MediaBox", "CropBox", "Rotate"];

export const organizePdfTool = definePdfEditTool({
  id: "pdf.organize",
  title: "Organize pages",
  description: "Reorder, delete and copy pages by listing them in the order you want.",
  maxFiles: 1,
  options: organizeOptions,
  verb: "Placing",
  suffix: "organized",
  // Deleted pages must really leave the file: people delete pages to remove what is on them.
  saveOptions: SAVE_DROPPING_UNUSED,
  edit: ({ doc, pageCount, name, onPage }, options) => {
    const ranges = parsePageRanges(options.order, pageCount, name);
    const total = countRangePages(ranges);
    if (total > MAX_PDF_PAGES) {
      throw new ToolInputError(`That order makes ${formatCount(total, "page")}; the most a file can have here is ${formatCount(MAX_PDF_PAGES, "page")}.`, {
        fileName: name,
      });
    }
    const order = ranges.flatMap(rangeIndexes);
    onPage(0);
    // mupdf rearranges the page tree and drops bookmarks and links to deleted pages.
    doc.rearrangePages(order);
    separateCopies(doc, onPage);
    const deleted = pageCount - new Set(order).size;
    const copies = order.length - new Set(order).size;
    return `New file has ${formatCount(order.length, "page")}${deleted ? `, ${deleted} deleted` : ""}${copies ? `, ${copies} copied` : ""}`;
  },
});

/**
 * mupdf lists a repeated page as the same object twice, so stamping or rotating one
 * copy later would change both. Each repeat becomes its own page object that shares
 * the original's content and resources (which are only read).
 */
function separateCopies(doc: mupdf.PDFDocument, onPage: (index: number) => void) {
  const kids = doc.getTrailer().get("Root", "Pages", "Kids");
  const seen = new Set<number>();
  for (let index = 0; index < kids.length; index += 1) {
    const ref = kids.get(index);
    if (!ref.isIndirect()) continue;
    onPage(index);
    if (!seen.has(ref.asIndirect())) {
      seen.add(ref.asIndirect());
      continue;
    }
    const copy = doc.newDictionary();
    ref.forEach((value, key) => {
      if (key !== "Annots") copy.put(key, value);
    });
    for (const key of INHERITED) {
      const inherited = ref.getInheritable(key);
      if (!inherited.isNull()) copy.put(key, inherited);
    }
    const annots = copyAnnotations(doc, ref.get("Annots"));
    if (annots.length > 0) copy.put("Annots", annots);
    kids.put(index, doc.addObject(copy));
  }
}

/**
 * Notes and links belong to one page (/P), so a copied page gets copies of them.
 * Popups stay with the original, and form fields too: a field lives once in the form.
 */
function copyAnnotations(doc: mupdf.PDFDocument, annots: mupdf.PDFObject): mupdf.PDFObject {
  const copies = doc.newArray();
  if (!annots.isArray()) return copies;
  annots.forEach((annot) => {
    const subtype = annot.get("Subtype");
    if (!annot.isDictionary() || (subtype.isName() && ["Popup", "Widget"].includes(subtype.asName()))) return;
    const copy = doc.newDictionary();
    annot.forEach((value, key) => {
      if (key !== "P" && key !== "Popup" && key !== "Parent") copy.put(key, value);
    });
    copies.push(doc.addObject(copy));
  });
  return copies;
}
