import "server-only";
import type { DbTx } from "@/server/db";
import { publishJobUpdate } from "@/server/realtime";
import type { ToolProgress } from "@/server/tools/types";

const MIN_INTERVAL_MS = 250;

/**
 * A tool's progress callback that writes at most every 250 ms, so a 500-page
 * job does not issue 500 writes per second. The first write comes 250 ms in:
 * a job done sooner goes from "Starting" to "Done" with no progress writes,
 * which is most of a small job's database work. A write that finds the job no
 * longer running (canceled) aborts the run.
 */
export function createJobProgressReporter(db: DbTx, jobId: string, controller: AbortController) {
  let pending: { percent: number; step: string } | null = null;
  const startedAt = Date.now();
  let lastWrite = startedAt;
  let writing: Promise<void> = Promise.resolve();

  const write = (update: { percent: number; step: string }) => {
    writing = writing.then(async () => {
      const { count } = await db.job.updateMany({
        where: { id: jobId, status: "RUNNING" },
        data: { progress: Math.min(99, update.percent), step: update.step.slice(0, 200) },
      });
      if (count === 0) controller.abort(new Error("The job was canceled."));
      else await publishJobUpdate(jobId);
    });
  };

  const report: ToolProgress = (update) => {
    pending = update;
    const now = Date.now();
    if (now - lastWrite < MIN_INTERVAL_MS) return;
    lastWrite = now;
    pending = null;
    write(update);
  };

  return {
    report,
    /** Writes the last value held back, unless the job took under 250 ms (completion follows at once). */
    async flush() {
      if (pending && Date.now() - startedAt >= MIN_INTERVAL_MS) write(pending);
      pending = null;
      await writing;
    },
  };
}
