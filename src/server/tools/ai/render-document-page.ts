import "server-only";
import sharp from "sharp";
import { mupdf, withMupdfMessages } from "../pdf/mupdf-runtime";
import { openPdf } from "../pdf/open-pdf";
import { pagePixelSize, renderPage } from "../pdf/render-page";
import { ToolInputError } from "../tool-error";
import type { DocumentBytes } from "./document-pages";

/** Sharp enough to read body text on screen, small enough to arrive at once (an A4 page is about 910 × 1290 px). */
export const PREVIEW_DPI = 110;
const MAX_IMAGE_SIDE = 1600;
/** A poster-sized page is drawn at a lower resolution, so no preview is more than this on its longest side. */
export const MAX_PAGE_PREVIEW_SIDE = 2400;

export class PageOutOfRangeError extends Error {
  constructor(readonly pageCount: number) {
    super(`This document has ${pageCount} page${pageCount === 1 ? "" : "s"}.`);
    this.name = "PageOutOfRangeError";
  }
}

/** The page lies past the prefix of a large text file that a preview lays out. */
export class PageBeyondPreviewError extends Error {
  constructor(readonly pagesShown: number) {
    super(`Only the first ${pagesShown.toLocaleString("en-US")} page${pagesShown === 1 ? "" : "s"} of this large text file can be shown here.`);
    this.name = "PageBeyondPreviewError";
  }
}

/** A text document's bytes, whole or only a prefix of the file (`truncated`). */
export type PageSource = DocumentBytes & { truncated?: boolean };

/** The pixmap as PNG bytes; the pixmap is freed. */
function toPng(pixmap: mupdf.Pixmap): Uint8Array {
  try {
    // Copied: the view points into mupdf's heap, which moves when it grows.
    return pixmap.asPNG().slice();
  } finally {
    pixmap.destroy();
  }
}

function pdfPage(input: DocumentBytes, page: number): Uint8Array {
  const { doc, pageCount } = openPdf(input.name, input.bytes);
  try {
    if (page > pageCount) throw new PageOutOfRangeError(pageCount);
    const loaded = doc.loadPage(page - 1);
    const { width, height } = pagePixelSize(loaded, 72);
    loaded.destroy();
    const dpi = Math.min(PREVIEW_DPI, (MAX_PAGE_PREVIEW_SIDE * 72) / Math.max(1, width, height));
    // The same guarded renderer as the PDF tools: a hostile page cannot exhaust memory here either.
    return toPng(renderPage({ doc, index: page - 1, fileName: input.name }, dpi, "rgb"));
  } finally {
    doc.destroy();
  }
}

/** Up to the last line break: a cut inside a line (or inside a UTF-8 character) would change how that line lays out. */
function wholeLines(bytes: Uint8Array): Uint8Array {
  const end = bytes.lastIndexOf(0x0a);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}

/**
 * Text laid out by mupdf, exactly as readTextPages numbered its pages. Lines
 * never flow back, so a prefix cut at a line break lays out its pages as the
 * whole file does, except the last one, which the cut may have shortened.
 */
function textPage(input: PageSource, page: number): Uint8Array {
  const bytes = input.truncated ? wholeLines(input.bytes) : input.bytes;
  const doc = withMupdfMessages(() => mupdf.Document.openDocument(bytes, "text/plain")).value;
  try {
    const pageCount = doc.countPages();
    if (input.truncated && page >= pageCount) throw new PageBeyondPreviewError(Math.max(0, pageCount - 1));
    if (page > pageCount) throw new PageOutOfRangeError(pageCount);
    const laidOut = doc.loadPage(page - 1);
    try {
      return toPng(laidOut.toPixmap(mupdf.Matrix.scale(PREVIEW_DPI / 72, PREVIEW_DPI / 72), mupdf.ColorSpace.DeviceRGB, false));
    } finally {
      laidOut.destroy();
    }
  } finally {
    doc.destroy();
  }
}

async function imagePage(input: DocumentBytes, page: number): Promise<Uint8Array> {
  if (page > 1) throw new PageOutOfRangeError(1);
  try {
    const png = await sharp(input.bytes, { limitInputPixels: 100_000_000 })
      .autoOrient()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer();
    return new Uint8Array(png);
  } catch (error) {
    throw new ToolInputError(`${input.name} is damaged or too large to show.`, { fileName: input.name, cause: error });
  }
}

/** Page `page` (1-based) of a PDF, text file or image as a PNG, for the citation preview. */
export async function renderDocumentPage(input: PageSource, page: number): Promise<Uint8Array> {
  if (input.mimeType === "application/pdf") return pdfPage(input, page);
  if (input.mimeType === "text/plain") return textPage(input, page);
  if (input.mimeType.startsWith("image/")) return imagePage(input, page);
  throw new ToolInputError(`${input.name} has no pages to show.`, { fileName: input.name });
}
