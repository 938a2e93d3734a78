import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * A file the actor owns, with its storage key. Anyone else gets the same
 * NOT_FOUND as for an id that never existed: no hint that the file exists.
 */
export async function getOwnedFile(db: DbTx, actor: Actor, id: string) {
  const file = await db.file.findFirst({
    where: { id, ...ownedBy(actor) },
    select: { id: true, name: true, size: true, mimeType: true, storageKey: true, expiresAt: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "File not found. It may have expired or been deleted.");
  return file;
}
