import "server-only";
import { type Actor, ownerOf } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import type { Logger } from "@/server/logger";
import type { TokenMeter } from "@/server/ai/meter-language-model";
import { recordUsage } from "./record-usage";

/**
 * A meter for meterLanguageModel that counts a streamed call's tokens against
 * the actor's daily AI quota. (Jobs add their calls up and record them with
 * the job instead.) A failed count must not break a result already delivered.
 */
export function recordAiTokens(db: DbTx, actor: Actor, log: Logger): TokenMeter {
  return (tokens) => recordUsage(db, ownerOf(actor), "AI_TOKENS", tokens).catch((error: unknown) => log.error({ err: error }, "could not record AI token usage"));
}
