import "server-only";
import { terms } from "@/server/ai/offline/text-analysis";

const MAX_TERMS = 24;

/**
 * A to_tsquery expression for a question: its content words OR-ed, each as a
 * prefix. `websearch_to_tsquery` would AND every word ("when" & "was" & …), so a
 * natural question would match nothing under the 'simple' configuration, which
 * keeps stop words. The offline model's light stemmer plus a prefix match
 * (`commission:*` finds "commissioned") stands in for the stemming 'simple'
 * does not do. Only letters and digits reach the expression, so it always parses.
 * Null when the question has no content words.
 */
export function buildTextQuery(question: string): string | null {
  const words = terms(question)
    .flatMap((term) => term.split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 2);
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  if (unique.length === 0) return null;
  // Very short stems as prefixes would match half the dictionary.
  return unique.map((word) => (word.length >= 4 ? `${word}:*` : word)).join(" | ");
}
