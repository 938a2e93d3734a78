import "server-only";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { stepCountIs, streamText } from "ai";
import { encodeSummaryNotes, SUMMARY_NOTES_HEADER } from "@/shared/summary-notes-header";
import { describeAiFailure, mapAiError } from "@/server/ai/map-ai-error";
import { STREAM_RESPONSE_HEADERS } from "@/server/ai/stream-response-headers";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Logger } from "@/server/logger";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { loadChatFiles } from "@/server/services/chat/load-chat-files";
import { isOfflineModel, resultNotes } from "@/server/tools/ai/ai-tool-support";
import { isDocumentType } from "@/server/tools/ai/read-document-pages";
import { loadPreparedDocument } from "./load-prepared-document";
import { meterLanguageModel } from "@/server/ai/meter-language-model";
import { recordAiTokens } from "@/server/quotas/record-ai-tokens";
import { STREAMED_TOOLS, type StreamedToolId } from "./streamed-tools";

export type DocumentSummaryRequest = { tool: StreamedToolId; fileId: string; options: unknown };

export type DocumentSummaryContext = {
  db: Db;
  actor: Actor;
  log: Logger;
  model: LanguageModelV4;
  /** Cap on document text per request (see fit-context.ts for the default). */
  maxContextChars?: number;
  /** The request's signal: Stop in the UI (or a closed tab) stops the model call. */
  signal?: AbortSignal;
};

/**
 * "Summarize" or "Key points" of one prepared document, streamed for the
 * tool page's useCompletion. Everything that can be refused is checked before
 * the first byte, as JSON errors with their status: options (400), ownership
 * (404, as for a file that never existed), the file type (400), the AI token
 * quota (429), and preparation (409 while under way, 422 when it failed).
 * The model call is the job's (summary-calls.ts); no tools are passed, so
 * nothing in a document can call one. Tokens count against the quota when
 * the stream ends or is stopped.
 */
export async function streamDocumentSummary(ctx: DocumentSummaryContext, request: DocumentSummaryRequest): Promise<Response> {
  const { db, actor } = ctx;
  const tool = STREAMED_TOOLS[request.tool];
  const buildCall = tool.withOptions(request.options);
  const [file] = await loadChatFiles(db, actor, [request.fileId]);
  if (!file) throw new AppError("NOT_FOUND", "File not found. It may have expired or been deleted.");
  if (!isDocumentType(file.mimeType)) {
    throw new AppError("BAD_REQUEST", `“${file.name}” is not a PDF, text file or image, so its ${tool.result.noun} cannot be written.`);
  }
  await assertWithinQuota(db, actor, "AI_TOKENS");
  const document = await loadPreparedDocument(db, file);

  const { call, context } = buildCall(document.passages, ctx.maxContextChars);
  const notes = resultNotes(document, context, isOfflineModel(ctx.model));
  const log = ctx.log.child({ tool: request.tool, fileId: file.id });
  log.info({ pages: context.included.length, dropped: context.droppedChunks }, "streaming a document result");

  const result = streamText({
    // Counted when the answer ends, and estimated when Stop cuts it off (the provider then never reports usage).
    model: meterLanguageModel(ctx.model, recordAiTokens(db, actor, log)),
    ...call,
    stopWhen: stepCountIs(1),
    abortSignal: ctx.signal,
    onError: ({ error }) => log.warn(describeAiFailure(error), "the AI provider failed while streaming a result"),
  });
  // A UI message stream, not plain text: a provider failure mid-stream then
  // arrives as an error chunk, which useCompletion ("data" protocol) raises as
  // an error with exactly this sentence, instead of a silently cut-off text.
  return result.toUIMessageStreamResponse({
    headers: { [SUMMARY_NOTES_HEADER]: encodeSummaryNotes(notes), ...STREAM_RESPONSE_HEADERS },
    onError: (error) => mapAiError(error).message,
  });
}
