import "server-only";
import type { Sharp } from "sharp";
import { nameExtension, outputName, withExtension } from "@/shared/output-names";
import type { ImageHeader } from "./open-image";

export const OUTPUT_FORMATS = {
  jpeg: { mimeType: "image/jpeg", extension: "jpg", label: "JPEG" },
  png: { mimeType: "image/png", extension: "png", label: "PNG" },
  webp: { mimeType: "image/webp", extension: "webp", label: "WebP" },
  avif: { mimeType: "image/avif", extension: "avif", label: "AVIF" },
  gif: { mimeType: "image/gif", extension: "gif", label: "GIF" },
  tiff: { mimeType: "image/tiff", extension: "tiff", label: "TIFF" },
} as const;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** What "keep the format" means for each decoder: AVIF is read by the HEIF decoder; HEIC cannot be written here, so it becomes JPEG. */
export function keptFormat(header: ImageHeader): OutputFormat {
  if (header.format === "heic") return "jpeg";
  return header.format === "heif" ? "avif" : header.format;
}

/** "Keep" or a format the person picked. */
export function chosenFormat(header: ImageHeader, choice: "keep" | "jpeg" | "png" | "webp" | "avif"): OutputFormat {
  return choice === "keep" ? keptFormat(header) : choice;
}

export type EncodeSettings = { quality: number; background?: string };

/**
 * Sets the encoder. JPEG has no transparency, so transparent areas become the
 * background (white unless given) instead of sharp's black. TIFF is written
 * losslessly (sharp's default TIFF compression is JPEG).
 */
export function encodeAs(pipeline: Sharp, format: OutputFormat, settings: EncodeSettings): Sharp {
  const { quality } = settings;
  switch (format) {
    case "jpeg":
      return pipeline.flatten({ background: settings.background ?? "#ffffff" }).jpeg({ quality });
    case "png":
      return pipeline.png();
    case "webp":
      return pipeline.webp({ quality });
    case "avif":
      return pipeline.avif({ quality });
    case "gif":
      return pipeline.gif();
    case "tiff":
      return pipeline.tiff({ compression: "lzw", predictor: "horizontal" });
  }
}

/**
 * "photo.png" resized → "photo-resized.png": the input's stem, what the tool
 * did, and the input's own extension while the format stays (so "IMG_0042.JPEG"
 * keeps "jpeg"), else the new format's. Without a suffix (convert: the new
 * extension says what was done) only the extension changes, if anything.
 */
export function imageOutputName(inputName: string, suffix: string | null, header: ImageHeader, format: OutputFormat): string {
  const sameFormat = header.format !== "heic" && format === keptFormat(header);
  const extension = (sameFormat && nameExtension(inputName)) || OUTPUT_FORMATS[format].extension;
  if (suffix) return outputName(inputName, suffix, extension);
  return sameFormat ? inputName : withExtension(inputName, extension);
}
