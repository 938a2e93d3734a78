import "server-only";

// Removes metadata from a JPEG by dropping whole segments: the compressed pixels
// are copied byte for byte, so nothing is re-encoded and nothing is lost.

const ascii = (text: string) => new TextEncoder().encode(text);
const JFIF = ascii("JFIF\0");
const ICC = ascii("ICC_PROFILE\0");
const ADOBE = ascii("Adobe");

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

/**
 * Which segments stay. APP0 JFIF (pixel density), APP2 ICC profile (colours) and
 * APP14 Adobe (tells decoders how CMYK/YCC is stored) are needed to show the
 * picture right; every other APPn (EXIF with GPS, XMP, IPTC/Photoshop, MPF with its
 * hidden extra pictures) and comments go.
 */
function keepSegment(bytes: Uint8Array, marker: number, dataStart: number, keepIcc: boolean): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0) return startsWith(bytes, dataStart, JFIF);
  if (marker === 0xe2) return keepIcc && startsWith(bytes, dataStart, ICC);
  if (marker === 0xee) return startsWith(bytes, dataStart, ADOBE);
  return false;
}

/** After SOS: the entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker. */
function endOfScan(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at >= 0 && at + 1 < bytes.length) {
    const next = bytes[at + 1] ?? 0;
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return -1;
}

/**
 * The JPEG without metadata, or null when its structure is broken (truncated, no
 * end marker). Anything after the end marker — where phones keep depth maps,
 * previews and their own metadata — is dropped with it.
 */
export function stripJpeg(bytes: Uint8Array, keepIcc: boolean): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, at + 2));
      return concat(kept);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (keepSegment(bytes, marker, at + 4, keepIcc)) kept.push(bytes.subarray(at, end));
    at = end;
    if (marker === 0xda) {
      const scanEnd = endOfScan(bytes, at);
      if (scanEnd < 0) return null;
      kept.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
  return null;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
