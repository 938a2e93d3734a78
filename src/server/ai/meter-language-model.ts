import "server-only";
import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";

// A rough rule for English text with the common tokenizers; only used when the provider never said.
const CHARS_PER_TOKEN = 4;

/** Input plus output tokens of one model call; a provider that reports nothing counts as 0. */
export function countTokens(usage: LanguageModelV4Usage): number {
  return (usage.inputTokens.total ?? 0) + (usage.outputTokens.total ?? 0);
}

/** Called once per model call with its tokens; a returned promise is awaited before the call's result moves on. */
export type TokenMeter = (tokens: number) => void | Promise<void>;

/**
 * The same model, reporting the tokens of every call it makes, once: the one
 * way AI usage is counted, for jobs (generateText) and streams alike. Metering
 * at the model (not at each generateText) also counts calls whose result is
 * thrown away afterwards, such as JSON that fails the user's schema: the
 * provider charged for those tokens all the same.
 */
export function meterLanguageModel(model: LanguageModelV4, onTokens: TokenMeter): LanguageModelV4 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: "v4",
      wrapGenerate: async ({ doGenerate }) => {
        const result = await doGenerate();
        await onTokens(countTokens(result.usage));
        return result;
      },
      wrapStream: async ({ doStream, params }) => {
        const { stream, ...rest } = await doStream();
        return { stream: meterStream(stream, params, onTokens), ...rest };
      },
    },
  });
}

/**
 * The provider's count when the stream finishes. When Stop (or a failure) cuts
 * the stream off, the provider has charged for the prompt and the words so far
 * but never reports them, so they are estimated from their length — otherwise
 * pressing Stop before the end would make every run free.
 */
function meterStream(stream: ReadableStream<LanguageModelV4StreamPart>, params: LanguageModelV4CallOptions, onTokens: TokenMeter): ReadableStream<LanguageModelV4StreamPart> {
  const promptChars = JSON.stringify(params.prompt).length;
  let outputChars = 0;
  let counted: Promise<void> | null = null;
  const count = (tokens: number) => (counted ??= Promise.resolve(onTokens(tokens)));
  const estimate = () => count(Math.ceil((promptChars + outputChars) / CHARS_PER_TOKEN));
  // Stop may abort the call without anyone reading or cancelling this stream again.
  params.abortSignal?.addEventListener("abort", () => void estimate(), { once: true });
  const reader = stream.getReader();
  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      let read: ReadableStreamReadResult<LanguageModelV4StreamPart>;
      try {
        read = await reader.read();
      } catch (error) {
        await estimate();
        controller.error(error);
        return;
      }
      if (read.done) {
        await estimate();
        controller.close();
        return;
      }
      const part = read.value;
      if (part.type === "text-delta") outputChars += part.delta.length;
      if (part.type === "finish") await count(countTokens(part.usage));
      controller.enqueue(part);
    },
    async cancel(reason) {
      await estimate();
      await reader.cancel(reason);
    },
  });
}
