import "server-only";
import { documentWrapperLength, formatPage, type DocumentChunk } from "./document-context";
import { splitSentences } from "./offline/text-analysis";

/** About 6,000 tokens of document text: room for the answer even in 8k-context local models. */
export const DEFAULT_MAX_CONTEXT_CHARS = 24_000;

export type FittedContext = { included: DocumentChunk[]; droppedChunks: number; trimmed: boolean };

/** Cuts `text` after the last whole sentence whose formatted page still fits in `budget`. */
function trimToSentences(chunk: DocumentChunk, budget: number): DocumentChunk | undefined {
  // The same sentence splitter as the offline model, so "$18.4 million" is not taken for a sentence end.
  let text = "";
  for (const sentence of splitSentences(chunk.text)) {
    const next = text ? `${text} ${sentence}` : sentence;
    if (formatPage({ page: chunk.page, text: next }).length + 1 > budget) break;
    text = next;
  }
  return text.trim() ? { ...chunk, text: text.trim() } : undefined;
}

/**
 * Keeps the best-ranked chunks (the order given is the ranking, best first)
 * whose formatted context fits in `maxChars`, dropping the lowest-ranked ones
 * whole. Only when even the best chunk is too large is it cut, and then at a
 * sentence end, so a model never sees half a sentence presented as a quote.
 */
export function fitChunksToBudget(chunks: readonly DocumentChunk[], maxChars = DEFAULT_MAX_CONTEXT_CHARS): FittedContext {
  const included: DocumentChunk[] = [];
  const files = new Set<string>();
  let used = 0;
  for (const chunk of chunks) {
    // An upper bound of the formatted length: each page and file wrapper with its separator.
    const cost = formatPage(chunk).length + 1 + (files.has(chunk.fileName) ? 0 : documentWrapperLength(chunk.fileName));
    if (used + cost > maxChars) break;
    included.push(chunk);
    files.add(chunk.fileName);
    used += cost;
  }
  const first = chunks[0];
  if (included.length === 0 && first) {
    const trimmed = trimToSentences(first, maxChars - documentWrapperLength(first.fileName));
    return { included: trimmed ? [trimmed] : [], droppedChunks: chunks.length - (trimmed ? 1 : 0), trimmed: Boolean(trimmed) };
  }
  return { included, droppedChunks: chunks.length - included.length, trimmed: false };
}
