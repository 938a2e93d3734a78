import "server-only";
import type { Db } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";
import { readDocumentPages } from "@/server/tools/ai/read-document-pages";
import { splitIntoChunks } from "@/server/tools/ai/split-into-chunks";
import { ToolInputError } from "@/server/tools/tool-error";
import { PROGRESS } from "./document-status";
import { storeDocumentChunks } from "./store-document-chunks";
import { createIngestProgressWriter } from "./write-ingest-progress";

export type ExtractedText = { pageCount: number; chunkCount: number; unreadPages: number[]; ocrPages: number[] };

/**
 * Reads the file's text page by page (OCR for pages without a text layer when
 * `ocr` is on), splits it into chunks and stores them with their full-text
 * vectors, replacing any from an earlier attempt. Returns counts only: the
 * text itself never travels through step results.
 */
export async function extractDocumentText(db: Db, storage: StorageDriver, fileId: string, options: { ocr: boolean; embeddings: boolean }): Promise<ExtractedText> {
  const file = await db.file.findUniqueOrThrow({ where: { id: fileId }, select: { name: true, mimeType: true, storageKey: true } });
  const end = options.embeddings ? PROGRESS.extracted : PROGRESS.extractedWithoutEmbeddings;
  const progress = createIngestProgressWriter(db, fileId, PROGRESS.started, end);
  const bytes = await storage.readBytes(file.storageKey);
  const read = await readDocumentPages({ name: file.name, mimeType: file.mimeType, bytes }, { ocr: options.ocr, progress: progress.report });
  await progress.flush();
  const chunks = splitIntoChunks(read.pages);
  if (chunks.length === 0) {
    const why = read.unreadPages.length > 0 ? "it has no text layer (a scan or photo) and no text could be recognised" : "it contains no text";
    throw new ToolInputError(`${file.name} cannot be used for questions: ${why}.`, { fileName: file.name });
  }
  await storeDocumentChunks(db, fileId, chunks);
  await db.document.update({ where: { fileId }, data: { pageCount: read.pageCount, progress: end } });
  return { pageCount: read.pageCount, chunkCount: chunks.length, unreadPages: read.unreadPages, ocrPages: read.ocrPages };
}
