import "server-only";
import type { DbTx } from "@/server/db";
import { IN_PROGRESS_STATUSES, PROGRESS } from "./document-status";

/**
 * Claims a document for an ingestion run: true when it is waiting or was
 * interrupted mid-run (a retry), false when it is ready, failed by a later
 * request, or gone with its file — then the run has nothing to do.
 */
export async function beginIngestion(db: DbTx, fileId: string): Promise<{ proceed: boolean }> {
  const { count } = await db.document.updateMany({
    where: { fileId, status: { in: [...IN_PROGRESS_STATUSES] } },
    data: { status: "extracting", error: null },
  });
  if (count > 0) await db.document.updateMany({ where: { fileId, progress: { lt: PROGRESS.started } }, data: { progress: PROGRESS.started } });
  return { proceed: count > 0 };
}

export async function markEmbedding(db: DbTx, fileId: string): Promise<void> {
  await db.document.updateMany({ where: { fileId, status: { in: [...IN_PROGRESS_STATUSES] } }, data: { status: "embedding" } });
}

/** Ready, with the embedding model the vectors came from (null: full-text search only). */
export async function finishIngestion(db: DbTx, fileId: string, embeddingModel: string | null): Promise<void> {
  await db.document.updateMany({
    where: { fileId, status: { in: [...IN_PROGRESS_STATUSES] } },
    data: { status: "ready", progress: PROGRESS.ready, embeddingModel, error: null },
  });
}

/** Failed, with a message a person can read (never a stack trace). */
export async function failIngestion(db: DbTx, fileId: string, message: string): Promise<void> {
  await db.document.updateMany({ where: { fileId }, data: { status: "failed", error: message.slice(0, 500) } });
}
