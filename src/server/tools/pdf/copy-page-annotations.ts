import "server-only";
import type { mupdf } from "./mupdf-runtime";

// mupdf's graftPage copies a page's content and resources but not its /Annots,
// so highlights, notes and links would vanish from a merged file. This follows
// PyMuPDF's insert_pdf: markup annotations are grafted without the keys that
// point back into the source document, and links are re-created from their
// resolved targets. Form fields are baked into page content beforehand (see merge.ts).
const SKIPPED_SUBTYPES = new Set(["Link", "Popup", "Widget"]);
// /P names the source page and /Popup a skipped annotation: grafting them would
// drag the source page tree into the output.
const SOURCE_KEYS = ["P", "Popup"];

type Placement = {
  source: mupdf.PDFDocument;
  sourceIndex: number;
  target: mupdf.PDFDocument;
  targetIndex: number;
  /** Where the source's first page landed in the target, to re-aim internal links. */
  pageOffset: number;
  map: mupdf.PDFGraftMap;
};

export function copyPageAnnotations({ source, sourceIndex, target, targetIndex, pageOffset, map }: Placement): void {
  const annots = source.findPage(sourceIndex).get("Annots");
  if (!annots.isArray() || annots.length === 0) return;

  const kept = target.newArray();
  let hasLinks = false;
  annots.forEach((annot) => {
    const subtype = annot.get("Subtype");
    const name = subtype.isName() ? subtype.asName() : "";
    if (name === "Link") hasLinks = true;
    if (!annot.isDictionary() || SKIPPED_SUBTYPES.has(name)) return;
    for (const key of SOURCE_KEYS) annot.delete(key);
    kept.push(map.graftObject(annot));
  });
  if (kept.length > 0) target.findPage(targetIndex).put("Annots", kept);
  if (hasLinks) copyLinks(source, sourceIndex, target, targetIndex, pageOffset);
}

function copyLinks(source: mupdf.PDFDocument, sourceIndex: number, target: mupdf.PDFDocument, targetIndex: number, pageOffset: number) {
  const from = source.loadPage(sourceIndex);
  const to = target.loadPage(targetIndex);
  try {
    for (const link of from.getLinks()) {
      if (link.isExternal()) {
        to.createLink(link.getBounds(), link.getURI());
        continue;
      }
      // An internal link points at a page of its own file; that page now sits pageOffset further on.
      const destination = source.resolveLinkDestination(link);
      if (destination.page < 0) continue;
      to.createLink(link.getBounds(), target.formatLinkURI({ ...destination, page: pageOffset + destination.page }));
    }
  } finally {
    from.destroy();
    to.destroy();
  }
}
