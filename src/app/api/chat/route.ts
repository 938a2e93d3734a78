import { getEmbeddingModel } from "@/server/ai/get-embedding-model";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { db } from "@/server/db";
import { jsonRoute } from "@/server/http/json-route";
import { streamDocumentChat } from "@/server/services/chat/stream-document-chat";
import { getStorage } from "@/server/storage";
import { chatRequestSchema } from "./chat-request-schema";

// Long answers from slow local models, and a small document prepared inline on a first question.
export const maxDuration = 60;
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * POST /api/chat — { id, messages, fileIds } → a UI message stream (useChat).
 * Errors before streaming (bad body, someone else's file or chat, quota) are
 * JSON `{ error }` with their status; provider errors during the stream reach
 * useChat as a readable message.
 */
export const POST = jsonRoute({ route: "POST /api/chat", body: chatRequestSchema, caller: "visitor", rateLimit: "chat" }, ({ request, body, actor, log }) =>
  streamDocumentChat(
    { db, storage: getStorage(), actor, log, model: getLanguageModel("chat"), embeddingModel: getEmbeddingModel(), signal: request.signal },
    { chatId: body.id, message: body.messages.at(-1), fileIds: body.fileIds },
  ),
);
