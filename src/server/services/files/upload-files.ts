import "server-only";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { type Actor, ownerOf } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { recordUsage } from "@/server/quotas/record-usage";
import { getUploadLimits } from "@/server/quotas/role-limits";
import type { StorageDriver } from "@/server/storage/types";
import { deleteStoredUploads } from "./delete-stored-uploads";
import { storeUpload } from "./store-upload";

type StoredFile = Awaited<ReturnType<typeof storeUpload>>;

/**
 * Receives a multipart/form-data body with one or more `file` fields and
 * stores each as it streams in, one at a time (busboy applies backpressure).
 * All or nothing: if any file fails, the ones already stored are removed.
 */
export async function uploadFiles(
  db: Db,
  storage: StorageDriver,
  actor: Actor,
  request: { contentType: string | null; body: Readable },
): Promise<StoredFile[]> {
  if (!request.contentType?.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send files as multipart/form-data in fields named “file”.");
  }
  await assertWithinQuota(db, actor, "FILE_UPLOAD");
  const limits = await getUploadLimits(db, actor);
  const parser = busboy({
    headers: { "content-type": request.contentType },
    // Browsers send UTF-8 filenames as raw bytes; busboy would read them as latin1.
    defParamCharset: "utf8",
    // One byte past the limit lets storage notice and refuse the file.
    limits: { files: limits.maxFilesPerUpload, fileSize: limits.maxFileBytes + 1, fields: 20, fieldSize: 1024 },
  });
  const stored: StoredFile[] = [];
  let failure: unknown = null;
  let queue: Promise<void> = Promise.resolve();

  parser.on("file", (field, stream, info) => {
    queue = queue.then(async () => {
      if (failure || field !== "file") {
        stream.resume();
        return;
      }
      try {
        // Each further file must still fit today's quota.
        if (stored.length > 0) await assertWithinQuota(db, actor, "FILE_UPLOAD", stored.length + 1);
        stored.push(await storeUpload(db, storage, actor, limits, { name: info.filename, body: stream }));
      } catch (error) {
        failure ??= error;
        stream.resume();
      }
    });
  });
  parser.on("filesLimit", () => {
    failure ??= new AppError("BAD_REQUEST", `Upload at most ${limits.maxFilesPerUpload} files at a time.`);
  });

  try {
    await pipeline(request.body, parser);
    await queue;
  } catch (error) {
    await queue.catch(() => undefined);
    failure ??= new AppError("BAD_REQUEST", "The upload was interrupted or malformed. Try again.", { cause: error });
  }
  if (!failure && stored.length === 0) failure = new AppError("BAD_REQUEST", "No file received. Send one or more fields named “file”.");
  if (failure) {
    await deleteStoredUploads(db, storage, stored.map((file) => file.id));
    throw failure;
  }
  await recordUsage(db, ownerOf(actor), "FILE_UPLOAD", stored.length);
  await recordUsage(db, ownerOf(actor), "UPLOAD_BYTES", stored.reduce((sum, file) => sum + file.size, 0));
  return stored;
}
