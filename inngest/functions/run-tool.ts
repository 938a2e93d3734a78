import { env } from "@/env";
import { db } from "@/server/db";
import { beginJobRun } from "@/server/services/jobs/run/begin-job-run";
import { executeJobTool } from "@/server/services/jobs/run/execute-job-tool";
import { completeJobRun, failJobRun } from "@/server/services/jobs/run/finish-job-run";
import { getStorage } from "@/server/storage";
import { inngest } from "@/server/events/inngest-client";
import { jobCancelRequested, jobRequested } from "@/server/events/event-types";
import { failFastOnInputError, finalFailureMessage } from "../job-failure";

const GENERIC_FAILURE = "Something went wrong while running this tool. Try again; if it keeps failing, the file may be damaged.";

/**
 * Runs one job: begin → run the tool and store outputs → complete. Each is a
 * memoized step, so a retry after a crash resumes where it stopped. Input
 * that can never work fails at once with the tool's readable message.
 */
export const runToolFunction = inngest.createFunction(
  {
    id: "run-tool",
    name: "Run a tool",
    retries: 3,
    // A small job's run mostly waits on the database, so several overlap; the
    // tools themselves queue for the worker pool, and jobs with large inputs
    // run two at a time per app (heavy-job-slots.ts). More queue.
    // Per owner too (event.data.ownerKey): one visitor's backlog cannot hold
    // every slot, and the engine picks the owner with the fewest running next.
    concurrency: [{ limit: 8 }, { limit: env.JOB_CONCURRENCY_PER_OWNER, key: "event.data.ownerKey" }],
    triggers: [jobRequested],
    cancelOn: [{ event: jobCancelRequested, match: "data.jobId" }],
    onFailure: async ({ event, error }) => {
      await failJobRun(db, event.data.event.data.jobId, finalFailureMessage(error, GENERIC_FAILURE));
    },
  },
  async ({ event, step }) => {
    const { jobId } = event.data;
    const begun = await step.run("begin-job", () => beginJobRun(db, jobId));
    if (!begun.proceed) return { jobId, outcome: "canceled" as const };

    const result = await step.run("run-tool", () => failFastOnInputError(() => executeJobTool(db, getStorage(), jobId)));
    if (result.outcome === "canceled") return { jobId, outcome: "canceled" as const };

    await step.run("complete-job", () => completeJobRun(db, jobId, { pages: result.pages }));
    return { jobId, outcome: "succeeded" as const, outputIds: result.outputIds };
  },
);
