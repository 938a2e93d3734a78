import "server-only";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { readAiEnv } from "./ai-provider-mode";
import { createLanguageModel, type AiPurpose } from "./create-ai-models";

export type { AiPurpose } from "./create-ai-models";

// Enough to show the offline model's text arriving in the UI, without slowing it down noticeably.
const OFFLINE_CHUNK_DELAY_MS = 8;

/**
 * The one place the app gets its language model: OpenAI-compatible server,
 * OpenAI, or the built-in offline model, as src/env.js configures it.
 */
export function getLanguageModel(purpose: AiPurpose = "chat"): LanguageModelV4 {
  return createLanguageModel(readAiEnv(), purpose, { offlineChunkDelayMs: OFFLINE_CHUNK_DELAY_MS });
}
