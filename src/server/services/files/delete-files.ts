import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";

/**
 * Deletes the actor's files among `ids` and returns how many went. Ids the
 * actor does not own (or that never existed) are skipped without a word, so
 * the count never reveals whether someone else's file exists.
 */
export async function deleteFiles(db: DbTx, storage: StorageDriver, actor: Actor, ids: readonly string[]) {
  const files = await db.file.findMany({
    where: { id: { in: [...new Set(ids)] }, ...ownedBy(actor) },
    select: { id: true, storageKey: true },
  });
  if (files.length === 0) return { count: 0 };
  // The owner filter again in the delete itself: ownership is part of every write.
  const { count } = await db.file.deleteMany({ where: { id: { in: files.map((file) => file.id) }, ...ownedBy(actor) } });
  // Rows first, so the files are gone for the user at once; a failed storage
  // delete leaves an orphan object that the hourly sweep removes.
  await Promise.all(files.map((file) => storage.delete(file.storageKey).catch(() => undefined)));
  return { count };
}
