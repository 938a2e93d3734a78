import "server-only";
import sharp from "sharp";
import { mupdf, withMupdfMessages } from "../pdf/mupdf-runtime";
import { OcrPageTimeoutError, toPgm, withOcrEngine } from "../text/ocr-engine";
import { ToolInputError } from "../tool-error";
import { type DocumentBytes, type DocumentPages, OCR_PAGE_TIMEOUT_MS, type ReadPagesOptions } from "./document-pages";

// Plain text has no pages of its own. mupdf lays it out into pages the same
// way every time, and the page preview renders it with mupdf too, so a
// citation "[notes.txt p. 3]" opens the page that holds the quote.
export function readTextPages(input: DocumentBytes): DocumentPages {
  const doc = withMupdfMessages(() => mupdf.Document.openDocument(input.bytes, "text/plain")).value;
  try {
    const pageCount = doc.countPages();
    const pages = [];
    for (let index = 0; index < pageCount; index += 1) {
      const page = doc.loadPage(index);
      const text = page.toStructuredText("preserve-whitespace");
      pages.push({ page: index + 1, text: text.asText().trim() });
      text.destroy();
      page.destroy();
    }
    return { pages: pages.filter((page) => page.text !== ""), pageCount, ocrPages: [], unreadPages: [] };
  } finally {
    doc.destroy();
  }
}

// Same cap as the OCR tool: more pixels read no better and cost tesseract's heap.
const MAX_OCR_PIXELS = 40_000_000;

/** A photo or scan is one page; its text comes from OCR, or it stays unread when OCR is off. */
export async function readImagePages(input: DocumentBytes, { ocr, progress, ocrPageTimeoutMs = OCR_PAGE_TIMEOUT_MS }: ReadPagesOptions): Promise<DocumentPages> {
  if (!ocr) return { pages: [], pageCount: 1, ocrPages: [], unreadPages: [1] };
  let pgm: Uint8Array;
  try {
    const { width = 0, height = 0 } = await sharp(input.bytes, { limitInputPixels: 100_000_000 }).metadata();
    let image = sharp(input.bytes, { limitInputPixels: 100_000_000 }).autoOrient().greyscale();
    if (width * height > MAX_OCR_PIXELS) {
      const side = Math.floor(Math.max(width, height) * Math.sqrt(MAX_OCR_PIXELS / (width * height)));
      image = image.resize({ width: side, height: side, fit: "inside" });
    }
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    pgm = toPgm(new Uint8Array(data), info.width, info.height);
  } catch (error) {
    throw new ToolInputError(`${input.name} is damaged or too large to read.`, { fileName: input.name, cause: error });
  }
  progress?.({ percent: 10, step: "Recognising the text in the image" });
  const text = await withOcrEngine((recognise) => recognise(pgm, 300), { pageTimeoutMs: ocrPageTimeoutMs }).then(
    (read) => read.text.trim(),
    (error: unknown) => {
      if (error instanceof OcrPageTimeoutError) return ""; // unread, like an image without text
      throw error;
    },
  );
  return text ? { pages: [{ page: 1, text }], pageCount: 1, ocrPages: [1], unreadPages: [] } : { pages: [], pageCount: 1, ocrPages: [], unreadPages: [1] };
}
