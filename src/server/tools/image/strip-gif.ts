import "server-only";

// Removes metadata from a GIF by dropping comment and application blocks; frames are copied as they are.
import { concat } from "./strip-jpeg";

// Application blocks that say how an animation loops; every other one (XMP, editors' data) is metadata.
const LOOPING = new Set(["NETSCAPE2.0", "ANIMEXTS1.0"]);

const colourTableSize = (packed: number) => ((packed & 0x80) !== 0 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);

/** Index just past a chain of data sub-blocks (each a length byte and that many bytes, ending with 0), or -1. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  let position = at;
  while (position < bytes.length) {
    const size = bytes[position] ?? 0;
    position += 1 + size;
    if (size === 0) return position <= bytes.length ? position : -1;
  }
  return -1;
}

/** The GIF without comments and metadata blocks, or null when it is cut short or its blocks are broken. */
export function stripGif(bytes: Uint8Array): Uint8Array | null {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if ((signature !== "GIF87a" && signature !== "GIF89a") || bytes.length < 13) return null;
  const screenEnd = 13 + colourTableSize(bytes[10] ?? 0);
  const kept: Uint8Array[] = [bytes.subarray(0, screenEnd)];
  let at = screenEnd;
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x3b) {
      kept.push(bytes.subarray(at, at + 1));
      return concat(kept);
    }
    let end: number;
    let keep = true;
    if (introducer === 0x2c) {
      // Image descriptor (10 bytes), optional local colour table, LZW code size, then the pixel sub-blocks.
      end = skipSubBlocks(bytes, at + 10 + colourTableSize(bytes[at + 9] ?? 0) + 1);
    } else if (introducer === 0x21) {
      const label = bytes[at + 1];
      end = skipSubBlocks(bytes, at + 2);
      if (label === 0xfe) keep = false;
      if (label === 0xff) keep = (bytes[at + 2] ?? 0) >= 11 && LOOPING.has(String.fromCharCode(...bytes.subarray(at + 3, at + 14)));
    } else {
      return null;
    }
    if (end < 0) return null;
    if (keep) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return null;
}
