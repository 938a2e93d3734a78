import "server-only";
import { readAiEnv, resolveAiProviderMode, type AiEnv } from "./ai-provider-mode";
import { ENABLE_HINT, NEEDS_LANGUAGE_MODEL } from "./document-task";

export type AiCapability = "summarize" | "keyPoints" | "answer" | "translate" | "freeWriting" | "extract";

/** What each capability is called on screen (the admin's system page lists the unavailable ones). */
export const AI_CAPABILITY_LABELS: Record<AiCapability, string> = {
  summarize: "Summaries",
  keyPoints: "Key points",
  answer: "Document answers",
  translate: "Translation",
  freeWriting: "Free writing",
  extract: "Structured extraction",
};

export type AiProviderDescription = {
  provider: "offline" | "openai" | "openai-compatible";
  model: string;
  offline: boolean;
  /** What the UI shows next to AI features, e.g. "offline mode". */
  label: string;
  /** Null when retrieval is full-text only. */
  embeddingModel: string | null;
  /** False means: disable the feature and show `limitations[feature]`. */
  capabilities: Record<AiCapability, boolean>;
  /** Why a feature is off or reduced, in words a person reads (for tooltips and notes). */
  limitations: Partial<Record<AiCapability, string>>;
};

const OFFLINE_LIMITATIONS: Partial<Record<AiCapability, string>> = {
  summarize: "Offline summaries pick the most representative sentences from the document; they do not rephrase.",
  keyPoints: "Offline key points are sentences quoted from the document.",
  answer: "Offline answers quote the passages that best match the question; they do not reason or combine facts.",
  extract: NEEDS_LANGUAGE_MODEL.extract,
  translate: NEEDS_LANGUAGE_MODEL.translate,
  freeWriting: NEEDS_LANGUAGE_MODEL.write,
};

/** Pure, for tests: the description for these settings. */
export function describeAiProviderFor(aiEnv: AiEnv): AiProviderDescription {
  const mode = resolveAiProviderMode(aiEnv);
  if (mode.provider === "offline") {
    return {
      provider: "offline",
      model: mode.model,
      offline: true,
      label: "offline mode",
      embeddingModel: null,
      // Extraction stays on: dates, amounts and email addresses work offline, and the limitation says so.
      capabilities: { summarize: true, keyPoints: true, answer: true, extract: true, translate: false, freeWriting: false },
      limitations: OFFLINE_LIMITATIONS,
    };
  }
  return {
    provider: mode.provider,
    model: mode.model,
    offline: false,
    // The base URL is left out on purpose: it may carry credentials, and the UI has no use for it.
    label: mode.provider === "openai" ? `OpenAI ${mode.model}` : `${mode.model} (OpenAI-compatible server)`,
    embeddingModel: aiEnv.OPENAI_EMBEDDING_MODEL ?? null,
    capabilities: { summarize: true, keyPoints: true, answer: true, extract: true, translate: true, freeWriting: true },
    limitations: {},
  };
}

/** For the UI label ("offline mode") and for disabling features the provider cannot do. */
export function describeAiProvider(): AiProviderDescription {
  return describeAiProviderFor(readAiEnv());
}

/**
 * The description a visitor gets: limitations without the operator's
 * instructions (environment variable names mean nothing to a visitor and
 * describe the server's setup). Admins get the full description.
 */
export function withoutOperatorHints(description: AiProviderDescription): AiProviderDescription {
  const limitations = Object.fromEntries(
    Object.entries(description.limitations).map(([capability, text]) => [capability, text.replace(` ${ENABLE_HINT}`, "")]),
  ) as AiProviderDescription["limitations"];
  return { ...description, limitations };
}
