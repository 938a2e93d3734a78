import "server-only";
import type { DbTx } from "@/server/db";
import type { JobStatus } from "@/server/db/generated/enums";

const HOUR_MS = 60 * 60 * 1000;
export const CHART_HOURS = 24;
export const JOB_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED"] as const satisfies readonly JobStatus[];

type Row = { hour: number; status: JobStatus; count: number };

/**
 * Jobs created in each of the last 24 hours (the current one included), by
 * status, oldest hour first. Hours are counted from the Unix epoch in SQL so
 * the buckets do not depend on the database's or the server's time zone.
 */
export async function countJobsByHour(db: DbTx, now = new Date()) {
  const currentHour = Math.floor(now.getTime() / HOUR_MS);
  const firstHour = currentHour - (CHART_HOURS - 1);
  const rows = await db.$queryRaw<Row[]>`
    SELECT floor(extract(epoch FROM "createdAt") / 3600)::int AS hour, status::text AS status, count(*)::int AS count
    FROM "Job"
    WHERE "createdAt" >= ${new Date(firstHour * HOUR_MS)}
    GROUP BY 1, 2`;
  const buckets = Array.from({ length: CHART_HOURS }, (_, index) => ({
    start: new Date((firstHour + index) * HOUR_MS),
    counts: Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>,
  }));
  for (const row of rows) {
    const bucket = buckets[row.hour - firstHour];
    if (bucket) bucket.counts[row.status] += row.count;
  }
  const totals = Object.fromEntries(
    JOB_STATUSES.map((status) => [status, buckets.reduce((sum, bucket) => sum + bucket.counts[status], 0)]),
  ) as Record<JobStatus, number>;
  return { buckets, totals };
}
