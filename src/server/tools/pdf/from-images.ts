import "server-only";
import sharp from "sharp";
import { z } from "zod";
import { withExtension } from "@/shared/output-names";
import { formatCount, ToolInputError } from "../tool-error";
import { decodeHeic } from "../image/decode-heic";
import { HEIC_INPUT_TYPES } from "../image/open-image";
import { defineTool } from "../types";
import { mupdf, takeBytes, withMupdfMessages } from "./mupdf-runtime";
import { placeImage, type PageSize } from "./render-image-placement";

const MAX_PIXELS = 100_000_000;
// Formats sharp decodes, plus HEIC (libheif in WASM). JPEG goes into the PDF byte for byte and
// PNG pixels losslessly (mupdf re-deflates them); the others are converted first. Each page
// of a multi-page TIFF (a scan, a fax) becomes a page.
const ACCEPTS = ["image/jpeg", "image/png", "image/webp", "image/avif", ...HEIC_INPUT_TYPES, "image/gif", "image/tiff"];
// A TIFF's pages are counted against this before any is decoded.
const MAX_TIFF_PAGES = 1000;

const fromImagesOptions = z.object({
  pageSize: z
    .enum(["fit", "a4", "letter"])
    .default("fit")
    .describe('"fit" makes each page the size of its image; A4 and Letter put each image on a page of that size, turned to suit it.'),
  margin: z.number().min(0).max(50).default(10).describe("Space around each image on A4 and Letter pages, in millimetres."),
});

export const imagesToPdfTool = defineTool({
  id: "pdf.from-images",
  title: "Images to PDF",
  description: "Put images into one PDF, one image per page, in the order you choose.",
  category: "pdf",
  accepts: ACCEPTS,
  minFiles: 1,
  maxFiles: 200,
  options: fromImagesOptions,
  limits: { maxInputBytes: 200_000_000, maxPixels: MAX_PIXELS },
  async run({ inputs, options, progress, signal }) {
    const doc = new mupdf.PDFDocument();
    try {
      for (const [index, input] of inputs.entries()) {
        signal.throwIfAborted();
        progress({ percent: (90 * index) / inputs.length, step: `Adding image ${index + 1} of ${inputs.length}` });
        for (const prepared of await prepareImagePages(input.name, await input.read())) {
          signal.throwIfAborted();
          addImagePage(doc, input.name, prepared, { size: options.pageSize, marginMm: options.margin });
        }
      }
      progress({ percent: 95, step: `Saving ${formatCount(doc.countPages(), "page")}` });
      const data = takeBytes(withMupdfMessages(() => doc.saveToBuffer("compress")).value);
      const first = inputs[0]?.name;
      return [{ name: inputs.length === 1 && first ? withExtension(first, "pdf") : "images.pdf", mimeType: "application/pdf", data }];
    } finally {
      doc.destroy();
    }
  },
});

export type Prepared = { bytes: Uint8Array; width: number; height: number; orientation: number; dpi: number | undefined };

/** One page per picture: every page of a multi-page TIFF, one for any other image. */
export async function prepareImagePages(name: string, bytes: Uint8Array): Promise<Prepared[]> {
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw new ToolInputError(`${name} is damaged or is not an image this tool can read.`, { fileName: name, cause: error });
    });
  const pages = metadata.format === "tiff" ? (metadata.pages ?? 1) : 1;
  if (pages === 1) return [await prepareImage(name, bytes)];
  if (pages > MAX_TIFF_PAGES) {
    throw new ToolInputError(`${name} has ${pages.toLocaleString("en-US")} pages; the limit is ${MAX_TIFF_PAGES.toLocaleString("en-US")} per TIFF.`, { fileName: name });
  }
  const prepared: Prepared[] = [];
  for (let page = 0; page < pages; page += 1) prepared.push(await prepareTiffPage(name, bytes, page));
  return prepared;
}

/** One page of a TIFF, checked against the budget from its own header, then converted losslessly. */
async function prepareTiffPage(name: string, bytes: Uint8Array, page: number): Promise<Prepared> {
  const label = `Page ${page + 1} of ${name}`;
  try {
    const { width, height, density } = await sharp(bytes, { page, limitInputPixels: false }).metadata();
    if (width * height > MAX_PIXELS) {
      throw new ToolInputError(`${label} is ${width.toLocaleString("en-US")}×${height.toLocaleString("en-US")} pixels; the limit is ${MAX_PIXELS / 1_000_000} megapixels.`, { fileName: name });
    }
    const image = sharp(bytes, { page, limitInputPixels: MAX_PIXELS }).autoOrient().toColorspace("srgb").png();
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    const dpi = density && density >= 30 && density <= 2400 ? density : undefined;
    return { bytes: new Uint8Array(data), width: info.width, height: info.height, orientation: 1, dpi };
  } catch (error) {
    if (error instanceof ToolInputError) throw error;
    throw new ToolInputError(`${label} is damaged and could not be added.`, { fileName: name, cause: error });
  }
}

/** JPEG and 8-bit PNG go to mupdf as they are; other formats become PNG (transparency, few colours) or JPEG. */
export async function prepareImage(name: string, bytes: Uint8Array): Promise<Prepared> {
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw new ToolInputError(`${name} is damaged or is not an image this tool can read.`, { fileName: name, cause: error });
    });
  const { width, height, format } = metadata;
  if (width * height > MAX_PIXELS) {
    throw new ToolInputError(`${name} is ${width.toLocaleString("en-US")}×${height.toLocaleString("en-US")} pixels; the limit is ${MAX_PIXELS / 1_000_000} megapixels.`, { fileName: name });
  }
  const dpi = metadata.density && metadata.density >= 30 && metadata.density <= 2400 ? metadata.density : undefined;
  if (format === "heif" && metadata.compression !== "av1") {
    // HEIC: decoded upright by libheif (sharp has no HEVC decoder), then a high-quality JPEG like other photos.
    const decoded = await decodeHeic(name, bytes);
    const raw = sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } });
    const converted = await raw.removeAlpha().jpeg({ quality: 92 }).toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(converted.data), width: converted.info.width, height: converted.info.height, orientation: 1, dpi };
  }
  // CMYK and 16-bit files are converted too: PDF viewers disagree about CMYK JPEGs.
  const plain = metadata.space === "srgb" || metadata.space === "b-w";
  try {
    if ((format === "jpeg" || (format === "png" && metadata.depth === "uchar")) && plain) {
      // A cut-short file would otherwise reach the PDF as a half-grey page; a small decode
      // finds out (libjpeg decodes at 1/8 size for this, so it costs little).
      await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "truncated" }).resize(64, 64, { fit: "inside" }).toBuffer();
      return { bytes, width, height, orientation: metadata.orientation ?? 1, dpi };
    }
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).autoOrient().toColorspace("srgb");
    const lossless = metadata.hasAlpha || format === "gif" || format === "png" || format === "tiff";
    const converted = await (lossless ? image.png() : image.jpeg({ quality: 92 })).toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(converted.data), width: converted.info.width, height: converted.info.height, orientation: 1, dpi };
  } catch (error) {
    throw new ToolInputError(`${name} is damaged and could not be added.`, { fileName: name, cause: error });
  }
}

export function addImagePage(doc: mupdf.PDFDocument, name: string, prepared: Prepared, page: { size: PageSize; marginMm: number }): void {
  try {
    withMupdfMessages(() => {
      const image = new mupdf.Image(prepared.bytes);
      try {
        const { mediabox, matrix } = placeImage(prepared, page);
        const resources = doc.addObject({ XObject: { Im0: doc.addImage(image) } });
        doc.insertPage(-1, doc.addPage(mediabox, 0, resources, `q ${matrix.map(formatNumber).join(" ")} cm /Im0 Do Q`));
      } finally {
        image.destroy();
      }
    });
  } catch (error) {
    throw new ToolInputError(`${name} is damaged and could not be added.`, { fileName: name, cause: error });
  }
}

const formatNumber = (value: number) => (Math.round(value * 1000) / 1000).toString();
