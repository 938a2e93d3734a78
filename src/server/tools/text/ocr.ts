import "server-only";
import { ToolInputError } from "../tool-error";
import { defineTool } from "../types";
import { ocrImages } from "./ocr-images";
import { MAX_OCR_PAGES, OCR_IMAGE_TYPES, ocrOptions } from "./ocr-options";
import { ocrPdf } from "./ocr-pdf";

export const ocrTool = defineTool({
  id: "text.ocr",
  title: "Recognise text (OCR)",
  description: "Read the text in scans and photos, and make them searchable PDFs. English.",
  category: "text",
  accepts: ["application/pdf", ...OCR_IMAGE_TYPES],
  minFiles: 1,
  maxFiles: 50,
  options: ocrOptions,
  limits: { maxInputBytes: 200_000_000, maxPages: MAX_OCR_PAGES, maxPixels: 100_000_000 },
  async run(ctx) {
    const pdfs = ctx.inputs.filter((input) => input.mimeType === "application/pdf");
    if (pdfs.length > 0 && ctx.inputs.length > 1) {
      throw new ToolInputError("OCR reads one PDF, or a set of images, at a time: run the PDF on its own.");
    }
    const [pdf] = pdfs;
    return pdf ? ocrPdf(pdf, ctx) : ocrImages(ctx);
  },
});
