import "server-only";
import { pipeline, type Readable } from "node:stream";
import { type Actor, ownerOf } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { expiryFrom, type UploadLimits } from "@/server/quotas/role-limits";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { StorageLimitError, type StorageDriver } from "@/server/storage/types";
import { formatBytes } from "@/shared/format-bytes";
import { hasEncryptEntry, keepTail } from "./detect-pdf-encryption";
import { peekStream } from "./peek-stream";
import { sanitizeFileName } from "./sanitize-file-name";
import { scanStoredUpload } from "./scan-upload";
import { SNIFF_BYTES, sniffBytesWanted, sniffUpload } from "./sniff-file-type";

export const fileSummarySelect = { id: true, name: true, size: true, mimeType: true, expiresAt: true, createdAt: true } as const;

const ACCEPTED_IMAGES = "JPEG, PNG, WebP, AVIF, HEIC, HEIF, GIF, TIFF";

/** The head the sniffer needs: the first bytes, and for a TIFF as far as its first directory. */
async function peekUploadHead(body: Readable) {
  const first = await peekStream(body, SNIFF_BYTES);
  const wanted = sniffBytesWanted(first.head);
  if (wanted <= first.head.length || first.head.length < SNIFF_BYTES) return first;
  return peekStream(first.stream, wanted);
}

function tooLarge(name: string, actor: Actor, maxBytes: number): AppError {
  const hint = actor.kind === "guest" ? " Sign up to upload larger files." : "";
  return new AppError("PAYLOAD_TOO_LARGE", `“${name}” is larger than your ${formatBytes(maxBytes)} limit per file.${hint}`);
}

/**
 * Stores one uploaded file: sniffs its type from the first bytes, streams it
 * to storage under a server-generated key while enforcing the actor's size
 * limit, then records the File row. Nothing is left behind on failure.
 */
export async function storeUpload(
  db: DbTx,
  storage: StorageDriver,
  actor: Actor,
  limits: UploadLimits,
  upload: { name: string | undefined; body: Readable; signal?: AbortSignal },
) {
  const name = sanitizeFileName(upload.name);
  const { maxFileBytes } = limits;
  const { head, stream } = await peekUploadHead(upload.body);
  const { mimeType, refusal } = await sniffUpload(head);
  if (!mimeType) {
    // Destroying the replay drains the rest of the upload, so the request still gets its answer.
    stream.destroy();
    const what = refusal ? `is ${refusal}, which no FileForge tool works with` : "is not a file type FileForge supports";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `“${name}” ${what}. Upload a PDF, an image (${ACCEPTED_IMAGES}) or plain text.`);
  }
  const key = createStorageKey();
  // PDFs keep their last bytes on the way through, where the trailer says whether they are encrypted.
  const ends = mimeType === "application/pdf" ? keepTail() : null;
  let stored;
  try {
    // The signal stops a write the request's deadline gave up on; the driver removes the partial object.
    stored = await storage.write(key, ends ? pipeline(stream, ends.stream, () => undefined) : stream, { maxBytes: maxFileBytes, contentType: mimeType, signal: upload.signal });
  } catch (error) {
    if (error instanceof StorageLimitError) throw tooLarge(name, actor, maxFileBytes);
    throw error;
  }
  // Deletes the object itself when it refuses it.
  await scanStoredUpload(storage, key, name);
  try {
    const file = await db.file.create({
      data: { ...ownerOf(actor), storageKey: key, name, size: stored.size, mimeType, sha256: stored.sha256, expiresAt: expiryFrom(limits) },
      select: fileSummarySelect,
    });
    // Said at upload, so the page can offer Unlock before anyone presses Run.
    return { ...file, encrypted: ends ? hasEncryptEntry(head, ends.tail()) : false };
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}
