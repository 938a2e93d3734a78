import "server-only";
import type { DbTx } from "@/server/db";
import { recordUsage } from "@/server/quotas/record-usage";
import { publishJobUpdate } from "@/server/realtime";

/** Marks a running job succeeded and meters its pages; a job canceled meanwhile stays canceled. */
export async function completeJobRun(db: DbTx, jobId: string, usage: { pages: number }): Promise<void> {
  const [owner] = await db.job.updateManyAndReturn({
    where: { id: jobId, status: "RUNNING" },
    // A finished job needs its passwords no more: wiped with the same write.
    data: { status: "SUCCEEDED", progress: 100, step: "Done", error: null, finishedAt: new Date(), sealedOptions: null },
    select: { userId: true, guestId: true },
  });
  // Watchers hear of it before the usage row is written: it is what they wait for.
  await Promise.all([publishJobUpdate(jobId), owner ? recordUsage(db, owner, "PAGES", usage.pages) : undefined]);
}

/** Marks an unfinished job failed with a message a person can read. */
export async function failJobRun(db: DbTx, jobId: string, message: string): Promise<void> {
  await db.job.updateMany({
    where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, step: "Failed", finishedAt: new Date(), sealedOptions: null },
  });
  await publishJobUpdate(jobId);
}
