import "server-only";
import type { DbTx } from "@/server/db";
import { listCachedPreviews, removeCachedPreviews } from "@/server/storage/preview-cache";
import { removeKeysWithoutFile } from "./remove-keys-without-file";

/** Rendering again is cheap; a week bounds the disk a long-lived account's previews take. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Removes cached previews whose file is gone or that are older than a week.
 * Deletes through the storage driver drop previews at once; this catches
 * what they cannot reach: an instance whose own cache holds previews of a
 * file another instance deleted, or a delete interrupted halfway.
 */
export async function sweepPreviewCache(db: DbTx, now = new Date()) {
  let expired = 0;
  const orphans = removeKeysWithoutFile(db, removeCachedPreviews);
  for await (const entry of listCachedPreviews()) {
    if (now.getTime() - entry.modifiedAt.getTime() > MAX_AGE_MS) {
      await removeCachedPreviews(entry.storageKey);
      expired += 1;
      continue;
    }
    await orphans.add(entry.storageKey);
  }
  return { deletedPreviews: expired + (await orphans.finish()) };
}
