import "server-only";
import type { DbTx } from "@/server/db";
import { listCachedPreviews, removeCachedPreviews } from "@/server/storage/preview-cache";

const BATCH = 200;
/** Rendering again is cheap; a week bounds the disk a long-lived account's previews take. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Removes cached previews whose file is gone or that are older than a week.
 * Deletes through the storage driver drop previews at once; this catches
 * what they cannot reach: an instance whose own cache holds previews of a
 * file another instance deleted, or a delete interrupted halfway.
 */
export async function sweepPreviewCache(db: DbTx, now = new Date()) {
  let deletedPreviews = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = await db.file.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const keep = new Set(known.map((file) => file.storageKey));
    const gone = batch.filter((key) => !keep.has(key));
    await Promise.all(gone.map((key) => removeCachedPreviews(key)));
    deletedPreviews += gone.length;
    batch = [];
  };
  for await (const entry of listCachedPreviews()) {
    if (now.getTime() - entry.modifiedAt.getTime() > MAX_AGE_MS) {
      await removeCachedPreviews(entry.storageKey);
      deletedPreviews += 1;
      continue;
    }
    batch.push(entry.storageKey);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { deletedPreviews };
}
