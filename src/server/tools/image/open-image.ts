import "server-only";
import sharp from "sharp";
import type { Metadata, OutputInfo, Sharp } from "sharp";
import { ToolInputError } from "../tool-error";
import { decodeHeic, type DecodedHeic } from "./decode-heic";

/** Per image, counting every frame of an animation: about 400 MB of pixels once decoded. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** HEIF as phones and cameras write it, stills and sequences (the primary picture is used). */
export const HEIC_INPUT_TYPES = ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"];
// What sharp's prebuilt libvips decodes, plus HEIC: its libheif carries only the
// AV1 (AVIF) decoder, so HEVC-coded files are decoded with libheif in WASM.
export const IMAGE_INPUT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", ...HEIC_INPUT_TYPES, "image/gif", "image/tiff"];
const DECODERS = new Set(["jpeg", "png", "webp", "heif", "gif", "tiff"]);
// TIFF pages are separate pictures, not frames; only these formats animate.
const ANIMATED_FORMATS = new Set(["gif", "webp"]);

export type ImageHeader = {
  /** "heif" is AV1-coded (AVIF), which sharp decodes; "heic" is HEVC-coded, decoded with libheif. */
  format: "jpeg" | "png" | "webp" | "heif" | "heic" | "gif" | "tiff";
  /** Upright size, as a person sees the picture (EXIF orientation applied), of one frame. */
  width: number;
  height: number;
  /** Frames of an animation; 1 for a still image. */
  frames: number;
  metadata: Metadata;
  /** A HEIC's pixels, upright: decoded once the header passed the budget, since sharp cannot. */
  decoded?: DecodedHeic;
};

/** "6,000×4,000": sizes in messages read like the ones a person sees in a viewer. */
export function formatPixels(width: number, height: number): string {
  return `${width.toLocaleString("en-US")}×${height.toLocaleString("en-US")}`;
}

function isDecoder(format: string): format is Exclude<ImageHeader["format"], "heic"> {
  return DECODERS.has(format);
}

/**
 * Reads only the header, with no pixel limit, so a pixel bomb gets a message that
 * says what is wrong with it instead of sharp's generic limit error — and costs
 * nothing, because nothing is decoded.
 */
export async function readImageHeader(name: string, bytes: Uint8Array): Promise<ImageHeader> {
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw new ToolInputError(`${name} is damaged or is not an image this tool can read.`, { fileName: name, cause: error });
    });
  const format = metadata.format;
  if (!isDecoder(format)) {
    throw new ToolInputError(`${name} is a ${format.toUpperCase()} image, which this tool cannot open.`, { fileName: name });
  }
  const pages = metadata.pages ?? 1;
  if (format === "tiff" && pages > 1) {
    // Handling only the first page would quietly lose the rest of a scanned document.
    throw new ToolInputError(`${name} is a TIFF with ${pages.toLocaleString("en-US")} pages; this tool works on single pictures. Split it into separate images first.`, { fileName: name });
  }
  const frames = ANIMATED_FORMATS.has(format) ? Math.max(1, pages) : 1;
  // metadata.height is one frame's height for animations; the budget counts them all.
  if (metadata.width * metadata.height * frames > MAX_IMAGE_PIXELS) {
    const frameNote = frames > 1 ? ` in each of ${frames.toLocaleString("en-US")} frames` : "";
    throw new ToolInputError(
      `${name} is ${formatPixels(metadata.width, metadata.height)} pixels${frameNote}; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`,
      { fileName: name },
    );
  }
  if (format === "heif" && metadata.compression !== "av1") {
    // The declared size passed the budget above; only now is anything decoded.
    const decoded = await decodeHeic(name, bytes);
    if (decoded.width * decoded.height > MAX_IMAGE_PIXELS) {
      throw new ToolInputError(`${name} is ${formatPixels(decoded.width, decoded.height)} pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`, { fileName: name });
    }
    return { format: "heic", width: decoded.width, height: decoded.height, frames: 1, metadata: { ...metadata, orientation: undefined }, decoded };
  }
  const { width, height } = metadata.autoOrient;
  return { format, width, height, frames, metadata };
}

/**
 * The decoding pipeline, upright, with every frame of an animation; nothing is
 * decoded until it is written. `asStored` skips the turn upright, for a caller that
 * folds the orientation into its own turn.
 */
export function openPixels(bytes: Uint8Array, header: ImageHeader, options: { asStored?: boolean } = {}): Sharp {
  if (header.decoded) {
    const { data, width, height, channels } = header.decoded;
    return sharp(data, { raw: { width, height, channels } });
  }
  const pipeline = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: header.frames > 1 });
  return options.asStored ? pipeline : pipeline.autoOrient();
}

/**
 * A result derived from the settings (enlarging, rotating by an odd angle) must
 * stay inside the same budget as an input, or a tiny file could ask for gigabytes.
 */
export function checkOutputPixels(name: string, width: number, height: number, frames: number, outcome: string): void {
  if (width * height * frames <= MAX_IMAGE_PIXELS) return;
  throw new ToolInputError(
    `${outcome} ${name} would make it ${formatPixels(width, height)} pixels${frames > 1 ? " per frame" : ""}; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels. Choose a smaller size.`,
    { fileName: name },
  );
}

/** Runs the pipeline; decoding the same bytes fails the same way every time, so a failure is the file's fault. */
export async function renderImage(name: string, pipeline: Sharp): Promise<{ data: Uint8Array; info: OutputInfo }> {
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info };
  } catch (error) {
    throw new ToolInputError(`${name} is damaged and could not be read to the end.`, { fileName: name, cause: error });
  }
}
