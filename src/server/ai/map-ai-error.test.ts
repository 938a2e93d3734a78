import { generateText, streamText, type LanguageModel } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedReply } from "~/test/support/openai-compatible-server";
import { createLanguageModel } from "./create-ai-models";
import { mapAiError } from "./map-ai-error";

let server: OpenAiCompatibleServer;
beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
});
afterAll(() => server.close());

const toLocal: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace("https://api.openai.com/v1", server.baseUrl), init);

const routes = [
  { name: "chat completions", model: () => createLanguageModel({ OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: server.baseUrl }) },
  { name: "Responses API", model: () => createLanguageModel({ OPENAI_MODEL: "gpt-4.1-mini", OPENAI_API_KEY: "sk-wrong" }, "chat", { fetch: toLocal }) },
];

/** The error a caller sees: thrown by generateText, or the error part of streamText's stream. */
async function failure(model: LanguageModel, streaming: boolean): Promise<unknown> {
  if (!streaming) return generateText({ model, prompt: "Hi", maxRetries: 0 }).then(() => undefined, (error: unknown) => error);
  const result = streamText({ model, prompt: "Hi", maxRetries: 0, onError: () => {} });
  for await (const part of result.fullStream) if (part.type === "error") return part.error;
  return undefined;
}

const cases: { reply: ScriptedReply; expected: object }[] = [
  { reply: { kind: "unauthorized" }, expected: { code: "auth", status: 401, message: "The AI provider rejected the API key. Check OPENAI_API_KEY." } },
  { reply: { kind: "rate-limit", retryAfterSeconds: 7 }, expected: { code: "rate-limit", status: 429, retryAfterSeconds: 7, message: expect.stringContaining("Try again in 7 seconds.") } },
  { reply: { kind: "context-length" }, expected: { code: "context-length", status: 400, message: expect.stringMatching(/^This is more text than the model accepts at once\./) } },
];

describe.each(routes)("mapAiError on the $name route", ({ model }) => {
  for (const streaming of [false, true]) {
    it.each(cases)(`maps $reply.kind (${streaming ? "streaming" : "not streaming"})`, async ({ reply, expected }) => {
      server.reply(reply);
      expect(mapAiError(await failure(model(), streaming))).toEqual(expected);
    });
  }
});

describe("mapAiError without a server", () => {
  it("names the address it could not reach", async () => {
    const closed = await startOpenAiCompatibleServer();
    await closed.close();
    const model = createLanguageModel({ OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: closed.baseUrl });
    const error = await failure(model, false);
    expect(mapAiError(error)).toEqual({ code: "network", message: `Could not reach the AI server at ${closed.baseUrl}. Check that it is running and that FileForge can reach it.` });
    expect(mapAiError(error, { baseUrl: "http://ollama:11434/v1" }).message).toMatch(/^Could not reach the AI server at http:\/\/ollama:11434\/v1\./);
  });
});

describe("mapAiError after retries and on odd errors", () => {
  it("explains the last attempt when retries ran out", async () => {
    server.reply({ kind: "rate-limit", retryAfterSeconds: 0 }, { kind: "rate-limit", retryAfterSeconds: 0 });
    const model = routes[0]?.model();
    if (!model) throw new Error("no route");
    const error = await generateText({ model, prompt: "Hi", maxRetries: 1 }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AI_RetryError" });
    expect(mapAiError(error)).toMatchObject({ code: "rate-limit", retryAfterSeconds: 0 });
  });

  it("maps server failures, unknown models and errors sent mid-stream", async () => {
    server.reply({ kind: "error", status: 503, message: "overloaded" }, { kind: "error", status: 404, code: "model_not_found", message: "model 'llama9' not found" });
    const model = createLanguageModel({ OPENAI_MODEL: "llama9", OPENAI_BASE_URL: server.baseUrl });
    expect(mapAiError(await failure(model, false))).toMatchObject({ code: "provider-error", status: 503 });
    expect(mapAiError(await failure(model, false))).toMatchObject({ code: "model-not-found", message: expect.stringContaining("OPENAI_MODEL") });
    expect(mapAiError({ message: "Request too large", code: "context_length_exceeded" })).toMatchObject({ code: "context-length" });
    expect(mapAiError(new Error("boom"))).toMatchObject({ code: "unknown" });
  });
});
