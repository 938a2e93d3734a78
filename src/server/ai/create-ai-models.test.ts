import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { sampleReport } from "~/test/support/sample-report";
import type { AiEnv } from "./ai-provider-mode";
import { formatDocumentContext } from "./document-context";
import { createEmbeddingModel, createLanguageModel } from "./create-ai-models";
import { describeAiProviderFor } from "./describe-ai-provider";
import { OfflineLanguageModel } from "./offline/offline-language-model";

const MODEL = "gpt-4.1-mini";
const offline: AiEnv = { OPENAI_MODEL: MODEL };
const openai: AiEnv = { OPENAI_MODEL: MODEL, OPENAI_API_KEY: "sk-test" };
const ollama: AiEnv = { OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" };

describe("createLanguageModel: provider selection", () => {
  it("uses the built-in offline model when nothing is configured", () => {
    const model = createLanguageModel(offline);
    expect(model).toBeInstanceOf(OfflineLanguageModel);
    expect(model.modelId).toBe("fileforge-offline");
    expect(model.specificationVersion).toBe("v4");
  });

  it("uses OpenAI's Responses API when only an API key is set", () => {
    const model = createLanguageModel(openai);
    expect(model.provider).toBe("openai.responses");
    expect(model.modelId).toBe(MODEL);
  });

  it("uses chat completions on an OpenAI-compatible server, with or without a key, and prefers it over OpenAI", () => {
    for (const aiEnv of [ollama, { ...ollama, OPENAI_API_KEY: "sk-test" }]) {
      const model = createLanguageModel(aiEnv);
      expect(model.provider).toBe("openai-compatible.chat");
      expect(model.modelId).toBe("llama3.2");
    }
  });

  it("gives the offline model its purpose as the default task", async () => {
    const messages = [{ role: "user" as const, content: formatDocumentContext(sampleReport) }];
    const summary = await generateText({ model: createLanguageModel(offline, "summarize"), messages });
    const translation = await generateText({ model: createLanguageModel(offline, "translate"), messages });
    expect(summary.text).toMatch(/\[p\. \d+\]/);
    expect(translation.text).toMatch(/^Translation needs a language model\./);
  });
});

describe("createEmbeddingModel", () => {
  it("is null offline and when no embedding model is named", () => {
    expect(createEmbeddingModel({ ...offline, OPENAI_EMBEDDING_MODEL: "nomic-embed-text" })).toBeNull();
    expect(createEmbeddingModel(openai)).toBeNull();
  });

  it("uses the configured provider's embeddings otherwise", () => {
    expect(createEmbeddingModel({ ...openai, OPENAI_EMBEDDING_MODEL: "text-embedding-3-small" })).toMatchObject({
      provider: "openai.embedding",
      modelId: "text-embedding-3-small",
    });
    expect(createEmbeddingModel({ ...ollama, OPENAI_EMBEDDING_MODEL: "nomic-embed-text" })).toMatchObject({
      provider: "openai-compatible.embedding",
      modelId: "nomic-embed-text",
    });
  });
});

describe("describeAiProviderFor", () => {
  it("labels offline mode and turns off what needs a language model, saying why", () => {
    const description = describeAiProviderFor(offline);
    expect(description).toMatchObject({ provider: "offline", model: "fileforge-offline", offline: true, label: "offline mode", embeddingModel: null });
    expect(description.capabilities).toEqual({ summarize: true, keyPoints: true, answer: true, extract: true, translate: false, freeWriting: false });
    expect(description.limitations.translate).toMatch(/^Translation needs a language model\. Set OPENAI_API_KEY/);
  });

  it("enables everything with a real model and never exposes the base URL", () => {
    const description = describeAiProviderFor({ ...ollama, OPENAI_BASE_URL: "http://user:secret@gpu-box:8000/v1", OPENAI_EMBEDDING_MODEL: "bge-m3" });
    expect(description).toMatchObject({ provider: "openai-compatible", model: "llama3.2", offline: false, embeddingModel: "bge-m3" });
    expect(Object.values(description.capabilities).every(Boolean)).toBe(true);
    expect(JSON.stringify(description)).not.toContain("secret");
    expect(describeAiProviderFor(openai)).toMatchObject({ provider: "openai", label: `OpenAI ${MODEL}` });
  });
});
