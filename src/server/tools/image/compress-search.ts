import "server-only";
import sharp from "sharp";
import type { Sharp } from "sharp";
import { encodeAs, type OutputFormat } from "./image-formats";
import { searchQuality, type Trial } from "./quality-search";

/** Decoded once, upright and in sRGB: every trial encode starts from these pixels instead of decoding again. */
export type Pixels = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4; pageHeight?: number };
type Animation = { loop?: number; delay?: number[] };

// Smallest side a result may shrink to before the search gives up.
const MIN_SIDE = 16;
// When shrinking, aim for the size this quality would have: still a decent picture, not a quality-1 smear.
const AIM_QUALITY = 60;
const MAX_ROUNDS = 6;

export async function decodePixels(pipeline: Sharp): Promise<Pixels> {
  const { data, info } = await pipeline.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, pageHeight: info.pageHeight };
}

function fromPixels(pixels: Pixels): Sharp {
  const { width, height, channels, pageHeight } = pixels;
  return sharp(pixels.data, { raw: { width, height, channels, pageHeight } });
}

async function scaled(pixels: Pixels, scale: number): Promise<Pixels> {
  const frames = pixels.pageHeight ? pixels.height / pixels.pageHeight : 1;
  const frameHeight = pixels.pageHeight ?? pixels.height;
  const width = Math.max(MIN_SIDE, Math.round(pixels.width * scale));
  // Animations are resized frame by frame: the requested height is one frame's.
  const height = Math.max(MIN_SIDE, Math.round(frameHeight * scale));
  const resized = await decodePixels(fromPixels(pixels).resize(width, height, { fit: "fill" }));
  return frames > 1 ? { ...resized, pageHeight: resized.height / frames } : resized;
}

/** Encodes the pixels at a quality, remembering each result: the search and the shrink estimate may ask twice. */
function encoder(pixels: Pixels, format: OutputFormat, animation: Animation, signal: AbortSignal) {
  const tried = new Map<number, Trial>();
  return async (quality: number): Promise<Trial> => {
    const known = tried.get(quality);
    if (known) return known;
    // An encode cannot be interrupted, but a cancelled job stops before the next of its several tries.
    signal.throwIfAborted();
    const pipeline = fromPixels(pixels);
    // PNG has no quality dial: fewer palette colours is how it gets smaller, from 256 at quality 100 down to 2.
    if (format === "png") pipeline.png({ palette: true, colours: Math.round(2 ** (1 + (7 * (quality - 1)) / 99)), compressionLevel: 9, effort: 2 });
    // Effort 2 instead of the default 4, measured on 2 MP: WebP the same size at half the time;
    // AVIF ~15% bigger but 10–20× faster (0.5–1.4 s instead of 10–13 s per encode).
    else if (format === "webp") pipeline.webp({ quality, effort: 2, ...animation });
    else if (format === "avif") pipeline.avif({ quality, effort: 2 });
    // mozjpeg's quantisation table: ~8% smaller at the same speed. Its trellis step would save
    // ~15% more but costs 10–40× per encode (1.5–6 s for 12 MP here), times 3–5 encodes per photo.
    else if (format === "jpeg") pipeline.flatten({ background: "#ffffff" }).jpeg({ quality, quantisationTable: 3 });
    else encodeAs(pipeline, format, { quality });
    const trial = { data: new Uint8Array(await pipeline.toBuffer()), quality };
    tried.set(quality, trial);
    return trial;
  };
}

/**
 * Quality first at full size; when even quality 1 is too big, shrink the picture
 * until a decent quality fits, then search quality again at that size.
 */
export async function compressToLimit(
  pixels: Pixels,
  format: OutputFormat,
  limit: number,
  options: { mayShrink: boolean; animation: Animation; signal: AbortSignal },
): Promise<(Trial & { width: number; height: number }) | null> {
  let current = pixels;
  let scale = 1;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const encode = encoder(current, format, options.animation, options.signal);
    const found = await searchQuality(encode, limit);
    if (found) return { ...found, width: current.width, height: current.pageHeight ?? current.height };
    if (!options.mayShrink || Math.min(current.width, current.pageHeight ?? current.height) <= MIN_SIDE) return null;
    // File size grows roughly with the pixel count, so each side shrinks by the square root of the excess.
    const aimed = await encode(AIM_QUALITY);
    // Always from the full-size pixels, so repeated rounds do not blur the picture further.
    scale *= Math.min(0.9, Math.sqrt(limit / aimed.data.byteLength) * 0.95);
    current = await scaled(pixels, scale);
  }
  return null;
}
