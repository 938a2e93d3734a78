import "server-only";
import type { DbTx } from "@/server/db";
import { getJobEngineMode } from "@/server/durable/engine-mode";

/**
 * Jobs waiting or running, and — with the embedded engine, whose state lives
 * in our database — its function runs by status. An external Inngest server
 * keeps its own queue, which this page cannot see.
 */
export async function getQueueDepth(db: DbTx) {
  const engine = getJobEngineMode();
  const [queued, running, runs] = await Promise.all([
    db.job.count({ where: { status: "QUEUED" } }),
    db.job.count({ where: { status: "RUNNING" } }),
    engine === "embedded" ? db.engineRun.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }) : null,
  ]);
  return {
    engine,
    jobs: { queued, running },
    engineRuns: runs?.map((row) => ({ status: row.status, count: row._count._all })) ?? null,
  };
}
