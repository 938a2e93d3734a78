import "server-only";
import { mupdf, takeBytes, withMupdfMessages } from "../pdf/mupdf-runtime";
import { openPdf } from "../pdf/open-pdf";
import { renderPage } from "../pdf/render-page";
import { selectPages } from "../pdf/render-page-selection";
import { formatCount, ToolInputError } from "../tool-error";
import type { ToolInputFile, ToolOutputFile } from "../types";
import { readPageText } from "./extract-page-text";
import { toPgm, withOcrEngine } from "./ocr-engine";
import { MAX_OCR_PAGES, type OcrRun } from "./ocr-options";
import { ocrOutputs } from "./ocr-output";
import { addTextLayer } from "./ocr-text-layer";

/** Each chosen page is drawn in grey at the chosen dpi, read, and given an invisible text layer in place. */
export async function ocrPdf(input: ToolInputFile, { options, progress, signal }: OcrRun): Promise<ToolOutputFile[]> {
  const { doc, pageCount } = openPdf(input.name, await input.read());
  try {
    const chosen = selectPages(options.pages, pageCount, input.name);
    if (chosen.length > MAX_OCR_PAGES) {
      throw new ToolInputError(`That is ${formatCount(chosen.length, "page")}; OCR reads at most ${formatCount(MAX_OCR_PAGES, "page")} at a time.`, { fileName: input.name });
    }
    const pages: { number: number; text: string }[] = [];
    let kept = 0;
    progress({ percent: 2, step: "Starting the text recogniser" });
    await withOcrEngine(async (recognise) => {
      for (const [position, index] of chosen.entries()) {
        signal.throwIfAborted();
        if (options.skipPagesWithText) {
          const existing = readPageText(doc, index, input.name, false);
          if (existing.plain !== "") {
            pages.push({ number: index + 1, text: existing.plain });
            kept += 1;
            continue;
          }
        }
        progress({ percent: 5 + (90 * position) / chosen.length, step: `Recognising page ${index + 1} of ${pageCount}` });
        const { pgm, toPage } = drawForOcr(doc, index, input.name, options.dpi);
        const result = await recognise(pgm, options.dpi);
        pages.push({ number: index + 1, text: result.text });
        if (options.output !== "txt" && result.words > 0) withMupdfMessages(() => addTextLayer(doc, index, result.textOnlyPdf, toPage));
      }
    });
    const read = pages.length - kept;
    progress({ percent: 97, step: `Recognised ${formatCount(read, "page")}${kept ? `; ${formatCount(kept, "page")} already had text` : ""}` });
    return ocrOutputs(input.name, options, pages, () => takeBytes(withMupdfMessages(() => doc.saveToBuffer("garbage,compress")).value));
  } finally {
    doc.destroy();
  }
}

/**
 * The page as grey pixels, and the map from tesseract's text page (points at
 * `dpi`, y up) back to the PDF page's own space: text page → pixels → mupdf's
 * page space (y down, rotation applied) → the page's user space.
 */
function drawForOcr(doc: mupdf.PDFDocument, index: number, fileName: string, dpi: number) {
  const pixmap = renderPage({ doc, index, fileName }, dpi, "gray");
  const page = doc.loadPage(index);
  try {
    const [left, top] = pixmap.getBounds();
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const pgm = toPgm(new Uint8Array(pixmap.getPixels()), width, height);
    const toUser = mupdf.Matrix.invert(page.getTransform());
    const toPage = (textWidth: number, textHeight: number): mupdf.Matrix => {
      const k = width / textWidth;
      const toPixels: mupdf.Matrix = [k, 0, 0, -k, 0, textHeight * k];
      let matrix = mupdf.Matrix.concat(toPixels, mupdf.Matrix.translate(left ?? 0, top ?? 0));
      matrix = mupdf.Matrix.concat(matrix, mupdf.Matrix.scale(72 / dpi, 72 / dpi));
      return mupdf.Matrix.concat(matrix, toUser);
    };
    return { pgm, toPage };
  } finally {
    page.destroy();
    pixmap.destroy();
  }
}
