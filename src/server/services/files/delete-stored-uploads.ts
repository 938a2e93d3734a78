import "server-only";
import type { DbTx } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";

/** Removes files stored earlier in a request that failed as a whole. */
export async function deleteStoredUploads(db: DbTx, storage: StorageDriver, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.file.findMany({ where: { id: { in: ids } }, select: { storageKey: true } });
  await db.file.deleteMany({ where: { id: { in: ids } } });
  await Promise.all(rows.map((row) => storage.delete(row.storageKey).catch(() => undefined)));
}
