import "server-only";
import { z } from "zod";
import { describeAiProvider, withoutOperatorHints } from "@/server/ai/describe-ai-provider";
import { viewerIsAdmin } from "@/server/auth/viewer-is-admin";
import { createTRPCRouter, publicProcedure } from "../trpc";

const capability = z.enum(["summarize", "keyPoints", "answer", "translate", "freeWriting", "extract"]);

export const aiRouter = createTRPCRouter({
  /** Which provider answers (the UI shows "offline mode"), and what it can and cannot do. No secrets; how to enable more only for admins. */
  info: publicProcedure
    .input(z.void())
    .output(
      z.object({
        provider: z.enum(["offline", "openai", "openai-compatible"]),
        model: z.string(),
        offline: z.boolean(),
        label: z.string(),
        embeddingModel: z.string().nullable(),
        capabilities: z.record(capability, z.boolean()),
        limitations: z.partialRecord(capability, z.string()),
      }),
    )
    .query(async ({ ctx }) => {
      const description = describeAiProvider();
      return (await viewerIsAdmin(ctx)) ? description : withoutOperatorHints(description);
    }),
});
