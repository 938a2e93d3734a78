import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { type DocumentStatus, isDocumentStatus } from "./document-status";

export type DocumentStatusView = {
  fileId: string;
  fileName: string;
  status: DocumentStatus | "not-started";
  progress: number;
  pageCount: number | null;
  error: string | null;
  /** Pages no chunk covers once ready: blank pages, or scans OCR could not read. */
  pagesWithoutText: number[];
  /** "hybrid" when the chunks have embeddings, else "full-text". */
  search: "hybrid" | "full-text";
};

/** Pages no chunk covers: blank pages, or scans OCR could not read. */
export function uncoveredPages(pageCount: number, chunks: readonly { pageStart: number; pageEnd: number }[]): number[] {
  const covered = new Set<number>();
  for (const chunk of chunks) for (let page = chunk.pageStart; page <= chunk.pageEnd; page += 1) covered.add(page);
  return Array.from({ length: pageCount }, (_, index) => index + 1).filter((page) => !covered.has(page));
}

/** How far a file's preparation for AI features is; NOT_FOUND for anyone but its owner. */
export async function getDocumentStatus(db: DbTx, actor: Actor, fileId: string): Promise<DocumentStatusView> {
  const file = await db.file.findFirst({
    where: { id: fileId, ...ownedBy(actor) },
    select: { id: true, name: true, document: { select: { status: true, progress: true, pageCount: true, error: true, embeddingModel: true } } },
  });
  if (!file) throw new AppError("NOT_FOUND", "File not found. It may have expired or been deleted.");
  const document = file.document;
  const base = { fileId: file.id, fileName: file.name };
  if (!document || !isDocumentStatus(document.status)) {
    return { ...base, status: "not-started", progress: 0, pageCount: null, error: null, pagesWithoutText: [], search: "full-text" };
  }
  const ready = document.status === "ready" && document.pageCount !== null;
  const chunks = ready ? await db.documentChunk.findMany({ where: { fileId }, select: { pageStart: true, pageEnd: true } }) : [];
  return {
    ...base,
    status: document.status,
    progress: document.progress,
    pageCount: document.pageCount,
    error: document.error,
    pagesWithoutText: ready && document.pageCount !== null ? uncoveredPages(document.pageCount, chunks) : [],
    search: document.embeddingModel ? "hybrid" : "full-text",
  };
}
