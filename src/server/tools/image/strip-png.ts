import "server-only";

// Removes metadata from a PNG by dropping whole chunks; the compressed pixels are copied as they are.
import { concat } from "./strip-jpeg";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// Ancillary chunks that change how the picture looks or moves (transparency,
// gamma, colour, pixel density, APNG frames). Everything else ancillary — text,
// EXIF, timestamps, private chunks — is metadata and goes.
const KEEP = new Set(["tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "hIST", "pHYs", "sPLT", "cICP", "mDCv", "cLLi", "acTL", "fcTL", "fdAT"]);

function chunkType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function keepChunk(type: string, keepIcc: boolean): boolean {
  if (type === "iCCP") return keepIcc;
  // An uppercase first letter marks a critical chunk: decoders need it to show anything.
  const critical = type.charCodeAt(0) >= 0x41 && type.charCodeAt(0) <= 0x5a;
  return critical || KEEP.has(type);
}

/** The PNG without metadata, or null when its chunks are broken or it stops before IEND. */
export function stripPng(bytes: Uint8Array, keepIcc: boolean): Uint8Array | null {
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = chunkType(bytes, at + 4);
    if (keepChunk(type, keepIcc)) kept.push(bytes.subarray(at, end));
    // Bytes after IEND are not part of the picture; they go too.
    if (type === "IEND") return concat(kept);
    at = end;
  }
  return null;
}
