import "server-only";
import type { LanguageModelV4, LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";

/** Input plus output tokens of one model call; a provider that reports nothing counts as 0. */
export function countTokens(usage: LanguageModelV4Usage): number {
  return (usage.inputTokens.total ?? 0) + (usage.outputTokens.total ?? 0);
}

/**
 * The same model, reporting the tokens of every call it makes. Metering at the
 * model (not at each generateText) also counts calls whose result is thrown
 * away afterwards, such as JSON that fails the user's schema: the provider
 * charged for those tokens all the same.
 */
export function meterLanguageModel(model: LanguageModelV4, onTokens: (tokens: number) => void): LanguageModelV4 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: "v4",
      wrapGenerate: async ({ doGenerate }) => {
        const result = await doGenerate();
        onTokens(countTokens(result.usage));
        return result;
      },
      wrapStream: async ({ doStream }) => {
        const { stream, ...rest } = await doStream();
        const metered = stream.pipeThrough(
          new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
            transform(part, controller) {
              if (part.type === "finish") onTokens(countTokens(part.usage));
              controller.enqueue(part);
            },
          }),
        );
        return { stream: metered, ...rest };
      },
    },
  });
}
