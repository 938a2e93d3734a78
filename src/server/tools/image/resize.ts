import "server-only";
import { z } from "zod";
import { defineImageTool } from "./define-image-tool";
import { chosenFormat } from "./image-formats";
import { checkOutputPixels, formatPixels, openPixels } from "./open-image";
import { plannedSize, requestedBox, SHARP_FITS, SHARP_POSITIONS } from "./resize-plan";
import { saveImage } from "./save-image";
import { appliesWhen } from "../parse-tool-options";

const side = z.number().int().min(1).max(20_000);
const resizeOptions = z.object({
  mode: z
    .enum(["fit", "fill", "exact"])
    .default("fit")
    .describe("Fit: shrink to fit inside the width and height, keeping the shape. Fill: cover exactly that size, cutting off what sticks out. Exact: stretch to exactly that size."),
  width: side.default(1200).describe("Width in pixels."),
  height: side.optional().describe("Height in pixels. Leave empty to follow the width and keep the picture's shape."),
  position: appliesWhen(
    z
      .enum(["center", "top", "bottom", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right", "smart"])
      .default("center")
      .describe("Which part of the picture to keep when the edges are cut off. Smart keeps the most eye-catching part."),
    { mode: ["fill"] },
  ),
  withoutEnlargement: z.boolean().default(true).describe("Never make an image bigger than it already is."),
  format: z.enum(["keep", "jpeg", "png", "webp", "avif"]).default("keep").describe("File format of the result; Keep leaves each image in its own format."),
  // "keep" may keep a JPEG, WebP or AVIF, so quality counts there too.
  quality: appliesWhen(z.number().int().min(1).max(100).default(85).describe("For JPEG, WebP and AVIF: higher looks better, lower makes smaller files."), {
    format: ["keep", "jpeg", "webp", "avif"],
  }),
});
export type ResizeOptions = z.output<typeof resizeOptions>;

export const resizeImageTool = defineImageTool({
  id: "image.resize",
  title: "Resize images",
  description: "Make images a given size: fit them inside a box, fill a box exactly by trimming the edges, or stretch them. Camera and location data are removed; colours stay as they were.",
  options: resizeOptions,
  verb: "Resizing",
  done: "Resized",
  zipName: "resized-images.zip",
  async transform(image, options) {
    const { name, header } = image;
    const size = plannedSize(header.width, header.height, options);
    checkOutputPixels(name, size.width, size.height, header.frames, "Resizing");
    // Fit passes the sides as given (an empty height means "any"); Fill and Exact get the whole box.
    const box = options.mode === "fit" ? { width: options.width, height: options.height } : requestedBox(header.width, header.height, options);
    const pipeline = openPixels(image.bytes, header).resize({
      ...box,
      fit: SHARP_FITS[options.mode],
      position: SHARP_POSITIONS[options.position],
      withoutEnlargement: options.withoutEnlargement,
    });
    // The colour profile stays so colours look the same; EXIF (camera, GPS) goes, as sharp does by default.
    const saved = await saveImage(image, pipeline.keepIccProfile(), chosenFormat(header, options.format), { quality: options.quality }, "resized");
    const frameHeight = saved.info.pageHeight ?? saved.info.height;
    return { ...saved, note: `Resized to ${formatPixels(saved.info.width, frameHeight)} pixels` };
  },
});
