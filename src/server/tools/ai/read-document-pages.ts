import "server-only";
import { ToolInputError } from "../tool-error";
import type { DocumentBytes, DocumentPages, ReadPagesOptions } from "./document-pages";
import { readImagePages, readTextPages } from "./read-other-pages";
import { readPdfPages } from "./read-pdf-pages";

/** What AI features read: PDFs, plain text and the images OCR takes. */
export const DOCUMENT_MIME_TYPES = ["application/pdf", "text/plain", "image/jpeg", "image/png", "image/webp", "image/tiff", "image/gif", "image/avif"] as const;

export function isDocumentType(mimeType: string): boolean {
  return (DOCUMENT_MIME_TYPES as readonly string[]).includes(mimeType);
}

/** The text of a PDF, text file or image, page by page (see DocumentPages). */
export async function readDocumentPages(input: DocumentBytes, options: ReadPagesOptions): Promise<DocumentPages> {
  if (input.mimeType === "application/pdf") return readPdfPages(input, options);
  if (input.mimeType === "text/plain") return readTextPages(input);
  if (input.mimeType.startsWith("image/") && isDocumentType(input.mimeType)) return readImagePages(input, options);
  throw new ToolInputError(`${input.name} is not a PDF, text file or image, so its text cannot be read.`, { fileName: input.name });
}
