import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { describeDetectedType } from "./describe-detected-type";

// Types FileForge accepts, decided by magic bytes only. Text has no magic
// number, so it is recognised as valid UTF-8 without NUL bytes. HEIF files
// are named by their brand: iPhones write `heic`, other cameras `mif1`
// (image/heif), bursts and sequences `hevc`/`msf1`.
export const SUPPORTED_MIME_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/avif",
  "image/heic",
  "image/heif",
  "image/heic-sequence",
  "image/heif-sequence",
  "image/gif",
  "image/tiff",
  "text/plain",
] as const;
export type SupportedMimeType = (typeof SUPPORTED_MIME_TYPES)[number];

/** How many leading bytes the sniffer needs for most files. */
export const SNIFF_BYTES = 4100;
// A TIFF's first directory may sit anywhere (libtiff writes it after the
// pixels). file-type, reading a stream, names a TIFF without looking when that
// directory starts past 1 MiB; up to there the sniffer reads it, as file-type
// does, to tell raw camera files (DNG, ARW...) from plain TIFFs.
const MAX_TIFF_DIRECTORY_OFFSET = 1024 * 1024;
// The directory's entry count and the 512 entries file-type reads at most.
const TIFF_DIRECTORY_BYTES = 2 + 512 * 12;

/** The offset of a classic TIFF's first directory, or null when the head is not a TIFF header. */
function tiffDirectoryOffset(head: Uint8Array): number | null {
  if (head.length < 8) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const little = head[0] === 0x49 && head[1] === 0x49;
  const big = head[0] === 0x4d && head[1] === 0x4d;
  if ((!little && !big) || view.getUint16(2, little) !== 42) return null;
  return view.getUint32(4, little);
}

/** How many leading bytes to read for this head: more than SNIFF_BYTES only for a TIFF whose first directory lies further on. */
export function sniffBytesWanted(head: Uint8Array): number {
  const offset = tiffDirectoryOffset(head);
  if (offset === null || offset > MAX_TIFF_DIRECTORY_OFFSET) return SNIFF_BYTES;
  return Math.max(SNIFF_BYTES, offset + TIFF_DIRECTORY_BYTES);
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is fine (stream: true).
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export type SniffResult =
  | { mimeType: SupportedMimeType; refusal?: undefined }
  /** `refusal` names what the bytes are when the sniffer knows ("an MP4 video"), else null. */
  | { mimeType: null; refusal: string | null };

/** The file's real type from its first bytes (sniffBytesWanted of them), and what it is when FileForge does not take it. */
export async function sniffUpload(head: Uint8Array): Promise<SniffResult> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if ((SUPPORTED_MIME_TYPES as readonly string[]).includes(detected.mime)) return { mimeType: detected.mime as SupportedMimeType };
    return { mimeType: null, refusal: describeDetectedType(detected) };
  }
  // A TIFF header whose directory is past what was read (or past 1 MiB) is a
  // TIFF to file-type's stream reader too; the image tools find out if it is damaged.
  if (tiffDirectoryOffset(head) !== null) return { mimeType: "image/tiff" };
  return looksLikeText(head) ? { mimeType: "text/plain" } : { mimeType: null, refusal: null };
}

/** The file's real type from its first bytes, or null when unsupported. */
export async function sniffFileType(head: Uint8Array): Promise<SupportedMimeType | null> {
  return (await sniffUpload(head)).mimeType;
}
