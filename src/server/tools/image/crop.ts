import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";
import { defineImageTool } from "./define-image-tool";
import { keptFormat } from "./image-formats";
import { openPixels, type ImageHeader } from "./open-image";
import { saveImage } from "./save-image";

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

export const cropImageTool = defineImageTool({
  id: "image.crop",
  title: "Crop images",
  description: "Keep one rectangle of each image, given in pixels from the top-left corner. Camera and location data are removed; colours stay as they were.",
  options: cropOptions,
  verb: "Cropping",
  done: "Cropped",
  zipName: "cropped-images.zip",
  async transform(image, options) {
    const area = cropArea(image.name, image.header, options);
    // Orientation first, so the numbers mean the picture as it is seen, not as the camera stored it.
    const pipeline = openPixels(image.bytes, image.header).extract(area).keepIccProfile();
    return saveImage(image, pipeline, keptFormat(image.header), { quality: options.quality }, "cropped");
  },
});
