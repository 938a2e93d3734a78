import "server-only";
import { env } from "@/env";

export const OFFLINE_MODEL_ID = "fileforge-offline";

/** The AI settings of src/env.js, as a plain object so selection is testable without process.env. */
export type AiEnv = {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_MODEL: string;
  OPENAI_EMBEDDING_MODEL?: string | undefined;
};

export type AiProviderMode =
  | { provider: "offline"; model: typeof OFFLINE_MODEL_ID }
  | { provider: "openai"; model: string }
  | { provider: "openai-compatible"; model: string; baseUrl: string };

// The mode carries no API key on purpose: health checks and logs print it.

/**
 * OpenAI-compatible server, OpenAI, or the built-in offline provider.
 * A base URL wins over a bare key: people who run Ollama or vLLM often keep an
 * OpenAI key in their environment too, and mean the local server.
 */
export function resolveAiProviderMode(aiEnv: AiEnv): AiProviderMode {
  if (aiEnv.OPENAI_BASE_URL) {
    return { provider: "openai-compatible", model: aiEnv.OPENAI_MODEL, baseUrl: aiEnv.OPENAI_BASE_URL };
  }
  if (aiEnv.OPENAI_API_KEY) return { provider: "openai", model: aiEnv.OPENAI_MODEL };
  return { provider: "offline", model: OFFLINE_MODEL_ID };
}

/** The AI settings this process runs with. */
export function readAiEnv(): AiEnv {
  return {
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: env.OPENAI_BASE_URL,
    OPENAI_MODEL: env.OPENAI_MODEL,
    OPENAI_EMBEDDING_MODEL: env.OPENAI_EMBEDDING_MODEL,
  };
}

export function getAiProviderMode(): AiProviderMode {
  return resolveAiProviderMode(readAiEnv());
}
