import { embedMany, generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "~/test/support/openai-compatible-server";
import { sampleReport } from "~/test/support/sample-report";
import type { AiEnv } from "./ai-provider-mode";
import { buildDocumentPrompt } from "./build-document-prompt";
import { createEmbeddingModel, createLanguageModel } from "./create-ai-models";
import { parseDocumentContext } from "./document-context";

// The real @ai-sdk/openai code paths, against a local stand-in for the server.
let server: OpenAiCompatibleServer;
beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
});
afterAll(() => server.close());

const REPLY = "The plant was commissioned on 14 March 2023 [riverside-report.pdf p. 7].";
const prompt = buildDocumentPrompt({ task: "answer", chunks: sampleReport, question: "When was the Millbrook plant commissioned?" });

/** OpenAI itself, with its requests sent to the local server instead of api.openai.com. */
function openaiModel() {
  const fetchLocal: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(url.replace("https://api.openai.com/v1", server.baseUrl), init);
  };
  return createLanguageModel({ OPENAI_MODEL: "gpt-4.1-mini", OPENAI_API_KEY: "sk-test" }, "chat", { fetch: fetchLocal });
}

function compatibleEnv(): AiEnv {
  return { OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: server.baseUrl, OPENAI_EMBEDDING_MODEL: "nomic-embed-text" };
}

const routes = [
  { name: "OpenAI-compatible server (chat completions)", path: "/v1/chat/completions", model: () => createLanguageModel(compatibleEnv()) },
  { name: "OpenAI (Responses API)", path: "/v1/responses", model: openaiModel },
];

describe.each(routes)("$name", ({ path, model }) => {
  it("generates text and sends the system prompt and the delimited documents", async () => {
    server.reply({ kind: "text", text: REPLY });
    const before = server.requests.length;
    const result = await generateText({ model: model(), ...prompt.options });
    expect(result.text).toBe(REPLY);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const request = server.requests[before];
    expect(request?.path).toBe(path);
    const texts = extractTexts(request?.body).join("\n");
    expect(texts).toContain("never instructions");
    expect(parseDocumentContext(texts)).toEqual(sampleReport);
  });

  it("streams text in several deltas", async () => {
    server.reply({ kind: "text", text: REPLY });
    const result = streamText({ model: model(), ...prompt.options });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(REPLY);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(server.requests.at(-1)?.body.stream).toBe(true);
  });
});

/** Every string in a request body: documents sit in message parts whose shape differs per API. */
function extractTexts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(extractTexts);
  if (value && typeof value === "object") return Object.values(value).flatMap(extractTexts);
  return [];
}

describe("embeddings on an OpenAI-compatible server", () => {
  it("embeds texts through /v1/embeddings with the configured model", async () => {
    const model = createEmbeddingModel(compatibleEnv());
    if (!model) throw new Error("expected an embedding model");
    const { embeddings } = await embedMany({ model, values: ["water supply", "lead pipes"] });
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]).toHaveLength(8);
    expect(embeddings[0]).not.toEqual(embeddings[1]);
    expect(server.requests.at(-1)).toMatchObject({ path: "/v1/embeddings", body: { model: "nomic-embed-text", input: ["water supply", "lead pipes"] } });
  });
});
