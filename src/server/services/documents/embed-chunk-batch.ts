import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { embedMany } from "ai";
import { mapAiError } from "@/server/ai/map-ai-error";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { logger } from "@/server/logger";
import { PROGRESS } from "./document-status";
import { getVectorStore, normalize, toVectorLiteral } from "./vector-store";

export const EMBED_BATCH_SIZE = 64;

type PendingChunk = { id: string; text: string };

/**
 * Embeds the next batch of a document's chunks that have no embedding yet and
 * stores them (pgvector column or real[], see vector-store.ts). Only chunks
 * still without one are picked, so a retried batch redoes nothing it stored.
 */
export async function embedChunkBatch(db: DbTx, fileId: string, model: EmbeddingModelV4, batchSize = EMBED_BATCH_SIZE) {
  const store = await getVectorStore(db);
  const missing = store === "pgvector" ? Prisma.sql`"embeddingVector" IS NULL` : Prisma.sql`coalesce(cardinality("embedding"), 0) = 0`;
  const pending = await db.$queryRaw<PendingChunk[]>`
    SELECT "id", "text" FROM "DocumentChunk" WHERE "fileId" = ${fileId} AND ${missing} ORDER BY "position" LIMIT ${batchSize}`;
  if (pending.length === 0) return { embedded: 0, remaining: 0 };
  // Passages go to the model without page-break characters.
  const { embeddings } = await embedMany({ model, values: pending.map((chunk) => chunk.text.replace(/\f/g, "\n")), maxRetries: 2 });
  const rows = pending.map((chunk, index) => {
    const vector = normalize(embeddings[index] ?? []);
    return Prisma.sql`(${chunk.id}, ${store === "pgvector" ? toVectorLiteral(vector) : vector})`;
  });
  if (store === "pgvector") {
    await db.$executeRaw`UPDATE "DocumentChunk" AS c SET "embeddingVector" = v.e::vector FROM (VALUES ${Prisma.join(rows)}) AS v(id, e) WHERE c."id" = v.id`;
  } else {
    await db.$executeRaw`UPDATE "DocumentChunk" AS c SET "embedding" = v.e::real[] FROM (VALUES ${Prisma.join(rows)}) AS v(id, e) WHERE c."id" = v.id`;
  }
  const [counts = { remaining: 0, total: 0 }] = await db.$queryRaw<{ remaining: number; total: number }[]>`
    SELECT (count(*) FILTER (WHERE ${missing}))::int AS remaining, count(*)::int AS total FROM "DocumentChunk" WHERE "fileId" = ${fileId}`;
  const done = counts.total === 0 ? 1 : (counts.total - counts.remaining) / counts.total;
  const progress = Math.round(PROGRESS.extracted + (PROGRESS.extractedWithoutEmbeddings - PROGRESS.extracted) * done);
  await db.document.updateMany({ where: { fileId, progress: { lt: progress } }, data: { progress } });
  return { embedded: pending.length, remaining: counts.remaining };
}

// Failures no retry fixes (bad key, unknown model, refused input): the
// document is still searchable by full text, so it becomes ready without
// vectors instead of failing. Rate limits and outages are thrown and retried.
const SKIP_EMBEDDINGS = new Set(["auth", "quota", "model-not-found", "bad-request", "context-length"]);

/** A failed batch, retried by the durable function; no passage text travels with it. */
export class EmbeddingBatchError extends Error {
  constructor(message: string, readonly aiError: string) {
    super(message);
    this.name = "EmbeddingBatchError";
  }
}

export type EmbedBatchOutcome = { embedded: number; remaining: number; skipped: string | null };

export async function embedChunkBatchOrSkip(db: DbTx, fileId: string, model: EmbeddingModelV4): Promise<EmbedBatchOutcome> {
  try {
    return { ...(await embedChunkBatch(db, fileId, model)), skipped: null };
  } catch (error) {
    const mapped = mapAiError(error);
    // The SDK's error carries the request (every passage of the batch) and the
    // response body: neither may reach a log or the run store. What is kept
    // says what failed and how big the request was, by ids and sizes.
    const summary = { fileId, model: model.modelId, aiError: mapped.code, status: mapped.status, errorName: error instanceof Error ? error.name : typeof error };
    if (!SKIP_EMBEDDINGS.has(mapped.code)) {
      logger.warn(summary, "embedding batch failed; it will be retried");
      throw new EmbeddingBatchError(mapped.message, mapped.code);
    }
    logger.warn({ ...summary, reason: mapped.message }, "embeddings skipped; the document is searchable by full text only");
    return { embedded: 0, remaining: 0, skipped: mapped.message };
  }
}
