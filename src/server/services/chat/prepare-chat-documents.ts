import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { isDocumentStatus } from "@/server/services/documents/document-status";
import { ingestDocumentNow } from "@/server/services/documents/ingest-document-now";
import { requestDocumentIngestion, type SendIngestEvent } from "@/server/services/documents/request-document-ingestion";
import type { StorageDriver } from "@/server/storage/types";
import { isToolInputError } from "@/server/tools/tool-error";
import type { ChatFileInfo } from "./load-chat-files";

/**
 * Files this small are prepared while the question waits: a text PDF of this
 * size is read and indexed in well under a second. Larger files, and images
 * (OCR takes seconds a page), go to the ingest-document function instead.
 */
export const INLINE_INGEST_MAX_BYTES = 1_500_000;

export type DocumentReadiness = {
  ready: ChatFileInfo[];
  preparing: { name: string; progress: number }[];
  failed: { name: string; error: string }[];
};

type PrepareOptions = { storage: StorageDriver; embeddingModel: EmbeddingModelV4 | null; send?: SendIngestEvent };

const canIngestInline = (file: ChatFileInfo) => file.size <= INLINE_INGEST_MAX_BYTES && (file.mimeType === "application/pdf" || file.mimeType === "text/plain");

async function ingestInline(db: Db, file: ChatFileInfo, options: PrepareOptions): Promise<string | null> {
  try {
    await ingestDocumentNow(db, options.storage, file.id, { embeddingModel: options.embeddingModel, ocr: true });
    return null;
  } catch (error) {
    if (isToolInputError(error)) return error.message;
    throw error;
  }
}

/** Which of the chat's documents can be searched now, which are being prepared, and which cannot be used. */
export async function prepareChatDocuments(db: Db, actor: Actor, files: readonly ChatFileInfo[], options: PrepareOptions): Promise<DocumentReadiness> {
  const readiness: DocumentReadiness = { ready: [], preparing: [], failed: [] };
  for (const file of files) {
    let document = await db.document.findUnique({ where: { fileId: file.id }, select: { status: true, progress: true, error: true } });
    if (!document && canIngestInline(file)) {
      const created = await db.document.createMany({ data: [{ fileId: file.id }], skipDuplicates: true });
      const error = created.count === 1 ? await ingestInline(db, file, options) : null;
      if (error) {
        readiness.failed.push({ name: file.name, error });
        continue;
      }
      document = await db.document.findUnique({ where: { fileId: file.id }, select: { status: true, progress: true, error: true } });
    }
    const status = document && isDocumentStatus(document.status) ? document.status : null;
    if (status === "ready") readiness.ready.push(file);
    else if (status === "failed") readiness.failed.push({ name: file.name, error: document?.error ?? "This document could not be prepared." });
    else {
      // Not started, or under way: make sure a run is queued (a lost run is queued again).
      const view = await requestDocumentIngestion(db, actor, file.id, options.send);
      if (view.status === "ready") readiness.ready.push(file);
      else readiness.preparing.push({ name: file.name, progress: view.progress });
    }
  }
  return readiness;
}
