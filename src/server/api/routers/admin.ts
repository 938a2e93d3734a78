import "server-only";
import { z } from "zod";
import { listUsersInput, setUserDisabledInput, setUserRoleInput } from "@/server/services/admin/admin-schemas";
import { countJobsByHour } from "@/server/services/admin/count-jobs-by-hour";
import { getQueueDepth } from "@/server/services/admin/get-queue-depth";
import { getStorageUsage } from "@/server/services/admin/get-storage-usage";
import { getSystemHealth } from "@/server/services/admin/get-system-health";
import { listSweeps } from "@/server/services/admin/list-sweeps";
import { listUsers } from "@/server/services/admin/list-users";
import { setUserDisabled } from "@/server/services/admin/set-user-disabled";
import { setUserRole } from "@/server/services/admin/set-user-role";
import { listAuditEvents } from "@/server/services/audit/list-audit-events";
import { listAuditEventsInput } from "@/shared/audit-actions";
import { assignableRoleSchema } from "@/shared/roles";
import { auditContextOf } from "../audit-context";
import { adminProcedure, createTRPCRouter } from "../trpc";

// Administration: accounts and the system page. Each system part is its own
// query so one slow or failing check does not blank the whole page.
export const adminRouter = createTRPCRouter({
  listUsers: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),

  setUserRole: adminProcedure
    .input(setUserRoleInput)
    .output(z.object({ userId: z.string(), role: assignableRoleSchema }))
    .mutation(async ({ ctx, input }) => {
      const result = await setUserRole(ctx.db, ctx.user.userId, input, auditContextOf(ctx));
      ctx.log.info(result, "admin changed a role");
      return result;
    }),

  setUserDisabled: adminProcedure
    .input(setUserDisabledInput)
    .output(z.object({ userId: z.string(), disabledAt: z.date().nullable(), changed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const result = await setUserDisabled(ctx.db, ctx.user.userId, input, auditContextOf(ctx));
      ctx.log.info(result, input.disabled ? "admin disabled a user" : "admin enabled a user");
      return result;
    }),

  /** The audit log, newest first. Read-only: no procedure edits or deletes events. */
  auditEvents: adminProcedure.input(listAuditEventsInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),

  systemHealth: adminProcedure.input(z.void()).query(({ ctx }) => getSystemHealth(ctx.db)),
  queueDepth: adminProcedure.input(z.void()).query(({ ctx }) => getQueueDepth(ctx.db)),
  jobsByHour: adminProcedure.input(z.void()).query(({ ctx }) => countJobsByHour(ctx.db)),
  storageUsage: adminProcedure.input(z.void()).query(({ ctx }) => getStorageUsage(ctx.db)),
  recentSweeps: adminProcedure.input(z.void()).query(({ ctx }) => listSweeps(ctx.db)),
});
