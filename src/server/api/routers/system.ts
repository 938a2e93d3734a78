import { z } from "zod";
import { getHealth } from "@/server/services/system/get-health";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const systemRouter = createTRPCRouter({
  /** Same report as GET /api/health. */
  health: publicProcedure.input(z.void()).query(({ ctx }) => getHealth(ctx.db)),
});
