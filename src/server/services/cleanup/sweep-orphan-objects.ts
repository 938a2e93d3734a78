import "server-only";
import type { DbTx } from "@/server/db";
import { isGeneratedStorageKey } from "@/server/storage/create-storage-key";
import type { StorageDriver } from "@/server/storage/types";

const GRACE_MS = 60 * 60 * 1000;
const BATCH = 200;

/**
 * Deletes stored objects that no File row points to, that are older than an
 * hour and whose key has the exact shape FileForge generates: bytes of uploads interrupted between storage and database, or of
 * deletes that failed halfway. The grace period protects uploads in flight.
 */
export async function sweepOrphanObjects(db: DbTx, storage: StorageDriver, now = new Date()) {
  let deletedObjects = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = await db.file.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const keep = new Set(known.map((file) => file.storageKey));
    const orphans = batch.filter((key) => !keep.has(key));
    await Promise.all(orphans.map((key) => storage.delete(key)));
    deletedObjects += orphans.length;
    batch = [];
  };
  for await (const object of storage.list()) {
    if (now.getTime() - object.modifiedAt.getTime() < GRACE_MS) continue;
    if (!isGeneratedStorageKey(object.key)) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { deletedObjects };
}
