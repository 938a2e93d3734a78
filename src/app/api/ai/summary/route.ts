import { getLanguageModel } from "@/server/ai/get-language-model";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { resolveFileOwner } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { logger } from "@/server/logger";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";
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
export async function POST(request: Request) {
  try {
    const body = summaryRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError("BAD_REQUEST", body.error.issues[0]?.message ?? "Invalid request.");
    const actor = await resolveFileOwner(request);
    await enforceRateLimit("ai", actor, clientIp(request.headers));
    const log = logger.child({ route: "POST /api/ai/summary", requestId: crypto.randomUUID(), ...(actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId }) });
    return await streamDocumentSummary(
      { db, actor, log, model: getLanguageModel("summarize"), signal: request.signal },
      { tool: body.data.tool, fileId: body.data.fileId, options: body.data.options },
    );
  } catch (error) {
    return toErrorResponse(error, { route: "POST /api/ai/summary" });
  }
}
