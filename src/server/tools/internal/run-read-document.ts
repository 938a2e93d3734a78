import "server-only";
import { readDocumentPages } from "../ai/read-document-pages";
import { splitIntoChunks } from "../ai/split-into-chunks";
import type { ToolInputFile, ToolOutputFile, ToolProgress } from "../types";
import type { DocumentText } from "./preview-outcomes";

type Run = { inputs: readonly ToolInputFile[]; options: { ocr: boolean }; progress: ToolProgress; signal: AbortSignal };

/**
 * The worker side of ingestion: the text page by page (OCR where a page has
 * none and `ocr` is on), already split into the chunks the database stores,
 * so the web process only writes rows.
 */
export async function runReadDocument({ inputs, options, progress, signal }: Run): Promise<ToolOutputFile[]> {
  const [input] = inputs;
  if (!input) throw new Error("reading a document takes one file");
  const read = await readDocumentPages({ name: input.name, mimeType: input.mimeType, bytes: await input.read() }, { ocr: options.ocr, progress, signal });
  const result: DocumentText = { pageCount: read.pageCount, unreadPages: read.unreadPages, ocrPages: read.ocrPages, chunks: splitIntoChunks(read.pages) };
  return [{ name: "document.json", mimeType: "application/json", data: new TextEncoder().encode(JSON.stringify(result)) }];
}
