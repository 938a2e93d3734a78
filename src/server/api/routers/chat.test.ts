import { describe, expect, it } from "vitest";
import { createLanguageModel } from "@/server/ai/create-ai-models";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { streamDocumentChat } from "@/server/services/chat/stream-document-chat";
import { readChatStream, userMessage } from "~/test/support/read-chat-stream";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";

async function startChat(guestId: string, chatId: string) {
  const actor = { kind: "guest" as const, guestId, role: "GUEST" as const };
  const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "notes.txt", bytes: "The boiler was serviced on 3 May 2024 by Hansen Heating." }]));
  const context = { db, storage: getStorage(), actor, log: logger, model: createLanguageModel({ OPENAI_MODEL: "unused" }), embeddingModel: null };
  await readChatStream(await streamDocumentChat(context, { chatId, message: userMessage("When was the boiler serviced?"), fileIds: [file?.id ?? ""] }));
}

describe("chat procedures", () => {
  it("list, get and delete the owner's chats; anyone else gets NOT_FOUND", async () => {
    const owner = createGuestId();
    const chatId = `chat-${createGuestId().replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}`;
    await startChat(owner, chatId);
    const { caller } = callerFor({ guestId: owner });
    expect(await caller.chat.list()).toMatchObject([{ id: chatId, title: "When was the boiler serviced?", files: [{ name: "notes.txt" }] }]);
    const chat = await caller.chat.get({ id: chatId });
    expect(chat.messages.at(-1)?.parts).toContainEqual(expect.objectContaining({ type: "text", text: expect.stringContaining("[notes.txt p. 1]") }));

    const intruder = callerFor({ guestId: createGuestId() }).caller;
    expect(await intruder.chat.list()).toEqual([]);
    await expect(intruder.chat.get({ id: chatId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.chat.delete({ id: chatId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await caller.chat.delete({ id: chatId })).toEqual({ id: chatId });
    expect(await caller.chat.list()).toEqual([]);
    expect(await db.message.count({ where: { chatId } })).toBe(0);
  });
});
