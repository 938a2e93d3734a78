import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import type { Db } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";
import { isToolInputError } from "@/server/tools/tool-error";
import { embedChunkBatchOrSkip, type EmbedBatchOutcome } from "./embed-chunk-batch";
import { extractDocumentText, type ExtractedText } from "./extract-document-text";
import { beginIngestion, failIngestion, finishIngestion, markEmbedding } from "./ingestion-state";

export type IngestOptions = { embeddingModel: EmbeddingModelV4 | null; ocr: boolean };

/**
 * The same steps as the ingest-document function, in this process and without
 * step memoization: for small documents a chat question waits on (a few
 * pages of text take well under a second) and for tests. The row must be
 * "pending" (see requestDocumentIngestion / createMany) for it to proceed.
 */
export async function ingestDocumentNow(db: Db, storage: StorageDriver, fileId: string, options: IngestOptions): Promise<ExtractedText | null> {
  const { proceed } = await beginIngestion(db, fileId);
  if (!proceed) return null;
  try {
    const extracted = await extractDocumentText(db, storage, fileId, { ocr: options.ocr, embeddings: options.embeddingModel !== null });
    let embedded = false;
    if (options.embeddingModel) {
      await markEmbedding(db, fileId);
      let next: EmbedBatchOutcome = { embedded: 1, remaining: 1, skipped: null };
      while (next.remaining > 0 && next.embedded > 0) next = await embedChunkBatchOrSkip(db, fileId, options.embeddingModel);
      embedded = next.skipped === null;
    }
    await finishIngestion(db, fileId, embedded ? (options.embeddingModel?.modelId ?? null) : null);
    return extracted;
  } catch (error) {
    const message = isToolInputError(error) ? error.message : "Preparing this document failed. Try again; if it keeps failing, the file may be damaged.";
    await failIngestion(db, fileId, message);
    throw error;
  }
}
