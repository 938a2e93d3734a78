import "server-only";
import type { DocumentChunk } from "@/server/ai/document-context";
import { splitSentences } from "@/server/ai/offline/text-analysis";
import { toPromptPassages } from "@/server/tools/ai/split-into-chunks";

// Stored chunks are retrieval units: several per page, one may run over a page
// break, and a short last sentence is repeated at the start of the next chunk.
// A whole-document task wants what the job reads instead: one passage per page.

type StoredChunk = { pageStart: number; text: string };

/** The sentence the next chunk starts with again, if it is one (see split-into-chunks.ts). */
function withoutOverlap(previous: string, next: string): string {
  const last = splitSentences(previous).at(-1);
  if (!last || !next.startsWith(last)) return next;
  return next.slice(last.length).trim();
}

/** Chunks in `position` order → one passage per page with text, in page order. */
export function pagesFromChunks(chunks: readonly StoredChunk[], fileName: string): DocumentChunk[] {
  const pages: DocumentChunk[] = [];
  for (const passage of chunks.flatMap((chunk) => toPromptPassages(chunk, fileName))) {
    const current = pages.at(-1);
    if (current?.page !== passage.page) {
      pages.push(passage);
      continue;
    }
    const text = withoutOverlap(current.text, passage.text);
    if (text) current.text = `${current.text} ${text}`;
  }
  return pages;
}
