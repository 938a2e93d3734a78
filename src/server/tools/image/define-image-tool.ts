import "server-only";
import type { z } from "zod";
import { defineTool, type ToolDefinition } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { IMAGE_INPUT_TYPES, MAX_IMAGE_PIXELS, readImageHeader, type ImageHeader } from "./open-image";
import { type ImageResult, runImageBatch } from "./run-image-batch";

/** One input image, its header already read and checked against the pixel budget. */
export type OpenedImage = { name: string; bytes: Uint8Array; header: ImageHeader };

type ImageToolSpec<TSchema extends z.ZodType> = Pick<ToolDefinition<TSchema>, "id" | "title" | "description" | "options"> & {
  /** Sniffed types the tool takes; every type the image tools can decode unless narrowed. */
  accepts?: readonly string[];
  /** "Resizing" → "Resizing image 3 of 50". */
  verb: string;
  /** "Resized" → "Resized 50 images". */
  done: string;
  /** Several results come back as one zip of this name; without it, as separate files. */
  zipName?: string;
  /** Turns one opened image into its result; a thrown ToolInputError names the file. */
  transform(image: OpenedImage, options: z.output<TSchema>, signal: AbortSignal): Promise<ImageResult>;
};

/**
 * A one-image-in, one-image-out tool over a batch (resize, crop, compress …):
 * the budget, the header check, progress, names and zipping are the same for
 * all of them, so a tool is its options and its transform.
 */
export function defineImageTool<TSchema extends z.ZodType>(spec: ImageToolSpec<TSchema>): ToolDefinition<TSchema> {
  return defineTool({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    category: "image",
    accepts: spec.accepts ?? IMAGE_INPUT_TYPES,
    minFiles: 1,
    maxFiles: 50,
    options: spec.options,
    limits: { maxInputBytes: 250_000_000, maxPixels: MAX_IMAGE_PIXELS },
    async run({ inputs, options, progress, signal }) {
      const outputs = await runImageBatch(
        { inputs, progress, signal },
        {
          verb: spec.verb,
          done: spec.done,
          // The header first, with no pixel limit, so a pixel bomb gets a message that says what is wrong with it.
          process: async ({ name, bytes }) => spec.transform({ name, bytes, header: await readImageHeader(name, bytes) }, options, signal),
        },
      );
      return spec.zipName ? zipOutputsIfMany(outputs, spec.zipName) : outputs;
    },
  });
}
