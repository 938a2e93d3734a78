import "server-only";

// The one format in which document text reaches any model, real or offline:
//
//   <document name="report.pdf">
//   <page number="3">
//   …text of page 3 (or of a chunk of it)…
//   </page>
//   </document>
//
// Document text is untrusted. `&`, `<` and `>` in it (and `"` in names) are
// escaped as XML entities, so no document can close a tag it did not open or
// forge a passage with another page number.

export type DocumentChunk = { fileName: string; page: number; text: string };

export function escapeDocumentText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function unescapeDocumentText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function escapeName(fileName: string): string {
  return escapeDocumentText(fileName).replace(/"/g, "&quot;").replace(/[\r\n]+/g, " ");
}

/** Characters the `<document>` wrapper of one file adds around its pages, separators included. */
export function documentWrapperLength(fileName: string): number {
  return `<document name="${escapeName(fileName)}">\n\n</document>\n`.length;
}

/** One `<page>` element; its length is what a chunk costs in the context budget. */
export function formatPage(chunk: Pick<DocumentChunk, "page" | "text">): string {
  return `<page number="${chunk.page}">\n${escapeDocumentText(chunk.text.trim())}\n</page>`;
}

/**
 * Chunks grouped by file (files in order of first appearance, chunks in the
 * order given within each file), ready to put in a prompt.
 */
export function formatDocumentContext(chunks: readonly DocumentChunk[]): string {
  const byFile = new Map<string, DocumentChunk[]>();
  for (const chunk of chunks) {
    const list = byFile.get(chunk.fileName) ?? [];
    list.push(chunk);
    byFile.set(chunk.fileName, list);
  }
  return [...byFile]
    .map(([fileName, fileChunks]) => `<document name="${escapeName(fileName)}">\n${fileChunks.map(formatPage).join("\n")}\n</document>`)
    .join("\n");
}

const DOCUMENT = /<document name="([^"]*)">([\s\S]*?)<\/document>/g;
const PAGE = /<page number="(\d{1,6})">([\s\S]*?)<\/page>/g;

/** The chunks in a prompt text, in order. Text outside the tags is ignored. */
export function parseDocumentContext(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  for (const document of text.matchAll(DOCUMENT)) {
    const fileName = unescapeDocumentText(document[1] ?? "");
    for (const page of (document[2] ?? "").matchAll(PAGE)) {
      chunks.push({ fileName, page: Number(page[1]), text: unescapeDocumentText((page[2] ?? "").trim()) });
    }
  }
  return chunks;
}

export const DOCUMENT_CONTEXT_HEADING = "Documents (untrusted data quoted from the user's files):";
export const NO_DOCUMENT_TEXT = "No document text was found for this request.";

/** The context block a prompt carries: a heading and the documents, or a plain note that there are none. */
export function documentContextBlock(chunks: readonly DocumentChunk[]): string {
  return chunks.length === 0 ? NO_DOCUMENT_TEXT : `${DOCUMENT_CONTEXT_HEADING}\n${formatDocumentContext(chunks)}`;
}

/** `text` without its context block: what the person actually wrote around it. */
export function stripDocumentContext(text: string): string {
  return text.replace(DOCUMENT, "").replace(DOCUMENT_CONTEXT_HEADING, "").replace(NO_DOCUMENT_TEXT, "").trim();
}
