import "server-only";
import type { LanguageModelUsage, TextStreamPart, ToolSet } from "ai";
import { type Actor, ownerOf } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import type { Logger } from "@/server/logger";
import { recordUsage } from "./record-usage";

// A rough rule for English text with the common tokenizers; only used when the provider never said.
const CHARS_PER_TOKEN = 4;

/**
 * streamText callbacks that count one stream's tokens against the actor's AI
 * quota, once. The provider's own count when the stream ends; when Stop cuts
 * the stream off, the provider has charged for the prompt and the words so
 * far but never reports them, so they are estimated from their length —
 * otherwise pressing Stop before the end would make every run free.
 */
export function meterStreamUsage(db: DbTx, actor: Actor, log: Logger, promptChars: number) {
  let outputChars = 0;
  let recorded = false;
  const record = async (tokens: number) => {
    if (recorded) return;
    recorded = true;
    // A failed count must not break a result that has already been delivered.
    await recordUsage(db, ownerOf(actor), "AI_TOKENS", tokens).catch((error: unknown) => log.error({ err: error }, "could not record AI token usage"));
  };
  return {
    onChunk: ({ chunk }: { chunk: TextStreamPart<ToolSet> }) => {
      if (chunk.type === "text-delta") outputChars += chunk.text.length;
    },
    onEnd: ({ totalUsage }: { totalUsage: LanguageModelUsage }) => record(totalUsage.totalTokens ?? (totalUsage.inputTokens ?? 0) + (totalUsage.outputTokens ?? 0)),
    onAbort: () => record(Math.ceil((promptChars + outputChars) / CHARS_PER_TOKEN)),
  };
}
