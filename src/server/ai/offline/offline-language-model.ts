import "server-only";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { OFFLINE_MODEL_ID } from "../ai-provider-mode";
import type { OfflineTaskOptions } from "../document-task";
import { runOfflineTask } from "./run-offline-task";
import { countWords, estimateTokens } from "./text-analysis";

export type OfflineModelSettings = {
  /** The task when neither provider options nor a system-prompt marker names one. */
  defaultTask?: OfflineTaskOptions;
  /** Pause between streamed chunks, so the UI shows text arriving as it would from a server. */
  chunkDelayMs?: number;
};

type Output = { text: string; finishReason: LanguageModelV4FinishReason; usage: LanguageModelV4Usage; warnings: LanguageModelV4GenerateResult["warnings"] };

/** Words plus their following space, three at a time: concatenated, they are the text exactly. */
export function streamChunks(text: string): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += 3) chunks.push(words.slice(index, index + 3).join(""));
  return chunks;
}

/**
 * FileForge's built-in model: extractive, deterministic, offline. It speaks
 * the AI SDK's language-model spec v4, so generateText, streamText and useChat
 * work with it exactly as with a hosted model.
 */
export class OfflineLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = "v4";
  readonly provider = "fileforge.offline";
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};

  constructor(private readonly settings: OfflineModelSettings = {}) {}

  private run(options: LanguageModelV4CallOptions): Output {
    const result = runOfflineTask(options, this.settings.defaultTask ?? { task: "answer" });
    let text = result.text;
    let finishReason: LanguageModelV4FinishReason = { unified: "stop", raw: "stop" };
    // Honour maxOutputTokens the way a real model does: cut at the word budget and say so.
    const wordBudget = options.maxOutputTokens === undefined ? Infinity : Math.floor(options.maxOutputTokens / 1.3);
    if (countWords(text) > wordBudget) {
      text = (text.match(/\s*\S+/g) ?? []).slice(0, wordBudget).join("");
      finishReason = { unified: "length", raw: "length" };
    }
    const promptText = JSON.stringify(options.prompt);
    const inputTokens = estimateTokens(promptText.replace(/[{}[\]",:]/g, " "));
    const outputTokens = estimateTokens(text);
    const usage: LanguageModelV4Usage = {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
    };
    return { text, finishReason, usage, warnings: result.warnings };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { text, finishReason, usage, warnings } = this.run(options);
    return {
      content: [{ type: "text", text }],
      finishReason,
      usage,
      warnings,
      response: { id: crypto.randomUUID(), modelId: this.modelId, timestamp: new Date() },
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { text, finishReason, usage, warnings } = this.run(options);
    const id = "text-0";
    const parts: LanguageModelV4StreamPart[] = [
      { type: "stream-start", warnings },
      { type: "response-metadata", id: crypto.randomUUID(), modelId: this.modelId, timestamp: new Date() },
      { type: "text-start", id },
      ...streamChunks(text).map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id, delta })),
      { type: "text-end", id },
      { type: "finish", finishReason, usage },
    ];
    const delay = this.settings.chunkDelayMs ?? 0;
    const signal = options.abortSignal;
    let next = 0;
    // Pull-based, so a slow or cancelled reader stops the work instead of buffering it.
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      async pull(controller) {
        if (signal?.aborted) return controller.error(signal.reason);
        const part = parts[next++];
        if (!part) return controller.close();
        if (delay > 0 && part.type === "text-delta") await new Promise((resolve) => setTimeout(resolve, delay));
        controller.enqueue(part);
      },
    });
    return { stream };
  }
}

export function createOfflineLanguageModel(settings?: OfflineModelSettings): OfflineLanguageModel {
  return new OfflineLanguageModel(settings);
}
