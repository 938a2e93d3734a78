import "server-only";
import sharp from "sharp";
import { mupdf, takeBytes, withMupdfMessages } from "../pdf/mupdf-runtime";
import { addImagePage, prepareImage } from "../pdf/from-images";
import { formatCount, ToolInputError } from "../tool-error";
import type { ToolOutputFile } from "../types";
import { toPgm, withOcrEngine } from "./ocr-engine";
import type { OcrRun } from "./ocr-options";
import { ocrOutputs } from "./ocr-output";
import { addTextLayer } from "./ocr-text-layer";

// Tesseract's own heap holds several copies of a page; 40 MP (a 600-dpi A4 scan)
// reads as well as anything larger, so bigger photos are shrunk to it first.
const MAX_OCR_PIXELS = 40_000_000;
const DEFAULT_DPI = 300;

/** Each image becomes one page of the searchable PDF (kept as it is, like pdf.from-images) with its text laid over it. */
export async function ocrImages({ inputs, options, progress, signal }: OcrRun): Promise<ToolOutputFile[]> {
  const doc = new mupdf.PDFDocument();
  try {
    const pages: { number: number; text: string }[] = [];
    progress({ percent: 2, step: "Starting the text recogniser" });
    await withOcrEngine(async (recognise) => {
      for (const [index, input] of inputs.entries()) {
        signal.throwIfAborted();
        progress({ percent: 5 + (90 * index) / inputs.length, step: `Recognising page ${index + 1} of ${inputs.length}` });
        const bytes = await input.read();
        const prepared = await prepareImage(input.name, bytes);
        const gray = await grayPixels(input.name, bytes);
        const result = await recognise(gray.pgm, prepared.dpi ?? DEFAULT_DPI);
        pages.push({ number: index + 1, text: result.text });
        if (options.output === "txt") continue;
        addImagePage(doc, input.name, prepared, { size: "fit", marginMm: 0 });
        const box = doc.findPage(index).get("MediaBox");
        const [width, height] = [box.get(2).asNumber(), box.get(3).asNumber()];
        // The image fills its page exactly, so the text page only needs stretching onto it.
        if (result.words > 0) withMupdfMessages(() => addTextLayer(doc, index, result.textOnlyPdf, (w, h) => [width / w, 0, 0, height / h, 0, 0]));
      }
    });
    progress({ percent: 97, step: `Recognised ${formatCount(inputs.length, "image")}` });
    const base = inputs.length === 1 ? (inputs[0]?.name ?? "scan") : "scans";
    return ocrOutputs(base, options, pages, () => takeBytes(withMupdfMessages(() => doc.saveToBuffer("compress")).value));
  } finally {
    doc.destroy();
  }
}

/** Upright grey pixels as tesseract should see them (prepareImage has already refused pixel bombs). */
async function grayPixels(name: string, bytes: Uint8Array) {
  try {
    let image = sharp(bytes, { limitInputPixels: 100_000_000 }).autoOrient().greyscale();
    const { width = 0, height = 0 } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (width * height > MAX_OCR_PIXELS) {
      // "inside" a square on the longer side: right whether or not autoOrient turned the image.
      const side = Math.floor(Math.max(width, height) * Math.sqrt(MAX_OCR_PIXELS / (width * height)));
      image = image.resize({ width: side, height: side, fit: "inside" });
    }
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    return { pgm: toPgm(new Uint8Array(data), info.width, info.height) };
  } catch (error) {
    throw new ToolInputError(`${name} is damaged and could not be read.`, { fileName: name, cause: error });
  }
}
