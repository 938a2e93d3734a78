import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { generateText, streamText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { meterLanguageModel } from "./meter-language-model";

const usage = { inputTokens: { total: 300, noCache: 300, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 40, text: 40, reasoning: undefined } };
const finishReason = { unified: "stop" as const, raw: "stop" };

function streamOf(parts: LanguageModelV4StreamPart[], { endless = false } = {}): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      if (!endless) controller.close();
    },
  });
}

const answer: LanguageModelV4StreamPart[] = [
  { type: "stream-start", warnings: [] },
  { type: "text-start", id: "t" },
  { type: "text-delta", id: "t", delta: "Tuesday, " },
  { type: "text-delta", id: "t", delta: "room 4." },
  { type: "text-end", id: "t" },
  { type: "finish", finishReason, usage },
];

describe("meterLanguageModel", () => {
  it("reports a generated call's input plus output tokens, once", async () => {
    const counts: number[] = [];
    const model = new MockLanguageModelV4({ doGenerate: async () => ({ content: [{ type: "text", text: "Tuesday" }], finishReason, usage, warnings: [] }) });
    const { text } = await generateText({ model: meterLanguageModel(model, (tokens) => void counts.push(tokens)), prompt: "When?" });
    expect(text).toBe("Tuesday");
    expect(counts).toEqual([340]);
  });

  it("reports a streamed call's count from the provider when it finishes, once, and before the stream ends", async () => {
    const counts: number[] = [];
    const model = new MockLanguageModelV4({ doStream: async () => ({ stream: streamOf(answer) }) });
    const result = streamText({ model: meterLanguageModel(model, async (tokens) => void counts.push(tokens)), prompt: "When?" });
    expect(await result.text).toBe("Tuesday, room 4.");
    expect(counts).toEqual([340]);
  });

  it("estimates a stream stopped before the provider reports usage, from the prompt and the words so far", async () => {
    const counts: number[] = [];
    // The provider never finishes: only Stop ends this answer.
    const model = new MockLanguageModelV4({ doStream: async () => ({ stream: streamOf(answer.slice(0, 3), { endless: true }) }) });
    const stop = new AbortController();
    const prompt = "Which day and which room is the meeting in? ".repeat(20);
    const result = streamText({ model: meterLanguageModel(model, (tokens) => void counts.push(tokens)), prompt, abortSignal: stop.signal });
    for await (const delta of result.textStream) {
      expect(delta).toBe("Tuesday, ");
      stop.abort();
    }
    await expect.poll(() => counts.length).toBe(1);
    // About a quarter of the characters sent and received: the prompt alone is 880 characters.
    expect(counts[0]).toBeGreaterThan(220);
    expect(counts[0]).toBeLessThan(400);
  });
});
