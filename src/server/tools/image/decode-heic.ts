import "server-only";
import { ToolInputError } from "../tool-error";

/** HEIC pixels decoded upright, as RGBA. */
export type DecodedHeic = { data: Buffer; width: number; height: number; channels: 4 };

/**
 * Decodes a HEVC-coded HEIF (an iPhone's HEIC) with libheif compiled to WASM:
 * sharp's prebuilt libvips reads these files' headers but has no HEVC decoder.
 * libheif applies the file's own rotation and mirroring (`irot`/`imir`), which
 * is how HEIF says which way is up; the EXIF orientation a phone also writes is
 * ignored, as the HEIF standard asks, or portraits would be turned twice.
 * Callers check the declared size against the pixel budget first.
 */
export async function decodeHeic(name: string, bytes: Uint8Array): Promise<DecodedHeic> {
  // Loaded on first use: the WASM module is 8 MB of JavaScript.
  const { default: decode } = await import("heic-decode");
  try {
    const { data, width, height } = await decode({ buffer: bytes });
    return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 };
  } catch (error) {
    throw new ToolInputError(`${name} is damaged or has no picture this tool can read.`, { fileName: name, cause: error });
  }
}
