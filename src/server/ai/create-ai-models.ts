import "server-only";
import { createOpenAI, type OpenAIProvider } from "@ai-sdk/openai";
import type { EmbeddingModelV4, LanguageModelV4 } from "@ai-sdk/provider";
import { resolveAiProviderMode, type AiEnv, type AiProviderMode } from "./ai-provider-mode";
import type { OfflineTaskOptions } from "./document-task";
import { createOfflineLanguageModel } from "./offline/offline-language-model";

export type AiPurpose = "chat" | "summarize" | "extract" | "translate";

export type CreateModelOptions = {
  /** Replaces fetch for HTTP providers (tests point the OpenAI route at a local server with it). */
  fetch?: typeof globalThis.fetch;
  /** Pause between the offline model's streamed chunks. */
  offlineChunkDelayMs?: number;
};

/** What the offline model does when a call names no task: the purpose it was created for. */
const OFFLINE_TASK_BY_PURPOSE: Record<AiPurpose, OfflineTaskOptions> = {
  chat: { task: "answer" },
  summarize: { task: "summarize", length: "medium" },
  extract: { task: "extract" },
  translate: { task: "translate" },
};

function createProvider(mode: Exclude<AiProviderMode, { provider: "offline" }>, aiEnv: AiEnv, options: CreateModelOptions): OpenAIProvider {
  if (mode.provider === "openai-compatible") {
    return createOpenAI({
      baseURL: mode.baseUrl,
      // Local servers ignore the key, but the client will not send a request without one.
      apiKey: aiEnv.OPENAI_API_KEY ?? "not-needed",
      name: "openai-compatible",
      fetch: options.fetch,
    });
  }
  return createOpenAI({ apiKey: aiEnv.OPENAI_API_KEY, fetch: options.fetch });
}

/**
 * The language model for these settings. OpenAI itself gets the Responses
 * API (`provider(model)`); OpenAI-compatible servers get chat completions
 * (`provider.chat(model)`), the one API Ollama, vLLM and llama.cpp all speak.
 * `purpose` only matters offline for now, where it is the default task.
 */
export function createLanguageModel(aiEnv: AiEnv, purpose: AiPurpose = "chat", options: CreateModelOptions = {}): LanguageModelV4 {
  const mode = resolveAiProviderMode(aiEnv);
  if (mode.provider === "offline") {
    return createOfflineLanguageModel({ defaultTask: OFFLINE_TASK_BY_PURPOSE[purpose], chunkDelayMs: options.offlineChunkDelayMs });
  }
  const provider = createProvider(mode, aiEnv, options);
  return mode.provider === "openai-compatible" ? provider.chat(mode.model) : provider(mode.model);
}

/** The embedding model, or null offline or unconfigured (then retrieval is full-text search only). */
export function createEmbeddingModel(aiEnv: AiEnv, options: CreateModelOptions = {}): EmbeddingModelV4 | null {
  const mode = resolveAiProviderMode(aiEnv);
  if (mode.provider === "offline" || !aiEnv.OPENAI_EMBEDDING_MODEL) return null;
  return createProvider(mode, aiEnv, options).embedding(aiEnv.OPENAI_EMBEDDING_MODEL);
}
