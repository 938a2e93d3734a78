import "server-only";
import type { DocumentChunk } from "@/server/ai/document-context";
import { splitSentences } from "@/server/ai/offline/text-analysis";
import type { DocumentPage } from "./document-pages";

// Retrieval units: about 800–1200 characters of whole sentences. A chunk may
// run over a page break (a short page would otherwise be a chunk of its own);
// the break is kept in its text as a form feed per page turned, so the chunk
// can be handed to a model as passages that each carry their true page.

export const PAGE_BREAK = "\f";
const MIN_CHARS = 800;
const MAX_CHARS = 1200;
/** At a page break a chunk this long is closed rather than carried onto the next page. */
const CLOSE_AT_PAGE_BREAK = 400;
/** The last sentence of a chunk is repeated at the start of the next when it is this short. */
const MAX_OVERLAP = 200;

export type TextChunk = { position: number; pageStart: number; pageEnd: number; text: string };

type Sentence = { page: number; text: string };

/** A sentence longer than a chunk (a table row, a run-on line) in pieces cut between words. */
function splitLong(text: string): string[] {
  if (text.length <= MAX_CHARS) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_CHARS) {
    const cut = rest.lastIndexOf(" ", MAX_CHARS);
    const at = cut > MAX_CHARS / 2 ? cut : MAX_CHARS;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  return rest ? [...pieces, rest] : pieces;
}

function joinSentences(sentences: readonly Sentence[]): string {
  let text = "";
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (previous) text += sentence.page > previous.page ? PAGE_BREAK.repeat(sentence.page - previous.page) : " ";
    text += sentence.text;
  });
  return text;
}

/** Pages in order → chunks in order, positions from 0. */
export function splitIntoChunks(pages: readonly DocumentPage[]): TextChunk[] {
  const sentences = pages.flatMap((page) => splitSentences(page.text).flatMap(splitLong).map((text) => ({ page: page.page, text })));
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const last = current.at(-1);
    const pageTurn = last !== undefined && sentence.page !== last.page;
    const full = length >= MIN_CHARS || length + 1 + sentence.text.length > MAX_CHARS || (pageTurn && length >= CLOSE_AT_PAGE_BREAK);
    if (last && full) {
      groups.push(current);
      // A little overlap keeps a fact that straddles two chunks findable; never across a page turn.
      current = !pageTurn && last.text.length <= MAX_OVERLAP ? [last] : [];
      length = current.reduce((sum, item) => sum + item.text.length + 1, 0);
    }
    current.push(sentence);
    length += sentence.text.length + 1;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, position) => ({
    position,
    pageStart: group[0]?.page ?? 1,
    pageEnd: group.at(-1)?.page ?? 1,
    text: joinSentences(group),
  }));
}

/** A stored chunk as the prompt's passages: one per page it spans, each with its own page number. */
export function toPromptPassages(chunk: Pick<TextChunk, "pageStart" | "text">, fileName: string): DocumentChunk[] {
  return chunk.text
    .split(PAGE_BREAK)
    .map((text, offset) => ({ fileName, page: chunk.pageStart + offset, text: text.trim() }))
    .filter((passage) => passage.text !== "");
}
