import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";
import { defineTool } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { encodeAs, keptFormat, OUTPUT_FORMATS, imageOutputName } from "./image-formats";
import { IMAGE_INPUT_TYPES, MAX_IMAGE_PIXELS, openPixels, readImageHeader, renderImage, type ImageHeader } from "./open-image";
import { runImageBatch } from "./run-image-batch";

const offset = z.number().int().min(0).max(20_000);
const side = z.number().int().min(1).max(20_000);
const cropOptions = z.object({
  left: offset.default(0).describe("Pixels to cut off the left edge."),
  top: offset.default(0).describe("Pixels to cut off the top edge."),
  width: side.optional().describe("Width of the part to keep, in pixels. Leave empty to keep everything up to the right edge."),
  height: side.optional().describe("Height of the part to keep, in pixels. Leave empty to keep everything down to the bottom edge."),
  quality: z.number().int().min(1).max(100).default(90).describe("For JPEG, WebP and AVIF: higher looks better, lower makes smaller files."),
});
type CropOptions = z.output<typeof cropOptions>;

const px = (value: number) => `${value.toLocaleString("en-US")} px`;

/** The area to keep, in the upright picture a person sees, or a message saying which edge it goes past. */
export function cropArea(name: string, header: Pick<ImageHeader, "width" | "height">, options: CropOptions) {
  const width = options.width ?? header.width - options.left;
  const height = options.height ?? header.height - options.top;
  if (options.left >= header.width || width <= 0 || options.left + width > header.width) {
    throw new ToolInputError(`The crop area goes past ${name}'s right edge (${px(header.width)} wide).`, { fileName: name });
  }
  if (options.top >= header.height || height <= 0 || options.top + height > header.height) {
    throw new ToolInputError(`The crop area goes past ${name}'s bottom edge (${px(header.height)} high).`, { fileName: name });
  }
  return { left: options.left, top: options.top, width, height };
}

export const cropImageTool = defineTool({
  id: "image.crop",
  title: "Crop images",
  description: "Keep one rectangle of each image, given in pixels from the top-left corner. Camera and location data are removed; colours stay as they were.",
  category: "image",
  accepts: IMAGE_INPUT_TYPES,
  minFiles: 1,
  maxFiles: 50,
  options: cropOptions,
  limits: { maxInputBytes: 250_000_000, maxPixels: MAX_IMAGE_PIXELS },
  async run({ inputs, options, progress, signal }) {
    const outputs = await runImageBatch(
      { inputs, progress, signal },
      {
        verb: "Cropping",
        done: "Cropped",
        async process({ name, bytes }) {
          const header = await readImageHeader(name, bytes);
          const area = cropArea(name, header, options);
          const format = keptFormat(header);
          // Orientation first, so the numbers mean the picture as it is seen, not as the camera stored it.
          const pipeline = openPixels(bytes, header).extract(area).keepIccProfile();
          const { data } = await renderImage(name, encodeAs(pipeline, format, { quality: options.quality }));
          return { name: imageOutputName(name, "cropped", header, format), mimeType: OUTPUT_FORMATS[format].mimeType, data };
        },
      },
    );
    return zipOutputsIfMany(outputs, "cropped-images.zip");
  },
});
