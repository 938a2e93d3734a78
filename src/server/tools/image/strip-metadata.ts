import "server-only";
import sharp from "sharp";
import type { Sharp } from "sharp";
import { z } from "zod";
import { formatBytes } from "@/shared/format-bytes";
import { ToolInputError } from "../tool-error";
import { defineImageTool } from "./define-image-tool";
import { outputName } from "@/shared/output-names";
import { imageOutputName, keptFormat, OUTPUT_FORMATS, type OutputFormat } from "./image-formats";
import { openPixels, renderImage, type ImageHeader } from "./open-image";
import { stripGif } from "./strip-gif";
import { stripJpeg } from "./strip-jpeg";
import { stripPng } from "./strip-png";
import { stripWebp } from "./strip-webp";

const stripOptions = z.object({
  keepColorProfile: z
    .boolean()
    .default(true)
    .describe(
      "Keep the colour profile, which makes colours show as intended and says nothing about you. Turn off to remove it as well; photos taken in a wide colour space may then look duller.",
    ),
});

// Formats whose metadata sits in blocks of its own, so it can go without touching the pixels.
const LOSSLESS: Partial<Record<OutputFormat, (bytes: Uint8Array, keepIcc: boolean) => Uint8Array | null>> = {
  jpeg: stripJpeg,
  png: stripPng,
  webp: stripWebp,
  gif: (bytes) => stripGif(bytes),
};

/** Re-saving, for a photo that must be turned upright or a format without separable metadata: high quality, as the original's. */
function reencode(bytes: Uint8Array, header: ImageHeader, keepIcc: boolean): Sharp {
  const pipeline = openPixels(bytes, header);
  if (keepIcc) pipeline.keepIccProfile();
  switch (keptFormat(header)) {
    case "jpeg":
      return pipeline.jpeg({ quality: 95, chromaSubsampling: header.metadata.chromaSubsampling === "4:4:4" ? "4:4:4" : "4:2:0" });
    case "png":
      return pipeline.png();
    case "webp":
      return pipeline.webp({ quality: 95 });
    case "avif":
      return pipeline.avif({ quality: 90 });
    case "gif":
      return pipeline.gif();
    case "tiff":
      return pipeline.tiff({ compression: "lzw", predictor: "horizontal" });
  }
}

/** A last look at the result as any viewer would read it: a leftover here is a bug, never the file's fault. */
async function assertClean(data: Uint8Array, keepIcc: boolean): Promise<void> {
  const found = await sharp(data).metadata();
  const left = [found.exif && "EXIF", found.xmp && "XMP", found.iptc && "IPTC", found.comments?.length && "comments", !keepIcc && found.icc && "ICC"];
  const names = left.filter(Boolean);
  if (names.length > 0) throw new Error(`Metadata left after stripping: ${names.join(", ")}`);
}

export const stripMetadataTool = defineImageTool({
  id: "image.strip-metadata",
  title: "Remove photo metadata",
  description: "Remove hidden data from images — GPS location, camera and owner details, dates, editing history — keeping the picture exactly as it is wherever the format allows.",
  options: stripOptions,
  verb: "Cleaning",
  done: "Cleaned",
  zipName: "images-without-metadata.zip",
  async transform({ name, bytes, header }, options) {
    const keepIcc = options.keepColorProfile;
    const format = keptFormat(header);
    const mimeType = OUTPUT_FORMATS[format].mimeType;
    // A HEIC is re-saved as JPEG: its pixels cannot be kept as they are without a HEIC writer.
    const strip = header.format === "heic" ? undefined : LOSSLESS[format];
    // Orientation lives in EXIF: without it the photo would show sideways, so it is applied to the pixels first.
    const turned = (header.metadata.orientation ?? 1) > 1;
    if (strip && !turned) {
      const data = strip(bytes, keepIcc);
      if (!data) throw new ToolInputError(`${name} is damaged (it may be cut short) and could not be cleaned.`, { fileName: name });
      await assertClean(data, keepIcc);
      const removed = bytes.byteLength - data.byteLength;
      return { name: outputName(name, "clean"), mimeType, data, note: `Removed ${formatBytes(removed)} of metadata; the picture is untouched` };
    }
    const { data } = await renderImage(name, reencode(bytes, header, keepIcc));
    await assertClean(data, keepIcc);
    const why = turned ? "Turned upright" : header.format === "heic" ? "Removed the metadata" : `Removed the metadata (${OUTPUT_FORMATS[format].label} needs re-saving for that)`;
    return { name: imageOutputName(name, "clean", header, format), mimeType, data, note: `${why} and re-saved at high quality` };
  },
});
