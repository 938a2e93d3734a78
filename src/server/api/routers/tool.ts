import "server-only";
import { z } from "zod";
import { describeAiProvider } from "@/server/ai/describe-ai-provider";
import { toolAvailability } from "@/server/ai/tool-availability";
import { viewerIsAdmin } from "@/server/auth/viewer-is-admin";
import { streamInfoFor } from "@/server/services/ai-tools/streamed-tools";
import { listTools } from "@/server/tools/registry";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const toolRouter = createTRPCRouter({
  /** The tool catalogue for the home grid and tool pages. */
  list: publicProcedure.input(z.void()).query(async ({ ctx }) => {
    const ai = describeAiProvider();
    const isAdmin = await viewerIsAdmin(ctx);
    return listTools().map((tool) => ({
      id: tool.id,
      title: tool.title,
      description: tool.description,
      category: tool.category,
      accepts: [...tool.accepts],
      minFiles: tool.minFiles,
      maxFiles: tool.maxFiles,
      limits: tool.limits,
      // The options form is generated from this JSON Schema; the server re-validates on job.create.
      optionsSchema: z.toJSONSchema(tool.options, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
      defaultOptions: tool.options.parse({}) as Record<string, unknown>,
      // Non-null when one document's result can stream on the tool page (POST /api/ai/summary).
      stream: streamInfoFor(tool.id),
      // Off when this server's AI provider cannot do the work (Translate offline), with the reason.
      availability: toolAvailability(tool.id, ai, isAdmin),
    }));
  }),
});
