import "server-only";
import { z } from "zod";
import { getHealth } from "@/server/services/system/get-health";
import { publicHealth } from "@/server/services/system/public-health";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const systemRouter = createTRPCRouter({
  /** Same report as GET /api/health. */
  health: publicProcedure.input(z.void()).query(async ({ ctx }) => publicHealth(await getHealth(ctx.db))),
});
