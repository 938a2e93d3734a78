import "server-only";
import type { OutputInfo, Sharp } from "sharp";
import type { OpenedImage } from "./define-image-tool";
import { encodeAs, type EncodeSettings, imageOutputName, OUTPUT_FORMATS, type OutputFormat } from "./image-formats";
import { renderImage } from "./open-image";
import type { ImageResult } from "./run-image-batch";

/**
 * The last step of every pixel-changing image tool: encode the pipeline in the
 * chosen format, run it, and name the result after its input and what was
 * done (`suffix`: "photo-resized.png"; null keeps the stem, see
 * imageOutputName). `info` is what libvips wrote (the size a note reports).
 */
export async function saveImage(
  image: OpenedImage,
  pipeline: Sharp,
  format: OutputFormat,
  settings: EncodeSettings,
  suffix: string | null,
): Promise<ImageResult & { info: OutputInfo }> {
  const { data, info } = await renderImage(image.name, encodeAs(pipeline, format, settings));
  return { name: imageOutputName(image.name, suffix, image.header, format), mimeType: OUTPUT_FORMATS[format].mimeType, data, info };
}
