import "server-only";
import sharp from "sharp";
import { z } from "zod";
import { outputName } from "@/shared/output-names";
import { formatCount, ToolInputError } from "../tool-error";
import { defineTool, type ToolOutputFile } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { mupdf } from "./mupdf-runtime";
import { openPdf } from "./open-pdf";
import { DPI_MAX, DPI_MIN } from "./render-limits";
import { pagePixelSize, renderPage } from "./render-page";
import { pageSelectionOption, selectPages } from "./render-page-selection";
import { appliesWhen } from "../parse-tool-options";

// All images of a run are held in memory until they are zipped: 1,000 megapixels
// is 500 Letter pages at 150 dpi, a few hundred MB of PNG.
const MAX_TOTAL_PIXELS = 1_000_000_000;
const MAX_PAGES = 2_000;

const toImagesOptions = z.object({
  format: z.enum(["png", "jpeg"]).default("png").describe("PNG keeps text sharp; JPEG makes smaller files for photos and scans."),
  dpi: z.number().int().min(DPI_MIN).max(DPI_MAX).default(150).describe("Resolution in dots per inch: 72 for screens, 150 for most uses, 300 for printing."),
  quality: appliesWhen(z.number().int().min(1).max(100).default(85).describe("JPEG quality from 1 to 100."), { format: ["jpeg"] }),
  pages: pageSelectionOption,
});

export const pdfToImagesTool = defineTool({
  id: "pdf.to-images",
  title: "PDF to images",
  description: "Turn each page of a PDF into a PNG or JPEG image.",
  category: "pdf",
  accepts: ["application/pdf"],
  minFiles: 1,
  maxFiles: 1,
  options: toImagesOptions,
  limits: { maxInputBytes: 200_000_000, maxPages: MAX_PAGES },
  async run({ inputs, options, progress, signal }) {
    const [input] = inputs;
    if (!input) throw new ToolInputError("PDF to images needs a PDF.");
    const { doc, pageCount } = openPdf(input.name, await input.read());
    try {
      const pages = selectPages(options.pages, pageCount, input.name);
      checkBudget(doc, pages, options.dpi, input.name);
      const extension = options.format === "png" ? "png" : "jpg";
      const digits = String(pageCount).length;
      const outputs: ToolOutputFile[] = [];
      for (const [position, index] of pages.entries()) {
        signal.throwIfAborted();
        progress({ percent: (95 * position) / pages.length, step: `Rendering page ${index + 1} of ${pageCount}` });
        const data = await encode(renderPage({ doc, index, fileName: input.name }, options.dpi, "rgb"), options);
        const name = outputName(input.name, `page-${String(index + 1).padStart(digits, "0")}`, extension);
        outputs.push({ name, mimeType: options.format === "png" ? "image/png" : "image/jpeg", data });
      }
      progress({ percent: 98, step: pages.length === 1 ? "Saving the image" : `Zipping ${formatCount(pages.length, "image")}` });
      return zipOutputsIfMany(outputs, outputName(input.name, "images", "zip"));
    } finally {
      doc.destroy();
    }
  },
});

/** Refuses the whole run up front rather than after rendering half of it. */
function checkBudget(doc: mupdf.PDFDocument, pages: number[], dpi: number, fileName: string): void {
  if (pages.length > MAX_PAGES) {
    throw new ToolInputError(`That is ${formatCount(pages.length, "page")}; turn at most ${formatCount(MAX_PAGES, "page")} into images at a time.`, { fileName });
  }
  let total = 0;
  for (const index of pages) {
    const page = doc.loadPage(index);
    const { width, height } = pagePixelSize(page, dpi);
    page.destroy();
    total += width * height;
  }
  if (total > MAX_TOTAL_PIXELS) {
    throw new ToolInputError(
      `At ${dpi} dpi these ${formatCount(pages.length, "page")} would make ${(total / 1e9).toFixed(1)} gigapixels of images; the limit is ${MAX_TOTAL_PIXELS / 1e9}. Choose fewer pages or a lower resolution.`,
      { fileName },
    );
  }
}

/** sharp's libpng/libjpeg-turbo encode several times faster than mupdf's WASM encoders. */
async function encode(pixmap: mupdf.Pixmap, options: z.output<typeof toImagesOptions>): Promise<Uint8Array> {
  try {
    const raw = { width: pixmap.getWidth(), height: pixmap.getHeight(), channels: 3 as const };
    // Copied out of the WASM heap: the view goes stale when the heap grows.
    const image = sharp(Buffer.from(pixmap.getPixels()), { raw }).withMetadata({ density: options.dpi });
    const encoded = options.format === "png" ? image.png({ compressionLevel: 6, adaptiveFiltering: false }) : image.jpeg({ quality: options.quality });
    return new Uint8Array(await encoded.toBuffer());
  } finally {
    pixmap.destroy();
  }
}
