import "server-only";
import { type Actor, ownerOf } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { chatExpiresAt } from "@/server/retention/retention-policy";
import { chatTitleFrom } from "./chat-title";
import type { ChatFileInfo } from "./load-chat-files";

const NOT_FOUND = "Chat not found. It may have expired or been deleted.";

/**
 * The actor's chat with this id, created on its first message (the id comes
 * from the client, as useChat makes it). Documents added later join the chat;
 * a guest's chat expires with the first of its files. An id that belongs to
 * anyone else is NOT_FOUND, like an id that never existed.
 */
export async function ensureChat(db: Db, actor: Actor, input: { id: string; files: readonly ChatFileInfo[]; question: string }): Promise<{ id: string; created: boolean }> {
  const existing = await db.chat.findFirst({ where: { id: input.id, ...ownedBy(actor) }, select: { id: true, files: { select: { fileId: true } } } });
  if (existing) {
    const known = new Set(existing.files.map((file) => file.fileId));
    const added = input.files.filter((file) => !known.has(file.id));
    if (added.length > 0) await addFiles(db, actor, input.id, added);
    return { id: existing.id, created: false };
  }
  // ON CONFLICT DO NOTHING: of two first messages at once, one creates the chat;
  // nothing is created either when the id is someone else's chat.
  const { count } = await db.chat.createMany({
    data: [{ id: input.id, ...ownerOf(actor), title: chatTitleFrom(input.question), expiresAt: chatExpiresAt(actor.kind, input.files) }],
    skipDuplicates: true,
  });
  if (count === 0) {
    const raced = await db.chat.findFirst({ where: { id: input.id, ...ownedBy(actor) }, select: { id: true } });
    if (!raced) throw new AppError("NOT_FOUND", NOT_FOUND);
    return ensureChat(db, actor, input);
  }
  await db.chatFile.createMany({ data: input.files.map((file) => ({ chatId: input.id, fileId: file.id })), skipDuplicates: true });
  return { id: input.id, created: true };
}

async function addFiles(db: Db, actor: Actor, chatId: string, added: readonly ChatFileInfo[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.chatFile.createMany({ data: added.map((file) => ({ chatId, fileId: file.id })), skipDuplicates: true });
    const files = await tx.file.findMany({ where: { chats: { some: { chatId } } }, select: { expiresAt: true } });
    await tx.chat.update({ where: { id: chatId }, data: { expiresAt: chatExpiresAt(actor.kind, files) } });
  });
}
