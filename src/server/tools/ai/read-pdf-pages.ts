import "server-only";
import { openPdf } from "../pdf/open-pdf";
import { renderPage } from "../pdf/render-page";
import { readPageText } from "../text/extract-page-text";
import { OcrPageTimeoutError, toPgm, withOcrEngine } from "../text/ocr-engine";
import { MAX_OCR_PAGES } from "../text/ocr-options";
import { type DocumentBytes, type DocumentPages, OCR_PAGE_TIMEOUT_MS, type ReadPagesOptions } from "./document-pages";

// 300 dpi is what the OCR tool reads scans at by default: small print still reads.
const OCR_DPI = 300;

/**
 * Every page's text layer; pages without one (scans) are read by OCR when
 * `ocr` is on, up to the OCR tool's page cap. Pages that stay empty are listed
 * in `unreadPages` so the caller can say so instead of pretending they were read.
 */
export async function readPdfPages(input: DocumentBytes, { ocr, progress, signal, ocrPageTimeoutMs = OCR_PAGE_TIMEOUT_MS }: ReadPagesOptions): Promise<DocumentPages> {
  const { doc, pageCount } = openPdf(input.name, input.bytes);
  try {
    const texts: string[] = [];
    const scans: number[] = [];
    for (let index = 0; index < pageCount; index += 1) {
      signal?.throwIfAborted();
      if (index % 10 === 0) progress?.({ percent: (30 * index) / pageCount, step: `Reading page ${index + 1} of ${pageCount}` });
      // Without fonts: the layout is not needed, only the text and whether an empty page shows an image.
      const page = readPageText(doc, index, input.name, false);
      texts.push(page.plain);
      if (page.plain === "" && page.hasImages) scans.push(index);
    }
    const toRead = ocr ? scans.slice(0, MAX_OCR_PAGES) : [];
    if (toRead.length > 0) {
      progress?.({ percent: 30, step: "Starting the text recogniser" });
      await withOcrEngine(async (recognise) => {
        for (const [position, index] of toRead.entries()) {
          signal?.throwIfAborted();
          progress?.({ percent: 30 + (70 * position) / toRead.length, step: `Recognising page ${index + 1} of ${pageCount}` });
          const pixmap = renderPage({ doc, index, fileName: input.name }, OCR_DPI, "gray");
          try {
            const pgm = toPgm(new Uint8Array(pixmap.getPixels()), pixmap.getWidth(), pixmap.getHeight());
            texts[index] = (await recognise(pgm, OCR_DPI)).text;
          } catch (error) {
            // Left unread (and listed as such); the other pages go on.
            if (!(error instanceof OcrPageTimeoutError)) throw error;
          } finally {
            pixmap.destroy();
          }
        }
      }, { pageTimeoutMs: ocrPageTimeoutMs });
    }
    const pages = texts.map((text, index) => ({ page: index + 1, text: text.trim() }));
    return {
      pages: pages.filter((page) => page.text !== ""),
      pageCount,
      ocrPages: toRead.map((index) => index + 1).filter((page) => texts[page - 1]?.trim()),
      unreadPages: pages.filter((page) => page.text === "").map((page) => page.page),
    };
  } finally {
    doc.destroy();
  }
}
