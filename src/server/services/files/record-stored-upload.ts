import "server-only";
import { createHash } from "node:crypto";
import { pipeline } from "node:stream";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { StorageDriver } from "@/server/storage/types";
import { formatBytes } from "@/shared/format-bytes";
import { hasEncryptEntry, keepTail } from "./detect-pdf-encryption";
import { sanitizeFileName } from "./sanitize-file-name";
import { scanStoredUpload } from "./scan-upload";
import { SNIFF_BYTES, sniffBytesWanted, sniffUpload } from "./sniff-file-type";
import { fileSummarySelect } from "./store-upload";

type StoredUpload = {
  storageKey: string;
  name: string;
  owner: { userId: string | null; guestId: string | null };
  maxFileBytes: number;
  expiresAt: Date | null;
};

/**
 * Records a file that reached storage without passing through POST /api/files
 * (browsers upload straight to UploadThing). The same checks apply after the
 * fact: the owner's size limit and the type by magic bytes. An object that
 * fails them is deleted, so nothing unchecked stays stored.
 */
export async function recordStoredUpload(db: DbTx, storage: StorageDriver, upload: StoredUpload) {
  const name = sanitizeFileName(upload.name);
  const refuse = async (error: AppError) => {
    await storage.delete(upload.storageKey);
    return error;
  };
  const stat = await storage.stat(upload.storageKey);
  if (!stat) throw new AppError("NOT_FOUND", `“${name}” did not arrive in storage. Upload it again.`);
  if (stat.size > upload.maxFileBytes) {
    throw await refuse(new AppError("PAYLOAD_TOO_LARGE", `“${name}” is larger than your ${formatBytes(upload.maxFileBytes)} limit per file.`));
  }
  // One pass over the bytes: hash all of them, keep the head for the sniffer.
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headLength = 0;
  let wanted = SNIFF_BYTES;
  const ends = keepTail();
  for await (const chunk of pipeline(await storage.read(upload.storageKey), ends.stream, () => undefined)) {
    const buffer = Buffer.from(chunk as Uint8Array);
    hash.update(buffer);
    if (headLength < wanted) {
      head.push(buffer);
      headLength += buffer.length;
      // A TIFF may need the bytes up to its first directory.
      if (headLength >= SNIFF_BYTES) wanted = sniffBytesWanted(Buffer.concat(head));
    }
  }
  const { mimeType, refusal } = await sniffUpload(Buffer.concat(head).subarray(0, wanted));
  if (!mimeType) {
    const what = refusal ? `is ${refusal}, which no FileForge tool works with` : "is not a file type FileForge supports";
    throw await refuse(new AppError("UNSUPPORTED_MEDIA_TYPE", `“${name}” ${what}.`));
  }
  await scanStoredUpload(storage, upload.storageKey, name);
  const file = await db.file.create({
    data: { ...upload.owner, storageKey: upload.storageKey, name, size: stat.size, mimeType, sha256: hash.digest("hex"), expiresAt: upload.expiresAt },
    select: fileSummarySelect,
  });
  return { ...file, encrypted: mimeType === "application/pdf" && hasEncryptEntry(Buffer.concat(head), ends.tail()) };
}
