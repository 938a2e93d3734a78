import "server-only";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as delay } from "node:timers/promises";
import busboy from "busboy";
import { type Actor, ownerOf } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { recordUsage } from "@/server/quotas/record-usage";
import { getUploadLimits } from "@/server/quotas/role-limits";
import { assertDiskSpace } from "@/server/services/system/check-disk-space";
import type { StorageDriver } from "@/server/storage/types";
import { deleteStoredUploads } from "./delete-stored-uploads";
import { storeUpload } from "./store-upload";
import { createUploadDeadline, UPLOAD_TIMEOUTS, type UploadTimeouts } from "./upload-deadline";

type StoredFile = Awaited<ReturnType<typeof storeUpload>>;

export type UploadOptions = { timeouts?: Partial<UploadTimeouts> };

// Once the answer is decided, how long cleanup may hold it back: a step that
// ignores its abort signal, or a stalled database, must not hold it forever.
const CLEANUP_GRACE_MS = 2_000;

/** Waits for `work` to settle, but no longer than the cleanup grace (without keeping the process alive). */
async function settleBriefly(work: Promise<unknown>): Promise<void> {
  await Promise.race([work.catch(() => undefined), delay(CLEANUP_GRACE_MS, undefined, { ref: false })]);
}

/**
 * Lets busboy go on past a file we do not keep: it parses no further until each
 * file stream is read to its end. A file whose sniffing replay was abandoned is
 * drained by peekStream itself.
 */
function discard(stream: Readable): void {
  stream.resume();
}

/**
 * Receives a multipart/form-data body with one or more `file` fields and
 * stores each as it streams in, one at a time (busboy applies backpressure).
 * All or nothing: if any file fails, the ones already stored are removed.
 * Bounded in time (see createUploadDeadline): 408 for a client gone silent,
 * 503 for a step that stalls.
 * Refused with 507 while the disk is nearly full.
 */
export async function uploadFiles(
  db: Db,
  storage: StorageDriver,
  actor: Actor,
  request: { contentType: string | null; body: Readable },
  options: UploadOptions = {},
): Promise<StoredFile[]> {
  if (!request.contentType?.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send files as multipart/form-data in fields named “file”.");
  }
  // Refused before a byte is read, while the data volume is nearly full (507).
  await assertDiskSpace();
  const deadline = createUploadDeadline({ ...UPLOAD_TIMEOUTS, ...options.timeouts });
  const within = <T>(work: Promise<T>) => Promise.race([work, deadline.expired]);
  const body = deadline.watch(request.body);
  const stored: StoredFile[] = [];
  let failure: unknown = null;
  // Whatever fails once a bound has passed fails because of it: answer with the bound's error.
  const fail = (error: unknown) => {
    failure ??= deadline.signal.aborted ? deadline.signal.reason : error;
  };
  let queue: Promise<void> = Promise.resolve();

  try {
    await within(assertWithinQuota(db, actor, "FILE_UPLOAD"));
    const limits = await within(getUploadLimits(db, actor));
    const parser = busboy({
      headers: { "content-type": request.contentType },
      // Browsers send UTF-8 filenames as raw bytes; busboy would read them as latin1.
      defParamCharset: "utf8",
      // One byte past the limit lets storage notice and refuse the file.
      limits: { files: limits.maxFilesPerUpload, fileSize: limits.maxFileBytes + 1, fields: 20, fieldSize: 1024 },
    });
    parser.on("file", (field, stream, info) => {
      queue = queue.then(async () => {
        if (failure || deadline.signal.aborted || field !== "file") return discard(stream);
        try {
          // Each further file must still fit today's quota.
          if (stored.length > 0) await assertWithinQuota(db, actor, "FILE_UPLOAD", stored.length + 1);
          const file = await storeUpload(db, storage, actor, limits, { name: info.filename, body: stream, signal: deadline.signal });
          // Finished after the request was answered: nobody else will remove it.
          if (deadline.signal.aborted) await deleteStoredUploads(db, storage, [file.id]);
          else stored.push(file);
        } catch (error) {
          fail(error);
          discard(stream);
        }
      });
    });
    parser.on("filesLimit", () => fail(new AppError("BAD_REQUEST", `Upload at most ${limits.maxFilesPerUpload} files at a time.`)));

    await within(
      pipeline(body, parser).then(
        () => queue,
        async (error: unknown) => {
          await queue.catch(() => undefined);
          fail(new AppError("BAD_REQUEST", "The upload was interrupted or malformed. Try again.", { cause: error }));
        },
      ),
    );
    if (failure) throw failure;
    if (stored.length === 0) throw new AppError("BAD_REQUEST", "No file received. Send one or more fields named “file”.");
    await within(
      (async () => {
        await recordUsage(db, ownerOf(actor), "FILE_UPLOAD", stored.length);
        await recordUsage(db, ownerOf(actor), "UPLOAD_BYTES", stored.reduce((sum, file) => sum + file.size, 0));
      })(),
    );
    return stored;
  } catch (error) {
    fail(error);
    // The step in flight saw the abort and removes its partial object; wait for that, briefly.
    if (deadline.signal.aborted) await settleBriefly(queue);
    await settleBriefly(deleteStoredUploads(db, storage, stored.splice(0).map((file) => file.id)));
    throw failure;
  } finally {
    deadline.dispose();
  }
}
