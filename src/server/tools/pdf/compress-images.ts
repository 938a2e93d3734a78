import "server-only";
import sharp from "sharp";
import { imageKey, type ImageResolutions } from "./compress-image-dpi";
import { mupdf, takeBytes, withMupdfMessages } from "./mupdf-runtime";
import { compressibleImage, type CompressibleImage } from "./compress-image-filter";

export type ImagePlan = { targetDpi: number; quality: number; grayscale: boolean };

// Like Ghostscript: an image is downsampled only when it is over 1.5× the target
// resolution, so a 180-dpi image is not blurred to reach 150.
const DOWNSAMPLE_THRESHOLD = 1.5;
// mozjpeg (trellis quantisation, optimised scans) made a 300→150 dpi scan page
// 113 KB instead of 191 KB at the same quality, for about 30% more encoding time.
// sharp works on libuv's threads: two images at once keep both cores busy while
// the main thread does mupdf's (synchronous) reading and writing.
const CONCURRENCY = 2;

/**
 * Downsamples and re-encodes the PDF's photos and scans as JPEG, in place. Each
 * image is replaced only when the new stream is smaller. Returns how many were.
 */
export async function recompressImages(
  doc: mupdf.PDFDocument,
  resolutions: ImageResolutions,
  plan: ImagePlan,
  onImage: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<number> {
  const candidates: CompressibleImage[] = [];
  const masks = softMaskNumbers(doc);
  for (let number = 1; number < doc.countObjects(); number += 1) {
    if (masks.has(number)) continue; // JPEG noise in a transparency mask shows as halos
    const image = compressibleImage(doc, number);
    // An image no page draws is left alone: its resolution is unknown.
    if (image && resolutions.has(imageKey(image.width, image.height))) candidates.push(image);
  }

  let next = 0;
  let done = 0;
  let replaced = 0;
  const worker = async () => {
    for (let image = candidates[next++]; image; image = candidates[next++]) {
      signal.throwIfAborted();
      const dpi = resolutions.get(imageKey(image.width, image.height)) ?? plan.targetDpi;
      const scale = dpi > plan.targetDpi * DOWNSAMPLE_THRESHOLD ? plan.targetDpi / dpi : 1;
      const encoded = await encodeJpeg(readPixels(doc, image), image, scale, plan);
      if (encoded && encoded.data.length < image.rawLength) {
        writeJpeg(doc, image, encoded);
        replaced += 1;
      }
      done += 1;
      onImage(done, candidates.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return replaced;
}

function softMaskNumbers(doc: mupdf.PDFDocument): Set<number> {
  const masks = new Set<number>();
  for (let number = 1; number < doc.countObjects(); number += 1) {
    const object = doc.newIndirect(number);
    if (!object.isStream()) continue;
    const mask = object.get("SMask");
    if (mask.isIndirect()) masks.add(mask.asIndirect());
  }
  return masks;
}

type Pixels = { jpeg: Uint8Array } | { raw: Uint8Array; channels: 1 | 3 } | null;

/** A JPEG stream is handed to sharp as it is (libjpeg-turbo decodes it at half or quarter size directly); others are decoded by mupdf. */
function readPixels(doc: mupdf.PDFDocument, image: CompressibleImage): Pixels {
  const object = doc.newIndirect(image.number);
  if (image.isJpeg) return { jpeg: takeBytes(object.readRawStream()) };
  try {
    return withMupdfMessages((): Pixels => {
      const decoded = doc.loadImage(object);
      const pixmap = decoded.toPixmap();
      try {
        const channels = pixmap.getNumberOfComponents();
        if (pixmap.getAlpha() || (channels !== 1 && channels !== 3) || pixmap.getStride() !== pixmap.getWidth() * channels) return null;
        return { raw: new Uint8Array(pixmap.getPixels()), channels: channels === 1 ? 1 : 3 };
      } finally {
        pixmap.destroy();
        decoded.destroy();
      }
    }).value;
  } catch {
    return null; // an image mupdf cannot decode stays as it is
  }
}

async function encodeJpeg(pixels: Pixels, image: CompressibleImage, scale: number, plan: ImagePlan) {
  if (!pixels) return null;
  const input =
    "jpeg" in pixels
      ? sharp(pixels.jpeg, { limitInputPixels: false, failOn: "none" })
      : sharp(pixels.raw, { raw: { width: image.width, height: image.height, channels: pixels.channels } });
  let pipeline = input;
  if (scale < 1) {
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    pipeline = pipeline.resize({ width, height, fit: "fill" });
  }
  const gray = plan.grayscale || image.channels === 1;
  if (gray) pipeline = pipeline.greyscale();
  try {
    const { data, info } = await pipeline.jpeg({ quality: plan.quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data), width: info.width, height: info.height, gray };
  } catch {
    return null; // a JPEG libjpeg refuses stays as it is
  }
}

function writeJpeg(doc: mupdf.PDFDocument, image: CompressibleImage, encoded: { data: Uint8Array; width: number; height: number; gray: boolean }) {
  const object = doc.newIndirect(image.number);
  object.writeRawStream(encoded.data);
  object.put("Filter", doc.newName("DCTDecode"));
  object.delete("DecodeParms");
  object.put("Width", encoded.width);
  object.put("Height", encoded.height);
  object.put("BitsPerComponent", 8);
  // The samples keep their colour space (an ICC profile still applies) unless they became grey.
  if (encoded.gray && image.channels !== 1) object.put("ColorSpace", doc.newName("DeviceGray"));
}
