import "server-only";
import { z } from "zod";
import { pageSelectionOption } from "../pdf/render-page-selection";
import type { ToolInputFile, ToolProgress } from "../types";

export const ocrOptions = z.object({
  output: z.enum(["both", "pdf", "txt"]).default("both").describe("A searchable PDF (the pages as they were, with text you can select and search), a .txt file, or both in a zip."),
  dpi: z.number().int().min(150).max(400).default(300).describe("Resolution scanned PDF pages are read at: 300 suits most scans, 400 helps with small print."),
  pages: pageSelectionOption,
  skipPagesWithText: z.boolean().default(true).describe("Keep the text of PDF pages that already have it instead of reading them again."),
});
export type OcrOptions = z.output<typeof ocrOptions>;
export type OcrRun = { inputs: readonly ToolInputFile[]; options: OcrOptions; progress: ToolProgress; signal: AbortSignal };

export const OCR_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/tiff", "image/gif", "image/avif"];
// Recognition takes 2–6 s a page on one core: 500 pages is most of an hour.
export const MAX_OCR_PAGES = 500;
