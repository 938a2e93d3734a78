import "server-only";

// The life of a Document row (Document.status is a plain string column):
//   pending → extracting → embedding (only with an embedding model) → ready
//                                   ↘ failed (Document.error says why)
export const DOCUMENT_STATUSES = ["pending", "extracting", "embedding", "ready", "failed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Statuses in which an ingestion run is (or should be) under way. */
export const IN_PROGRESS_STATUSES: readonly DocumentStatus[] = ["pending", "extracting", "embedding"];

export function isDocumentStatus(value: string): value is DocumentStatus {
  return (DOCUMENT_STATUSES as readonly string[]).includes(value);
}

// Progress bands: text extraction (and OCR) takes the bulk; embedding the rest.
export const PROGRESS = { started: 2, extracted: 70, extractedWithoutEmbeddings: 95, ready: 100 } as const;
