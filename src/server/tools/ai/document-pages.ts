import "server-only";
import type { ToolProgress } from "../types";

// The text of a document page by page: what ingestion chunks and what the AI
// tools put in a prompt. Page numbers are 1-based and match what a viewer shows
// (and what GET /api/files/:id/pages/:page renders).

export type DocumentPage = { page: number; text: string };

export type DocumentPages = {
  pages: DocumentPage[];
  pageCount: number;
  /** Pages whose text was read by OCR. */
  ocrPages: number[];
  /** Pages with no text at all, e.g. a scan when OCR was off or beyond the OCR page cap. */
  unreadPages: number[];
};

export type ReadPagesOptions = {
  /** Read pages without a text layer (and images) with OCR. */
  ocr: boolean;
  progress?: ToolProgress;
  signal?: AbortSignal;
  /** A page OCR has not read by then stays unread (default OCR_PAGE_TIMEOUT_MS). */
  ocrPageTimeoutMs?: number;
};

/**
 * A page of print reads in about 8 s at 300 dpi here; a photo-like page can
 * keep tesseract busy for minutes and still read as noise. Past this it is
 * left unread, so the rest of the document is ready instead of waiting.
 */
export const OCR_PAGE_TIMEOUT_MS = 60_000;

export type DocumentBytes = { name: string; mimeType: string; bytes: Uint8Array };

/** "page 3 has no text layer", "pages 3, 4 and 9 have no text layer": for notes to the user. */
export function describeUnreadPages(unread: readonly number[]): string | null {
  if (unread.length === 0) return null;
  if (unread.length === 1) return `page ${unread[0]} has no text layer`;
  const shown = unread.slice(0, 8);
  const more = unread.length > shown.length ? ` and ${unread.length - shown.length} more` : "";
  const list = more ? shown.join(", ") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  return `pages ${list}${more} have no text layer`;
}
