import "server-only";

// Removes metadata from a WebP by dropping whole RIFF chunks; the compressed pixels are copied as they are.
import { concat } from "./strip-jpeg";

const VP8X_ICC = 0x20;
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;
// Chunks that make up the picture; "EXIF", "XMP " and unknown chunks go, "ICCP" on request.
const IMAGE_CHUNKS = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF"]);

const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** The WebP without metadata, or null when its RIFF structure is broken or cut short. */
export function stripWebp(bytes: Uint8Array, keepIcc: boolean): Uint8Array | null {
  if (bytes.length < 12 || fourcc(bytes, 0) !== "RIFF" || fourcc(bytes, 8) !== "WEBP") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(0 + 4, true);
  if (riffEnd > bytes.length) return null;
  const kept: Uint8Array[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) return null;
    const type = fourcc(bytes, at);
    const size = view.getUint32(at + 4, true);
    // Chunks are padded to an even length.
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd) return null;
    if (IMAGE_CHUNKS.has(type) || (type === "ICCP" && keepIcc)) {
      const chunk = bytes.slice(at, end);
      // The extended header lists which extras follow; it must not promise chunks that are gone.
      if (type === "VP8X" && chunk.length > 8) {
        chunk[8] = (chunk[8] ?? 0) & ~(VP8X_EXIF | VP8X_XMP | (keepIcc ? 0 : VP8X_ICC));
      }
      kept.push(chunk);
    }
    at = end;
  }
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + kept.reduce((sum, chunk) => sum + chunk.byteLength, 0), true);
  return concat([header, ...kept]);
}
