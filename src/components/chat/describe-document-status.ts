import type { DocumentStatus } from "./chat-types";

/** A document's preparation in a few words: "Reading the text… 40%", "Ready · 10 pages", or why it failed. */
export function describeDocumentStatus(status: DocumentStatus | null): string {
  if (!status || status.status === "not-started" || status.status === "pending") return "Waiting to be prepared…";
  if (status.status === "extracting") return `Reading the text… ${status.progress}%`;
  if (status.status === "embedding") return `Indexing… ${status.progress}%`;
  if (status.status === "failed") return status.error ?? "This document could not be prepared.";
  const pages = status.pageCount === 1 ? "1 page" : `${status.pageCount ?? "?"} pages`;
  return `Ready · ${pages}`;
}
