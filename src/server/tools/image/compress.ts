import "server-only";
import { z } from "zod";
import { formatBytes } from "@/shared/format-bytes";
import { ToolInputError } from "../tool-error";
import { compressToLimit, decodePixels } from "./compress-search";
import { defineImageTool } from "./define-image-tool";
import { chosenFormat, keptFormat, OUTPUT_FORMATS, imageOutputName } from "./image-formats";
import { formatPixels, HEIC_INPUT_TYPES, openPixels } from "./open-image";

// Formats with a quality dial (PNG through palette colours), and photos and scans that become
// one: HEIC cannot be written here and TIFF has no dial, so both come out as JPEG. GIF has none worth searching.
const ACCEPTS = ["image/jpeg", "image/png", "image/webp", "image/avif", ...HEIC_INPUT_TYPES, "image/tiff"];

const compressOptions = z.object({
  targetKb: z.number().int().min(10).max(50_000).default(500).describe("Largest file size wanted, in kilobytes (1 KB = 1,000 bytes)."),
  format: z
    .enum(["keep", "jpeg", "webp", "avif"])
    .default("keep")
    .describe("File format of the result. WebP and AVIF reach a given size with better-looking pictures than JPEG."),
});

export const compressImageTool = defineImageTool({
  id: "image.compress",
  title: "Compress images",
  description:
    "Make images fit under a file size, at the best quality that fits; very small targets also shrink the picture. Images already under the target come back untouched; the others lose their camera and location data.",
  accepts: ACCEPTS,
  options: compressOptions,
  verb: "Compressing",
  done: "Compressed",
  zipName: "compressed-images.zip",
  async transform({ name, bytes, header }, options, signal) {
    const target = options.targetKb * 1000;
    const originalType = header.format === "heic" ? "image/heic" : OUTPUT_FORMATS[keptFormat(header)].mimeType;
    const original = (note: string) => ({ name, mimeType: originalType, data: bytes, note });
    const format = header.format === "tiff" && options.format === "keep" ? "jpeg" : chosenFormat(header, options.format);
    if (format === keptFormat(header) && header.format !== "heic" && bytes.byteLength <= target) {
      return original(`Already smaller than the target: kept as it is (${formatBytes(bytes.byteLength)})`);
    }
    // Never hand back a bigger file than came in, even in another format.
    const limit = Math.min(target, bytes.byteLength);
    const pixels = await decodePixels(openPixels(bytes, header)).catch((error: unknown) => {
      throw new ToolInputError(`${name} is damaged and could not be read to the end.`, { fileName: name, cause: error });
    });
    const { loop, delay } = header.metadata;
    const found = await compressToLimit(pixels, format, limit, {
      // Shrinking the picture is for reaching the person's target, not for beating the original's size.
      mayShrink: limit === target,
      animation: { loop, delay },
      signal,
    });
    if (!found) {
      return limit < target
        ? original(`Already smaller than the target: kept as it is (${formatBytes(bytes.byteLength)})`)
        : original(`Could not get under ${formatBytes(target)}: kept as it is (${formatBytes(bytes.byteLength)})`);
    }
    const shrunk = found.width !== header.width ? `, shrunk to ${formatPixels(found.width, found.height)} pixels` : "";
    return {
      name: imageOutputName(name, "compressed", header, format),
      mimeType: OUTPUT_FORMATS[format].mimeType,
      data: found.data,
      note: `Compressed from ${formatBytes(bytes.byteLength)} to ${formatBytes(found.data.byteLength)} (quality ${found.quality}${shrunk})`,
    };
  },
});
