import "server-only";
import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { ingestDocumentNow } from "@/server/services/documents/ingest-document-now";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { multipartBody } from "~/test/support/multipart";

export const newGuest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

/** A real upload, as POST /api/files stores it (type sniffed from the bytes). */
export async function upload(actor: Actor, name: string, bytes: Uint8Array | string) {
  const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name, bytes }]));
  if (!file) throw new Error("upload failed");
  return file;
}

/** Upload and prepare for AI features, as the ingest-document function does (offline: no embeddings). */
export async function uploadPrepared(actor: Actor, name: string, bytes: Uint8Array | string) {
  const file = await upload(actor, name, bytes);
  await db.document.createMany({ data: [{ fileId: file.id }], skipDuplicates: true });
  await ingestDocumentNow(db, getStorage(), file.id, { embeddingModel: null, ocr: false });
  return file;
}

/** The AI tokens recorded for an actor (all days). */
export async function aiTokensOf(actor: Actor): Promise<number> {
  const owner = actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId };
  const sum = await db.usageEvent.aggregate({ where: { ...owner, kind: "AI_TOKENS" }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

export function usage(input: number, output: number): LanguageModelV4Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

/** A model that streams these parts (text deltas, an error, a finish…) and records the calls it got. */
export function scriptedStreamModel(parts: LanguageModelV4StreamPart[]) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    }),
  });
}

/** Text deltas for `text`, word by word, ending with a normal finish and this usage. */
export function textParts(text: string, tokens: LanguageModelV4Usage): LanguageModelV4StreamPart[] {
  const words = text.split(/(?<= )/);
  return [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...words.map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: tokens },
  ];
}
