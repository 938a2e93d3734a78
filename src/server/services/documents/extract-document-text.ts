import "server-only";
import type { Db } from "@/server/db";
import type { StorageDriver } from "@/server/storage/types";
import { isDocumentType } from "@/server/tools/ai/read-document-pages";
import { readDocumentTool } from "@/server/tools/internal/internal-tools";
import { documentText } from "@/server/tools/internal/preview-outcomes";
import { parseJsonOutput, runInternalTool, storedInput } from "@/server/tools/internal/run-internal-tool";
import { ToolInputError } from "@/server/tools/tool-error";
import { PROGRESS } from "./document-status";
import { storeDocumentChunks } from "./store-document-chunks";
import { createIngestProgressWriter } from "./write-ingest-progress";

export type ExtractedText = { pageCount: number; chunkCount: number; unreadPages: number[]; ocrPages: number[] };

/**
 * Reads the file's text page by page (OCR for pages without a text layer when
 * `ocr` is on), splits it into chunks and stores them with their full-text
 * vectors, replacing any from an earlier attempt. Reading and splitting run in
 * a tool worker, with a job's budgets; this process only writes the rows.
 * Returns counts only: the text itself never travels through step results.
 */
export async function extractDocumentText(db: Db, storage: StorageDriver, fileId: string, options: { ocr: boolean; embeddings: boolean }): Promise<ExtractedText> {
  const file = await db.file.findUniqueOrThrow({ where: { id: fileId }, select: { name: true, mimeType: true, size: true, storageKey: true } });
  if (!isDocumentType(file.mimeType)) throw new ToolInputError(`${file.name} is not a PDF, text file or image, so its text cannot be read.`, { fileName: file.name });
  const end = options.embeddings ? PROGRESS.extracted : PROGRESS.extractedWithoutEmbeddings;
  const progress = createIngestProgressWriter(db, fileId, PROGRESS.started, end);
  const input = storedInput(file, () => storage.readBytes(file.storageKey));
  const outputs = await runInternalTool(readDocumentTool, { inputs: [input], options: { ocr: options.ocr }, progress: progress.report });
  const { chunks, ...read } = parseJsonOutput(outputs, documentText);
  await progress.flush();
  if (chunks.length === 0) {
    const why = read.unreadPages.length > 0 ? "it has no text layer (a scan or photo) and no text could be recognised" : "it contains no text";
    throw new ToolInputError(`${file.name} cannot be used for questions: ${why}.`, { fileName: file.name });
  }
  await storeDocumentChunks(db, fileId, chunks);
  await db.document.update({ where: { fileId }, data: { pageCount: read.pageCount, progress: end } });
  return { pageCount: read.pageCount, chunkCount: chunks.length, unreadPages: read.unreadPages, ocrPages: read.ocrPages };
}
