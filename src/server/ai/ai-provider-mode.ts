import { env } from "@/env";

export type AiProviderMode =
  | { provider: "offline"; model: "fileforge-offline" }
  | { provider: "openai"; model: string }
  | { provider: "openai-compatible"; model: string; baseUrl: string };

/** OpenAI-compatible server, OpenAI, or the built-in offline provider. */
export function getAiProviderMode(): AiProviderMode {
  if (env.OPENAI_BASE_URL) return { provider: "openai-compatible", model: env.OPENAI_MODEL, baseUrl: env.OPENAI_BASE_URL };
  if (env.OPENAI_API_KEY) return { provider: "openai", model: env.OPENAI_MODEL };
  return { provider: "offline", model: "fileforge-offline" };
}
