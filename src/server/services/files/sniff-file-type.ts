import "server-only";
import { fileTypeFromBuffer } from "file-type";

// Types FileForge accepts, decided by magic bytes only. Text has no magic
// number, so it is recognised as valid UTF-8 without NUL bytes.
export const SUPPORTED_MIME_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/avif",
  "image/gif",
  "image/tiff",
  "text/plain",
] as const;
export type SupportedMimeType = (typeof SUPPORTED_MIME_TYPES)[number];

/** How many leading bytes the sniffer needs. */
export const SNIFF_BYTES = 4100;

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

/** The file's real type from its first bytes, or null when unsupported. */
export async function sniffFileType(head: Uint8Array): Promise<SupportedMimeType | null> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    return (SUPPORTED_MIME_TYPES as readonly string[]).includes(detected.mime) ? (detected.mime as SupportedMimeType) : null;
  }
  return looksLikeText(head) ? "text/plain" : null;
}
