import "server-only";
import sharp from "sharp";
import { mupdf, withMupdfMessages } from "../pdf/mupdf-runtime";
import { openPdf } from "../pdf/open-pdf";
import { renderPage } from "../pdf/render-page";
import { ToolInputError } from "../tool-error";
import type { DocumentBytes } from "./document-pages";

/** Sharp enough to read body text on screen, small enough to arrive at once (an A4 page is about 910 × 1290 px). */
export const PREVIEW_DPI = 110;
const MAX_IMAGE_SIDE = 1600;

export class PageOutOfRangeError extends Error {
  constructor(readonly pageCount: number) {
    super(`This document has ${pageCount} page${pageCount === 1 ? "" : "s"}.`);
    this.name = "PageOutOfRangeError";
  }
}

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
    // The same guarded renderer as the PDF tools: a hostile page cannot exhaust memory here either.
    return toPng(renderPage({ doc, index: page - 1, fileName: input.name }, PREVIEW_DPI, "rgb"));
  } finally {
    doc.destroy();
  }
}

/** Text laid out by mupdf, exactly as readTextPages numbered its pages. */
function textPage(input: DocumentBytes, page: number): Uint8Array {
  const doc = withMupdfMessages(() => mupdf.Document.openDocument(input.bytes, "text/plain")).value;
  try {
    const pageCount = doc.countPages();
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
export async function renderDocumentPage(input: DocumentBytes, page: number): Promise<Uint8Array> {
  if (input.mimeType === "application/pdf") return pdfPage(input, page);
  if (input.mimeType === "text/plain") return textPage(input, page);
  if (input.mimeType.startsWith("image/")) return imagePage(input, page);
  throw new ToolInputError(`${input.name} has no pages to show.`, { fileName: input.name });
}
