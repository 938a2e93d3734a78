import "server-only";
import type { DbTx } from "@/server/db";
import { isGeneratedStorageKey } from "@/server/storage/create-storage-key";
import type { StorageDriver } from "@/server/storage/types";
import { removeKeysWithoutFile } from "./remove-keys-without-file";

const GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes stored objects that no File row points to, that are older than an
 * hour and whose key has the exact shape FileForge generates: bytes of uploads interrupted between storage and database, or of
 * deletes that failed halfway. The grace period protects uploads in flight.
 */
export async function sweepOrphanObjects(db: DbTx, storage: StorageDriver, now = new Date()) {
  const orphans = removeKeysWithoutFile(db, (key) => storage.delete(key));
  for await (const object of storage.list()) {
    if (now.getTime() - object.modifiedAt.getTime() < GRACE_MS) continue;
    if (!isGeneratedStorageKey(object.key)) continue;
    await orphans.add(object.key);
  }
  return { deletedObjects: await orphans.finish() };
}
