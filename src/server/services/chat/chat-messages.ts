import "server-only";
import type { UIMessage } from "ai";
import type { Db, DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";

/** A stored message as useChat knows it. Parts were written by this code from AI SDK UI messages. */
function toUIMessage(row: { id: string; role: string; parts: Prisma.JsonValue }): UIMessage {
  const role = row.role === "assistant" || row.role === "system" ? row.role : "user";
  return { id: row.id, role, parts: (Array.isArray(row.parts) ? row.parts : []) as UIMessage["parts"] };
}

export async function readChatMessages(db: DbTx, chatId: string): Promise<UIMessage[]> {
  const rows = await db.message.findMany({ where: { chatId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, role: true, parts: true } });
  return rows.map(toUIMessage);
}

/**
 * Stores the user's new message and returns the conversation up to it, from
 * the database rather than from the request: the client cannot rewrite what
 * the assistant said earlier. A message that is already stored is a
 * regenerate: the answers after it are dropped and it is answered again.
 */
export async function saveUserMessage(db: Db, chat: { id: string; created: boolean }, message: UIMessage): Promise<UIMessage[]> {
  const chatId = chat.id;
  // A chat created for this very message has no history and no regenerate:
  // one insert, instead of a transaction of five round trips before the answer starts.
  if (chat.created) {
    const stored = await db.message.createMany({ data: [{ id: message.id, chatId, role: "user", parts: message.parts as Prisma.InputJsonValue }], skipDuplicates: true });
    if (stored.count === 1) return [message];
  }
  return db.$transaction(async (tx) => {
    const stored = await tx.message.findUnique({ where: { id: message.id }, select: { chatId: true, createdAt: true } });
    if (stored && stored.chatId === chatId) {
      await tx.message.deleteMany({ where: { chatId, createdAt: { gt: stored.createdAt } } });
    } else {
      // An id clash with another chat's message gets a fresh id rather than touching that chat.
      const id = stored ? crypto.randomUUID() : message.id;
      await tx.message.create({ data: { id, chatId, role: "user", parts: message.parts as Prisma.InputJsonValue } });
    }
    await tx.chat.update({ where: { id: chatId }, data: { updatedAt: new Date() } });
    return readChatMessages(tx, chatId);
  });
}

/** Stores (or, for a continued message, replaces) the assistant's answer once the stream has ended. */
export async function saveAssistantMessage(db: DbTx, chatId: string, message: UIMessage): Promise<void> {
  const parts = message.parts.filter((part) => part.type !== "step-start");
  if (!parts.some((part) => part.type === "text" && part.text.trim() !== "")) return;
  const data = { role: "assistant", parts: parts as Prisma.InputJsonValue };
  // Scoped by chat, so no id can reach into another chat's messages.
  const { count } = await db.message.updateMany({ where: { id: message.id, chatId }, data });
  if (count === 0) await db.message.create({ data: { id: message.id, chatId, ...data } });
}
