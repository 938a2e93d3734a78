import "server-only";
import { z } from "zod";
import { summarizeUsage } from "@/server/services/quotas/summarize-usage";
import { actorProcedure, createTRPCRouter } from "../trpc";

export const usageRouter = createTRPCRouter({
  summary: actorProcedure.input(z.void()).query(({ ctx }) => summarizeUsage(ctx.db, ctx.actor)),
});
