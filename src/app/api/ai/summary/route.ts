import { getLanguageModel } from "@/server/ai/get-language-model";
import { db } from "@/server/db";
import { jsonRoute } from "@/server/http/json-route";
import { streamDocumentSummary } from "@/server/services/ai-tools/stream-document-summary";
import { summaryRequestSchema } from "./summary-request-schema";

// Long summaries from slow local models.
export const maxDuration = 60;
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * POST /api/ai/summary — { tool, fileId, options } → a UI message stream of
 * the summary or key points of one prepared document (useCompletion), with
 * the result's notes in the x-fileforge-notes header. Errors before streaming
 * (bad body, someone else's file, quota, document not ready) are JSON
 * `{ error }` with their status; provider errors during the stream reach
 * useCompletion as a readable message.
 */
export const POST = jsonRoute({ route: "POST /api/ai/summary", body: summaryRequestSchema, caller: "file-owner", rateLimit: "ai" }, ({ request, body, actor, log }) =>
  streamDocumentSummary(
    { db, actor, log, model: getLanguageModel("summarize"), signal: request.signal },
    { tool: body.tool, fileId: body.fileId, options: body.options },
  ),
);
