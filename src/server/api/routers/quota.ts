import "server-only";
import { z } from "zod";
import { getQuota } from "@/server/quotas/get-quota";
import { listQuotas } from "@/server/services/quotas/list-quotas";
import { quotaValuesInput } from "@/shared/quota-schemas";
import { roleSchema } from "@/shared/roles";
import { updateQuota } from "@/server/services/quotas/update-quota";
import { auditContextOf } from "../audit-context";
import { actorProcedure, adminProcedure, createTRPCRouter } from "../trpc";

export const quotaRouter = createTRPCRouter({
  /** The caller's own limits (upload hints, dashboard). */
  mine: actorProcedure.input(z.void()).query(({ ctx }) => getQuota(ctx.db, ctx.actor.role)),

  list: adminProcedure.input(z.void()).query(({ ctx }) => listQuotas(ctx.db)),

  update: adminProcedure
    .input(z.object({ role: roleSchema, values: quotaValuesInput }))
    .mutation(({ ctx, input }) => updateQuota(ctx.db, ctx.user.userId, input.role, input.values, auditContextOf(ctx))),
});
