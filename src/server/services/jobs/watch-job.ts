import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { getEventBus } from "@/server/realtime";
import { getJob } from "./get-job";
import { type JobView, TERMINAL_STATUSES } from "./job-view";

// Safety net for a lost notification (e.g. a bus reconnect): re-read anyway.
const POLL_MS = 2_000;

/**
 * Yields the job's state now and after every change until it finishes. The
 * first yield is always the current state, so a client that reconnects
 * (even after the job ended) never misses the final state.
 */
export async function* watchJob(db: DbTx, actor: Actor, id: string, signal: AbortSignal | undefined): AsyncGenerator<JobView> {
  let wake: (() => void) | null = null;
  let dirty = true;
  const unsubscribe = getEventBus().subscribe((message) => {
    if (message.topic !== "job" || message.id !== id) return;
    dirty = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    let lastVersion = "";
    while (!signal?.aborted) {
      if (dirty) {
        dirty = false;
        const job = await getJob(db, actor, id);
        const version = `${job.updatedAt.getTime()}:${job.status}:${job.progress}:${job.step ?? ""}`;
        if (version !== lastVersion) {
          lastVersion = version;
          yield job;
        }
        if (TERMINAL_STATUSES.includes(job.status)) return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          dirty = true;
          resolve();
        }, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
