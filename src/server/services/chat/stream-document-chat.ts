import "server-only";
import type { EmbeddingModelV4, LanguageModelV4 } from "@ai-sdk/provider";
import { createId } from "@paralleldrive/cuid2";
import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { z } from "zod";
import { buildDocumentPrompt } from "@/server/ai/build-document-prompt";
import type { DocumentChunk } from "@/server/ai/document-context";
import { describeAiFailure, mapAiError } from "@/server/ai/map-ai-error";
import { STREAM_RESPONSE_HEADERS } from "@/server/ai/stream-response-headers";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Logger } from "@/server/logger";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { meterLanguageModel } from "@/server/ai/meter-language-model";
import { recordAiTokens } from "@/server/quotas/record-ai-tokens";
import type { SendIngestEvent } from "@/server/services/documents/request-document-ingestion";
import type { StorageDriver } from "@/server/storage/types";
import { MAX_QUESTION_CHARS } from "@/shared/limits";
import { saveAssistantMessage, saveUserMessage } from "./chat-messages";
import { ensureChat } from "./ensure-chat";
import { type ChatFileInfo, loadChatFiles } from "./load-chat-files";
import { type DocumentReadiness, prepareChatDocuments } from "./prepare-chat-documents";
import { describeUnready, respondWithNotice } from "./preparing-reply";
import { retrievePassages } from "./retrieve-passages";

// Earlier turns give follow-up questions their context; older ones only cost tokens.
const HISTORY_MESSAGES = 12;
const MAX_ANSWER_TOKENS = 1_500;

export type DocumentChatRequest = { chatId: string; message: unknown; fileIds: readonly string[] };

export type DocumentChatContext = {
  db: Db;
  storage: StorageDriver;
  actor: Actor;
  log: Logger;
  model: LanguageModelV4;
  embeddingModel: EmbeddingModelV4 | null;
  /** Cap on document text per request (see fit-context.ts for the default). */
  maxContextChars?: number;
  /** The request's signal: "stop" in the UI (or a closed tab) stops the model call. */
  signal?: AbortSignal;
  sendIngestEvent?: SendIngestEvent;
};

// Only the new question comes from the client; everything before it is read from the database.
const userMessageSchema = z.object({
  id: z.string().min(1).max(100),
  role: z.literal("user"),
  parts: z.array(z.object({ type: z.literal("text"), text: z.string().max(MAX_QUESTION_CHARS) })).min(1).max(20),
});

function parseQuestion(message: unknown): { message: UIMessage; question: string } {
  const parsed = userMessageSchema.safeParse(message);
  const question = parsed.success ? parsed.data.parts.map((part) => part.text).join("\n").trim() : "";
  if (!parsed.success || !question) throw new AppError("BAD_REQUEST", "Send a question as text, up to 4,000 characters.");
  return { message: parsed.data, question };
}

/**
 * One turn of a document chat, as a UI message stream for useChat: checks
 * ownership of every file and of the chat, stores the question, makes sure the
 * documents are prepared, checks the AI token quota, retrieves the passages
 * that match, and streams the model's cited answer. The answer is stored when
 * the stream ends (also when stopped); tokens used are counted against the quota.
 * No tools are passed to the model, so nothing in a document can call one.
 */
/** The passages that answer the question, once every document is ready; else what is not. */
async function findPassages(ctx: DocumentChatContext, files: ChatFileInfo[], question: string): Promise<{ passages: DocumentChunk[] } | { unready: DocumentReadiness }> {
  const readiness = await prepareChatDocuments(ctx.db, ctx.actor, files, { storage: ctx.storage, embeddingModel: ctx.embeddingModel, send: ctx.sendIngestEvent });
  if (readiness.ready.length < files.length) return { unready: readiness };
  return { passages: await retrievePassages(ctx.db, ctx.actor, { fileIds: files.map((file) => file.id), question, embeddingModel: ctx.embeddingModel }) };
}

export async function streamDocumentChat(ctx: DocumentChatContext, request: DocumentChatRequest): Promise<Response> {
  const { db, actor } = ctx;
  const { message, question } = parseQuestion(request.message);
  // Independent reads and writes run side by side: every database round trip
  // before the model call is time the person waits for the first word.
  const [files] = await Promise.all([loadChatFiles(db, actor, request.fileIds), assertWithinQuota(db, actor, "AI_TOKENS")]);
  const [{ chat, history }, found] = await Promise.all([
    ensureChat(db, actor, { id: request.chatId, files, question }).then(async (chat) => ({ chat, history: await saveUserMessage(db, chat, message) })),
    findPassages(ctx, files, question),
  ]);
  if ("unready" in found) return respondWithNotice(describeUnready(found.unready), history, createId());
  const { passages } = found;
  const prompt = buildDocumentPrompt({
    task: "answer",
    chunks: passages,
    history: await convertToModelMessages(history.slice(-HISTORY_MESSAGES)),
    maxContextChars: ctx.maxContextChars,
  });
  const log = ctx.log.child({ chatId: chat.id });
  log.info({ passages: prompt.context.included.length, dropped: prompt.context.droppedChunks }, "answering a document question");

  const result = streamText({
    // Counted when the answer ends, and estimated when Stop cuts it off (the provider then never reports usage).
    model: meterLanguageModel(ctx.model, recordAiTokens(db, actor, log)),
    ...prompt.options,
    stopWhen: stepCountIs(1),
    maxOutputTokens: MAX_ANSWER_TOKENS,
    abortSignal: ctx.signal,
    onError: ({ error }) => log.warn(describeAiFailure(error), "the AI provider failed while answering"),
  });
  return result.toUIMessageStreamResponse({
    headers: STREAM_RESPONSE_HEADERS,
    originalMessages: history,
    generateMessageId: createId,
    onEnd: async ({ responseMessage }) => {
      try {
        await saveAssistantMessage(db, chat.id, responseMessage);
      } catch (error) {
        log.error({ err: error }, "could not store an answer");
      }
    },
    // What useChat shows as the error: a sentence a person can act on, never a stack or a key.
    onError: (error) => mapAiError(error).message,
  });
}
