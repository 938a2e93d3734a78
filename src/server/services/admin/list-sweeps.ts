import "server-only";
import type { DbTx } from "@/server/db";

/** The most recent expiry sweeps, newest first. */
export async function listSweeps(db: DbTx, limit = 10) {
  return db.sweepRecord.findMany({
    orderBy: { finishedAt: "desc" },
    take: limit,
    select: {
      id: true, reason: true, deletedFiles: true, deletedJobs: true, deletedChats: true, deletedObjects: true,
      startedAt: true, finishedAt: true,
    },
  });
}
