import "server-only";
import { formatCitation } from "@/shared/citations";
import type { DocumentChunk } from "../document-context";
import { ITEMS_PER_LENGTH, type SummaryLength } from "../document-task";
import { rankByQuery, selectSummarySentences } from "./rank-sentences";
import { terms, toSentences, type Sentence } from "./text-analysis";

const NO_TEXT = "There is no document text to work with: the file has no readable text yet, or nothing was selected.";

const NOT_FOUND =
  "I couldn't find that in the document. Offline mode answers only by quoting passages that match your question, so try other words — or set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama) for full answers.";

const MIN_COVERAGE = 0.5;

/** `[p. 3]`, with the file name only when the text spans several files. */
function citeForSummary(sentence: Sentence, manyFiles: boolean): string {
  return formatCitation(manyFiles ? { fileName: sentence.fileName, page: sentence.page } : { page: sentence.page });
}

function spansManyFiles(chunks: readonly DocumentChunk[]): boolean {
  return new Set(chunks.map((chunk) => chunk.fileName)).size > 1;
}

/** Extractive summary: the most central sentences in document order, each with its page. */
export function summarize(chunks: readonly DocumentChunk[], length: SummaryLength = "medium"): string {
  const chosen = selectSummarySentences(toSentences(chunks), ITEMS_PER_LENGTH[length]);
  if (chosen.length === 0) return NO_TEXT;
  const manyFiles = spansManyFiles(chunks);
  return chosen.map((sentence) => `${sentence.text} ${citeForSummary(sentence, manyFiles)}`).join(" ");
}

/** The same sentences as a summary, as a bullet list. */
export function keyPoints(chunks: readonly DocumentChunk[], length: SummaryLength = "medium"): string {
  const chosen = selectSummarySentences(toSentences(chunks), ITEMS_PER_LENGTH[length]);
  if (chosen.length === 0) return NO_TEXT;
  const manyFiles = spansManyFiles(chunks);
  return chosen.map((sentence) => `- ${sentence.text} ${citeForSummary(sentence, manyFiles)}`).join("\n");
}

/**
 * Up to three sentences that best match the question, quoted with file and
 * page. A quote must cover at least half of the question's weight (see
 * rankByQuery); below that the honest answer is that the document does not say.
 */
export function answer(chunks: readonly DocumentChunk[], question: string): string {
  const ranked = rankByQuery(toSentences(chunks), terms(question)).filter((entry) => entry.coverage >= MIN_COVERAGE);
  const best = ranked[0];
  if (!best || best.score <= 0) return NOT_FOUND;
  const quotes = ranked
    .filter((entry) => entry.score >= best.score * 0.6)
    .filter((entry, index, list) => list.findIndex((other) => other.sentence.text === entry.sentence.text) === index)
    .slice(0, 3);
  const lead = spansManyFiles(chunks) ? "From the documents:" : "From the document:";
  const lines = quotes.map(({ sentence }) => `> "${sentence.text}" ${formatCitation({ fileName: sentence.fileName, page: sentence.page })}`);
  return `${lead}\n\n${lines.join("\n\n")}`;
}
