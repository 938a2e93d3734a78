import "server-only";
import type { UIMessage } from "ai";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isExpired } from "@/server/retention/retention-policy";
import { readChatMessages } from "./chat-messages";

const NOT_FOUND = "Chat not found. It may have expired or been deleted.";

export type ChatSummary = {
  id: string;
  title: string;
  updatedAt: Date;
  expiresAt: Date | null;
  files: { id: string; name: string; mimeType: string }[];
};

const summarySelect = {
  id: true,
  title: true,
  updatedAt: true,
  expiresAt: true,
  // Files that expired or were deleted drop out; the chat keeps its messages.
  files: { select: { file: { select: { id: true, name: true, mimeType: true, expiresAt: true } } } },
} as const;

type SummaryRow = { id: string; title: string; updatedAt: Date; expiresAt: Date | null; files: { file: { id: string; name: string; mimeType: string; expiresAt: Date | null } }[] };

function toSummary(row: SummaryRow, now = new Date()): ChatSummary {
  const files = row.files.map(({ file }) => file).filter((file) => !isExpired(file.expiresAt, now));
  return { id: row.id, title: row.title, updatedAt: row.updatedAt, expiresAt: row.expiresAt, files: files.map(({ id, name, mimeType }) => ({ id, name, mimeType })) };
}

/** The actor's chats, most recently active first. */
export async function listChats(db: DbTx, actor: Actor, input: { limit: number }): Promise<ChatSummary[]> {
  const rows = await db.chat.findMany({ where: ownedBy(actor), orderBy: { updatedAt: "desc" }, take: input.limit, select: summarySelect });
  return rows.map((row) => toSummary(row));
}

/** One chat with its messages, as useChat takes them; NOT_FOUND for anyone but its owner. */
export async function getChat(db: DbTx, actor: Actor, id: string): Promise<ChatSummary & { messages: UIMessage[] }> {
  const row = await db.chat.findFirst({ where: { id, ...ownedBy(actor) }, select: summarySelect });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  return { ...toSummary(row), messages: await readChatMessages(db, id) };
}

/** Deletes the chat and its messages (the documents stay). */
export async function deleteChat(db: DbTx, actor: Actor, id: string): Promise<{ id: string }> {
  const { count } = await db.chat.deleteMany({ where: { id, ...ownedBy(actor) } });
  if (count === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
  return { id };
}
