import "server-only";
import type { DocumentChunk } from "../document-context";

/** A sentence of a document, with where it came from and its content terms. */
export type Sentence = { text: string; fileName: string; page: number; order: number; terms: string[] };

// Small on purpose: enough to keep "the", "of", "what" from deciding rankings.
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if in into
is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours also may might must shall within without per via
tell say says said please document documents page pages much many happen happened happens mean means describe explain
show find give know talk regarding concerning information details`.split(/\s+/),
);

/** A crude English stemmer: enough that "rates" meets "rate" and "increased" meets "increase". */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  for (const suffix of ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === "ies" || suffix === "ied" ? `${base}y` : base.replace(/e$/, "");
    }
  }
  return word.replace(/e$/, "");
}

/** Content terms of a text: lower-cased, stop words removed, stemmed. */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((word) => word.replace(/['’]s$/, "")).filter((word) => !STOPWORDS.has(word)).map(stem);
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Sentences of a page's text. Single line breaks are joined first (PDF text
 * breaks lines mid-sentence); blank lines end a sentence. An abbreviation the
 * segmenter took for a sentence ("Dr.", "Fig.", "e.g.") is glued to what follows.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.replace(/-\n(?=\p{Ll})/gu, "").split(/\n\s*\n/)) {
    let carry = "";
    for (const { segment } of segmenter.segment(paragraph.replace(/\s+/g, " ").trim())) {
      const sentence = `${carry}${segment}`.trim();
      if (/^(?:\p{L}{1,4}|\p{L}+(?:\.\p{L}+)+)\.$/u.test(segment.trim())) {
        carry = `${sentence} `;
      } else if (sentence) {
        sentences.push(sentence);
        carry = "";
      }
    }
    if (carry.trim()) sentences.push(carry.trim());
  }
  return sentences;
}

/** Every sentence of the chunks, numbered in the order the chunks are given. */
export function toSentences(chunks: readonly DocumentChunk[]): Sentence[] {
  return chunks.flatMap((chunk) => splitSentences(chunk.text).map((text) => ({ text, fileName: chunk.fileName, page: chunk.page, terms: terms(text) })))
    .map((sentence, order) => ({ ...sentence, order }));
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Tokens as people budget them: about 1.3 per English word. */
export function estimateTokens(text: string): number {
  return Math.ceil(countWords(text) * 1.3);
}
