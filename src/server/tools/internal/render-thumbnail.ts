import "server-only";
import sharp, { type Sharp } from "sharp";
import { MAX_IMAGE_PIXELS, openPixels, readImageHeader, renderImage } from "../image/open-image";
import { openPdf } from "../pdf/open-pdf";
import { pagePixelSize, renderPage } from "../pdf/render-page";
import { ToolInputError } from "../tool-error";

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 256;

// sharp writes no EXIF, ICC or XMP unless asked (withMetadata), so thumbnails
// carry none of the original's metadata — no GPS position leaks through them.
const toWebp = (image: Sharp) =>
  image.resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 70, effort: 2 });

/**
 * An image's first frame, upright, at most 256 px. The header is read first
 * with no pixel limit and checked against the tools' budget, so a pixel bomb
 * is refused before anything is decoded.
 */
export async function renderImageThumbnail(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const header = await readImageHeader(name, bytes);
  // The first frame only (animated: false): a preview needs no more. A HEIC was decoded with the header (sharp cannot).
  const source = header.decoded ? openPixels(bytes, header) : sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false }).autoOrient();
  const pipeline = toWebp(source);
  return (await renderImage(name, pipeline)).data;
}

/**
 * A PDF's first page drawn by mupdf at the resolution that makes it about
 * 256 px, so the raster stays tiny whatever size the page claims; renderPage
 * still checks the page's drawing cost and embedded images before it draws.
 */
export async function renderPdfThumbnail(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { doc } = openPdf(name, bytes);
  let raw: { pixels: Buffer; width: number; height: number };
  try {
    const page = doc.loadPage(0);
    const { width, height } = pagePixelSize(page, 72);
    page.destroy();
    if (width <= 0 || height <= 0) throw new ToolInputError(`The first page of ${name} is empty.`, { fileName: name });
    const dpi = (THUMBNAIL_SIZE * 72) / Math.max(width, height);
    const pixmap = renderPage({ doc, index: 0, fileName: name }, dpi, "rgb");
    try {
      // Copied out of the WASM heap: the view goes stale when the heap grows.
      raw = { pixels: Buffer.from(pixmap.getPixels()), width: pixmap.getWidth(), height: pixmap.getHeight() };
    } finally {
      pixmap.destroy();
    }
  } finally {
    doc.destroy();
  }
  const image = sharp(raw.pixels, { raw: { width: raw.width, height: raw.height, channels: 3 } });
  return new Uint8Array(await toWebp(image).toBuffer());
}
