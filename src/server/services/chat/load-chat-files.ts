import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";

export type ChatFileInfo = { id: string; name: string; size: number; mimeType: string; storageKey: string; expiresAt: Date | null };

/** The actor's files among `fileIds`, in the order given; NOT_FOUND if any is someone else's, expired or unknown. */
export async function loadChatFiles(db: DbTx, actor: Actor, fileIds: readonly string[]): Promise<ChatFileInfo[]> {
  const unique = [...new Set(fileIds)];
  const files = await db.file.findMany({
    where: { id: { in: unique }, ...ownedBy(actor) },
    select: { id: true, name: true, size: true, mimeType: true, storageKey: true, expiresAt: true },
  });
  if (files.length !== unique.length) throw new AppError("NOT_FOUND", "One or more documents were not found. They may have expired or been deleted.");
  const byId = new Map(files.map((file) => [file.id, file]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
