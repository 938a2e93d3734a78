import "server-only";
import { z } from "zod";
import { appliesWhen } from "../parse-tool-options";
import { defineImageTool } from "./define-image-tool";
import { openPixels } from "./open-image";
import { saveImage } from "./save-image";

// sharp's process-wide settings stay at their defaults (concurrency 1 on glibc
// without jemalloc, operation cache on): concurrency 2 and cache(false) changed
// neither throughput nor memory here (bench/tools-bench.ts), and they are global.

const side = z.number().int().min(1).max(20_000);
const convertOptions = z.object({
  format: z.enum(["jpeg", "png", "webp", "avif"]).default("webp"),
  // PNG is lossless: it has no quality to set.
  quality: appliesWhen(z.number().int().min(1).max(100).default(80), { format: ["jpeg", "webp", "avif"] }),
  maxWidth: side.optional(),
  maxHeight: side.optional(),
  stripMetadata: z.boolean().default(true),
});

export const convertImageTool = defineImageTool({
  id: "image.convert",
  title: "Convert images",
  description: "Change images to JPEG, PNG, WebP or AVIF, optionally shrinking them and removing camera and location data.",
  options: convertOptions,
  verb: "Converting",
  done: "Converted",
  // No zip: a converted batch is usually picked up file by file.
  async transform(image, options) {
    // Orientation is applied before metadata goes, or stripped photos would come out sideways.
    let pipeline = openPixels(image.bytes, image.header);
    if (options.maxWidth !== undefined || options.maxHeight !== undefined) {
      pipeline = pipeline.resize({ width: options.maxWidth, height: options.maxHeight, fit: "inside", withoutEnlargement: true });
    }
    if (!options.stripMetadata) pipeline = pipeline.keepMetadata();
    return saveImage(image, pipeline, options.format, { quality: options.quality }, null);
  },
});
