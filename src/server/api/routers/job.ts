import "server-only";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { ownerKeyOf } from "@/server/auth/actor";
import { clientIp, enforceRateLimit } from "@/server/quotas/rate-limit";
import { takeStreamSlot } from "@/server/realtime/stream-slots";
import { cancelJob } from "@/server/services/jobs/cancel-job";
import { createJob } from "@/server/services/jobs/create-job";
import { getJob } from "@/server/services/jobs/get-job";
import { listJobs } from "@/server/services/jobs/list-jobs";
import { listJobsInput } from "@/server/services/jobs/list-jobs-input";
import { rerunJob } from "@/server/services/jobs/rerun-job";
import { watchJob } from "@/server/services/jobs/watch-job";
import { actorProcedure, createTRPCRouter } from "../trpc";

const jobId = z.string().min(1).max(64);

export const jobRouter = createTRPCRouter({
  create: actorProcedure
    .input(
      z.object({
        tool: z.string().min(1).max(64),
        fileIds: z.array(z.string().min(1).max(64)).min(1).max(200),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit("job", ctx.actor, clientIp(ctx.headers));
      return createJob(ctx.db, ctx.actor, input);
    }),

  get: actorProcedure.input(z.object({ id: jobId })).query(({ ctx, input }) => getJob(ctx.db, ctx.actor, input.id)),

  /** Newest first, optionally one status or tool; keyset pages with the matching total. */
  list: actorProcedure.input(listJobsInput).query(({ ctx, input }) => listJobs(ctx.db, ctx.actor, input)),

  /**
   * A new job with the same tool, options and inputs; CONFLICT when an input is
   * gone. Passwords were never kept: `secretOptions` gives them again (the
   * job's secretOptionNames says which), BAD_REQUEST without them.
   */
  rerun: actorProcedure
    .input(z.object({ id: jobId, secretOptions: z.record(z.string().max(64), z.string().max(1_000)).optional() }))
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit("job", ctx.actor, clientIp(ctx.headers));
      return rerunJob(ctx.db, ctx.actor, input.id, input.secretOptions);
    }),

  cancel: actorProcedure.input(z.object({ id: jobId })).mutation(({ ctx, input }) => cancelJob(ctx.db, ctx.actor, input.id)),

  /** Live state over SSE until the job finishes; each event id lets a reconnect resume. */
  onUpdate: actorProcedure
    .input(z.object({ id: jobId, lastEventId: z.string().nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      // At most MAX_STREAMS_PER_OWNER at once; the slot frees when the stream ends or the client leaves.
      const release = takeStreamSlot(ownerKeyOf(ctx.actor));
      try {
        for await (const job of watchJob(ctx.db, ctx.actor, input.id, signal)) {
          yield tracked(`${job.updatedAt.getTime()}-${job.progress}`, job);
        }
      } finally {
        release();
      }
    }),
});
