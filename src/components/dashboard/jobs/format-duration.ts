/** "0.4 s", "12 s", "2 min 5 s", "1 h 3 min": how long a job took or has been running. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toLocaleString("en-US")} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/**
 * A job's run time: from start (or creation, for one that never started) to
 * finish, or to `now` while it runs; null when there is nothing to show yet.
 */
export function jobDurationMs(job: { createdAt: Date; startedAt: Date | null; finishedAt: Date | null }, now: number | null): number | null {
  const start = (job.startedAt ?? job.createdAt).getTime();
  if (job.finishedAt) return job.finishedAt.getTime() - start;
  if (!job.startedAt || now === null) return null;
  return Math.max(0, now - start);
}
