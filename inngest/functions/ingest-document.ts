import { getEmbeddingModel } from "@/server/ai/get-embedding-model";
import { env } from "@/env";
import { db } from "@/server/db";
import { EMBED_BATCH_SIZE, embedChunkBatchOrSkip } from "@/server/services/documents/embed-chunk-batch";
import { extractDocumentText } from "@/server/services/documents/extract-document-text";
import { beginIngestion, failIngestion, finishIngestion, markEmbedding } from "@/server/services/documents/ingestion-state";
import { getStorage } from "@/server/storage";
import { inngest } from "@/server/events/inngest-client";
import { documentIngestRequested } from "@/server/events/event-types";
import { failFastOnInputError, finalFailureMessage } from "../job-failure";

const GENERIC_FAILURE = "Preparing this document failed. Try again; if it keeps failing, the file may be damaged.";

/**
 * Prepares one file for AI features: claim → text per page (OCR where a page
 * has no text layer) → chunks with the full-text index → embeddings in
 * batches when an embedding model is configured → ready. Every step is
 * idempotent (chunks are replaced, only missing embeddings are computed), so a
 * retry resumes without duplicates; only counts travel through step results.
 */
export const ingestDocumentFunction = inngest.createFunction(
  {
    id: "ingest-document",
    name: "Prepare a document for AI",
    retries: 3,
    // OCR is heavy CPU work: two documents at a time per app, like run-tool.
    concurrency: [{ limit: 2 }, { limit: env.INGEST_CONCURRENCY_PER_OWNER, key: "event.data.ownerKey" }],
    triggers: [documentIngestRequested],
    onFailure: async ({ event, error }) => {
      await failIngestion(db, event.data.event.data.fileId, finalFailureMessage(error, GENERIC_FAILURE));
    },
  },
  async ({ event, step }) => {
    const { fileId } = event.data;
    const begun = await step.run("begin-ingest", () => beginIngestion(db, fileId));
    if (!begun.proceed) return { fileId, outcome: "skipped" as const };

    const model = getEmbeddingModel();
    const extracted = await step.run("extract-text", () =>
      failFastOnInputError(() => extractDocumentText(db, getStorage(), fileId, { ocr: true, embeddings: model !== null })),
    );

    let vectors = model !== null;
    if (model) {
      await step.run("begin-embedding", () => markEmbedding(db, fileId));
      // One step per batch, each with its own id; a bound keeps a bug from looping forever.
      const batches = Math.ceil(extracted.chunkCount / EMBED_BATCH_SIZE) + 1;
      for (let batch = 0; batch < batches; batch += 1) {
        const { remaining, skipped } = await step.run(`embed-chunks-${batch}`, () => embedChunkBatchOrSkip(db, fileId, model));
        if (skipped !== null) vectors = false;
        if (remaining === 0) break;
      }
    }

    // Without vectors (none configured, or the provider refused them) the document is searched by full text.
    await step.run("finish-ingest", () => finishIngestion(db, fileId, vectors ? (model?.modelId ?? null) : null));
    return { fileId, outcome: "ready" as const, ...extracted };
  },
);
