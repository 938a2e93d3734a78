import "server-only";
import type { Sentence } from "./text-analysis";

type Vector = Map<string, number>;

function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of terms) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}

function documentFrequencies(sentences: readonly Sentence[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const sentence of sentences) for (const term of new Set(sentence.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/** Unit-length TF-IDF vectors, one per sentence. */
function tfidfVectors(sentences: readonly Sentence[]): Vector[] {
  const df = documentFrequencies(sentences);
  return sentences.map((sentence) => {
    const vector: Vector = new Map();
    for (const [term, tf] of counts(sentence.terms)) vector.set(term, tf * Math.log((sentences.length + 1) / ((df.get(term) ?? 0) + 1)) + 1e-9);
    const norm = Math.hypot(...vector.values()) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [term, weight] of a) sum += weight * (b.get(term) ?? 0);
  return sum;
}

function isSummaryCandidate(sentence: Sentence): boolean {
  const words = sentence.text.split(" ").length;
  return words >= 8 && words <= 60 && sentence.terms.length >= 3 && /[.!?]["')\]]*$/.test(sentence.text);
}

/**
 * The `count` sentences that best represent the text, in document order.
 * Centroid summarization: a sentence scores by its TF-IDF cosine with the
 * centroid of all sentences (what the text is mostly about), nudged up the
 * earlier it comes (openings state the point), and a sentence too similar to
 * one already chosen is skipped so the summary does not repeat itself.
 */
export function selectSummarySentences(sentences: readonly Sentence[], count: number): Sentence[] {
  const candidates = sentences.filter(isSummaryCandidate);
  const pool = candidates.length >= count ? candidates : sentences.filter((sentence) => sentence.terms.length > 0);
  if (pool.length === 0) return [];
  const vectors = tfidfVectors(pool);
  const centroid: Vector = new Map();
  for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight / vectors.length);
  const ranked = pool
    .map((sentence, index) => ({ sentence, index, score: dot(vectors[index] ?? new Map(), centroid) * (1 + 0.25 * (1 - index / pool.length)) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: typeof ranked = [];
  for (const entry of ranked) {
    if (chosen.length >= count) break;
    const vector = vectors[entry.index] ?? new Map();
    if (chosen.some((other) => dot(vector, vectors[other.index] ?? new Map()) > 0.6)) continue;
    chosen.push(entry);
  }
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.order - b.order);
}

/**
 * `coverage` is the share of the question's weight (IDF) a sentence contains:
 * matching a rare word ("Millbrook") counts for more than a common one
 * ("authority"), and a question word the text never uses weighs the most.
 */
export type ScoredSentence = { sentence: Sentence; score: number; coverage: number };

/** BM25 (k1 = 1.2, b = 0.75) of every sentence against the query terms, best first. */
export function rankByQuery(sentences: readonly Sentence[], queryTerms: readonly string[]): ScoredSentence[] {
  const df = documentFrequencies(sentences);
  const idf = new Map([...new Set(queryTerms)].map((term) => [term, Math.log(1 + (sentences.length - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5))]));
  const totalWeight = [...idf.values()].reduce((sum, weight) => sum + weight, 0);
  const averageLength = sentences.reduce((sum, sentence) => sum + sentence.terms.length, 0) / Math.max(1, sentences.length);
  return sentences
    .map((sentence) => {
      const tf = counts(sentence.terms);
      let score = 0;
      let matchedWeight = 0;
      for (const [term, weight] of idf) {
        const frequency = tf.get(term) ?? 0;
        if (frequency === 0) continue;
        matchedWeight += weight;
        score += (weight * frequency * 2.2) / (frequency + 1.2 * (0.25 + (0.75 * sentence.terms.length) / (averageLength || 1)));
      }
      return { sentence, score, coverage: totalWeight > 0 ? matchedWeight / totalWeight : 0 };
    })
    .sort((a, b) => b.score - a.score || a.sentence.order - b.sentence.order);
}
