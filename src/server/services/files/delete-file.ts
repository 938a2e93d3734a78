import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";
import { getOwnedFile } from "./get-owned-file";

/** Deletes an owned file now: the row first (so it is gone for the user at once), then the bytes. */
export async function deleteFile(db: DbTx, storage: StorageDriver, actor: Actor, id: string) {
  const file = await getOwnedFile(db, actor, id);
  await db.file.delete({ where: { id: file.id } });
  // A failed storage delete leaves an orphan object that the hourly sweep removes.
  await storage.delete(file.storageKey).catch(() => undefined);
  return { id: file.id };
}
