import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import type { DocumentChunk } from "@/server/ai/document-context";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { leadingChunks, searchChunks } from "@/server/services/documents/search-chunks";
import { toPromptPassages } from "@/server/tools/ai/split-into-chunks";

// Eight chunks of ~1,000 characters: about 2,500 tokens of context, best first.
const CHUNKS_PER_QUESTION = 8;

/**
 * The passages a question is answered from, best first, each with its page.
 * When nothing matches (a question like "what is this about?"), the start of
 * each document stands in, so a model can still say what the documents are.
 */
export async function retrievePassages(db: DbTx, actor: Actor, input: { fileIds: readonly string[]; question: string; embeddingModel: EmbeddingModelV4 | null }): Promise<DocumentChunk[]> {
  let hits = await searchChunks(db, actor, { fileIds: input.fileIds, query: input.question, limit: CHUNKS_PER_QUESTION, embeddingModel: input.embeddingModel });
  if (hits.length === 0) hits = await leadingChunks(db, actor, input.fileIds);
  return hits.flatMap((hit) => toPromptPassages(hit, hit.fileName));
}
