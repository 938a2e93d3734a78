import "server-only";
import { z } from "zod";
import { createNameAllocator, withExtension } from "@/shared/output-names";
import { formatCount } from "../tool-error";
import { defineTool, type ToolOutputFile } from "../types";
import { IMAGE_INPUT_TYPES, MAX_IMAGE_PIXELS, openPixels, readImageHeader, renderImage } from "./open-image";
import { appliesWhen } from "../parse-tool-options";

// sharp's process-wide settings stay at their defaults (concurrency 1 on glibc
// without jemalloc, operation cache on): concurrency 2 and cache(false) changed
// neither throughput nor memory here (bench/tools-bench.ts), and they are global.

const OUTPUT_FORMATS = {
  jpeg: { mimeType: "image/jpeg", extension: "jpg" },
  png: { mimeType: "image/png", extension: "png" },
  webp: { mimeType: "image/webp", extension: "webp" },
  avif: { mimeType: "image/avif", extension: "avif" },
} as const;

const side = z.number().int().min(1).max(20_000);
const convertOptions = z.object({
  format: z.enum(["jpeg", "png", "webp", "avif"]).default("webp"),
  // PNG is lossless: it has no quality to set.
  quality: appliesWhen(z.number().int().min(1).max(100).default(80), { format: ["jpeg", "webp", "avif"] }),
  maxWidth: side.optional(),
  maxHeight: side.optional(),
  stripMetadata: z.boolean().default(true),
});
type ConvertOptions = z.output<typeof convertOptions>;

export const convertImageTool = defineTool({
  id: "image.convert",
  title: "Convert images",
  description: "Change images to JPEG, PNG, WebP or AVIF, optionally shrinking them and removing camera and location data.",
  category: "image",
  accepts: IMAGE_INPUT_TYPES,
  minFiles: 1,
  maxFiles: 50,
  options: convertOptions,
  limits: { maxInputBytes: 250_000_000, maxPixels: MAX_IMAGE_PIXELS },
  async run({ inputs, options, progress, signal }) {
    const allocateName = createNameAllocator();
    const outputs: ToolOutputFile[] = [];
    const target = OUTPUT_FORMATS[options.format];
    for (const [index, input] of inputs.entries()) {
      // sharp cannot be interrupted mid-image; a cancelled batch stops at the next one.
      signal.throwIfAborted();
      progress({ percent: (100 * index) / inputs.length, step: `Converting file ${index + 1} of ${inputs.length}` });
      const data = await convertOne(input.name, await input.read(), options);
      outputs.push({ name: allocateName(withExtension(input.name, target.extension)), mimeType: target.mimeType, data });
    }
    progress({ percent: 100, step: `Converted ${formatCount(inputs.length, "image")}` });
    return outputs;
  },
});

async function convertOne(name: string, bytes: Uint8Array, options: ConvertOptions): Promise<Uint8Array> {
  // The header first, with no pixel limit, so a pixel bomb gets a message that says what is wrong with it.
  const header = await readImageHeader(name, bytes);
  // Orientation is applied before metadata goes, or stripped photos would come out sideways.
  let image = openPixels(bytes, header);
  if (options.maxWidth !== undefined || options.maxHeight !== undefined) {
    image = image.resize({ width: options.maxWidth, height: options.maxHeight, fit: "inside", withoutEnlargement: true });
  }
  if (!options.stripMetadata) image = image.keepMetadata();
  const quality = options.quality;
  if (options.format === "jpeg") image = image.flatten({ background: "#ffffff" }).jpeg({ quality });
  else if (options.format === "png") image = image.png();
  else if (options.format === "webp") image = image.webp({ quality });
  else image = image.avif({ quality });
  return (await renderImage(name, image)).data;
}
