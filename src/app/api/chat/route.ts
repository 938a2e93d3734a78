import { getEmbeddingModel } from "@/server/ai/get-embedding-model";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { resolveRequestActor } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { logger } from "@/server/logger";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";
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
export async function POST(request: Request) {
  try {
    const body = chatRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError("BAD_REQUEST", body.error.issues[0]?.message ?? "Invalid request.");
    const actor = await resolveRequestActor(request, { createGuest: true });
    if (!actor) throw new AppError("UNAUTHORIZED", "Could not identify you. Enable cookies and try again.");
    await enforceRateLimit("chat", actor, clientIp(request.headers));
    const log = logger.child({ route: "POST /api/chat", requestId: crypto.randomUUID(), ...(actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId }) });
    return await streamDocumentChat(
      { db, storage: getStorage(), actor, log, model: getLanguageModel("chat"), embeddingModel: getEmbeddingModel(), signal: request.signal },
      { chatId: body.data.id, message: body.data.messages.at(-1), fileIds: body.data.fileIds },
    );
  } catch (error) {
    return toErrorResponse(error, { route: "POST /api/chat" });
  }
}
