import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { readAiEnv } from "./ai-provider-mode";
import { createEmbeddingModel } from "./create-ai-models";

/**
 * The embedding model when OPENAI_EMBEDDING_MODEL is set next to an OpenAI key
 * or base URL; null otherwise, and then retrieval uses full-text search only.
 */
export function getEmbeddingModel(): EmbeddingModelV4 | null {
  return createEmbeddingModel(readAiEnv());
}
