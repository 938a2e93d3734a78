import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";
import { defineImageTool } from "./define-image-tool";
import { keptFormat } from "./image-formats";
import { checkOutputPixels, openPixels } from "./open-image";
import { saveImage } from "./save-image";
import { isQuarterTurn, planTurn } from "./turn-plan";

const rotateOptions = z.object({
  angle: z
    .number()
    .min(-360)
    .max(360)
    .default(90)
    .describe("Degrees clockwise (negative turns the other way). 90, 180 and 270 turn the picture without any loss; other angles fill the corners with the background colour."),
  flipHorizontal: z.boolean().default(false).describe("Mirror left and right, after turning."),
  flipVertical: z.boolean().default(false).describe("Mirror top and bottom, after turning."),
  background: z
    .string()
    .regex(/^#[0-9a-f]{6}([0-9a-f]{2})?$/i, "use a colour like #ffffff, or #ffffff00 for see-through")
    .default("#ffffff")
    .describe("Colour of the corners left by an angle that is not a quarter turn: #RRGGBB, or #RRGGBB00 for see-through (JPEG turns see-through into white)."),
  quality: z.number().int().min(1).max(100).default(90).describe("For JPEG, WebP and AVIF: higher looks better, lower makes smaller files."),
});

/** The size after turning by `degrees`: a quarter turn swaps the sides, other angles need a larger canvas. */
export function rotatedSize(width: number, height: number, degrees: number): { width: number; height: number } {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  // Rounded as libvips rounds its output canvas.
  const fit = (value: number) => Math.max(1, Math.round(value));
  return { width: fit(width * cos + height * sin), height: fit(width * sin + height * cos) };
}

export const rotateImageTool = defineImageTool({
  id: "image.rotate",
  title: "Rotate images",
  description: "Turn images by a quarter turn or any angle, and mirror them. Camera and location data are removed; colours stay as they were.",
  options: rotateOptions,
  verb: "Rotating",
  done: "Rotated",
  zipName: "rotated-images.zip",
  async transform(image, options) {
    const { name, header } = image;
    const plan = planTurn(header.metadata.orientation, options.angle, options.flipHorizontal, options.flipVertical);
    if (header.frames > 1 && plan.degrees !== 0 && plan.degrees !== 180) {
      // libvips turns the frames of an animation only by half turns.
      throw new ToolInputError(`${name} is animated; animated images can only be turned by 180° or mirrored.`, { fileName: name });
    }
    const size = rotatedSize(header.width, header.height, options.angle);
    checkOutputPixels(name, size.width, size.height, header.frames, "Turning");
    // As stored: the camera's orientation is part of the plan, which sharp carries out mirror first, then turn.
    let pipeline = openPixels(image.bytes, header, { asStored: true });
    if (plan.mirror) pipeline = pipeline.flop();
    if (plan.degrees !== 0) {
      pipeline = isQuarterTurn(plan.degrees) ? pipeline.rotate(plan.degrees) : pipeline.rotate(plan.degrees, { background: options.background });
    }
    const settings = { quality: options.quality, background: options.background.slice(0, 7) };
    return saveImage(image, pipeline.keepIccProfile(), keptFormat(header), settings, "rotated");
  },
});
