import "server-only";
import { createNameAllocator } from "@/shared/output-names";
import { HEIC_INPUT_TYPES } from "./open-image";
import { formatCount } from "../tool-error";
import type { ToolInputFile, ToolOutputFile, ToolRunContext } from "../types";

/** One image's result; `note` is shown as the step label once the image is done ("Compressed to 180 KB"). */
export type ImageResult = { name: string; mimeType: string; data: Uint8Array; note?: string };

type Batch = {
  /** "Resizing" → "Resizing image 3 of 50". */
  verb: string;
  /** "Resized" → "Resized 50 images". */
  done: string;
  process(input: { name: string; bytes: Uint8Array }): Promise<ImageResult>;
};

/**
 * The loop every per-image tool shares: one output per input, in order, with
 * names no other output of the run has. Zipping is left to the tool, which knows
 * what to call the zip.
 */
export async function runImageBatch(
  { inputs, progress, signal }: Pick<ToolRunContext<unknown>, "progress" | "signal"> & { inputs: readonly ToolInputFile[] },
  batch: Batch,
): Promise<ToolOutputFile[]> {
  const allocateName = createNameAllocator();
  const outputs: ToolOutputFile[] = [];
  const total = inputs.length;
  let lastNote: string | undefined;
  for (const [index, input] of inputs.entries()) {
    // sharp cannot be interrupted mid-image; a cancelled batch stops at the next one.
    signal.throwIfAborted();
    progress({ percent: (100 * index) / total, step: `${batch.verb} image ${index + 1} of ${total}` });
    const result = withHeicNote(input.mimeType, await batch.process({ name: input.name, bytes: await input.read() }));
    outputs.push({ name: allocateName(result.name), mimeType: result.mimeType, data: result.data });
    lastNote = result.note;
    if (result.note && total > 1) progress({ percent: (100 * (index + 1)) / total, step: `${input.name}: ${result.note}` });
  }
  // One image: its own outcome is the most useful last word; a batch gets a count.
  const finalStep = total === 1 && lastNote ? lastNote : `${batch.done} ${formatCount(total, "image")}`;
  progress({ percent: 100, step: finalStep });
  return outputs;
}

/** HEIC can be read here but not written: a photo that stays a photo comes back as JPEG, and the result says so. */
function withHeicNote(inputType: string, result: ImageResult): ImageResult {
  if (!HEIC_INPUT_TYPES.includes(inputType) || result.mimeType !== "image/jpeg") return result;
  const saved = "saved as JPEG (HEIC photos can be read here but not written)";
  return { ...result, note: result.note ? `${result.note}; ${saved}` : `Saved as JPEG (HEIC photos can be read here but not written)` };
}
