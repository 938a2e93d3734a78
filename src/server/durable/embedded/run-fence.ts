import "server-only";
import { RunStatus } from "./run-status";

// Apart from lease.ts so that run-results.ts (which the lease calls to
// release a run) can use the fence without importing the lease back.

/** Thrown when a write finds that this engine no longer holds the run. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`Lost the lease on run ${runId}; another engine may have taken it over.`);
    this.name = "LeaseLostError";
  }
}

/** The condition every write to a claimed run carries (a fencing token). */
export interface Fence {
  id: string;
  status: typeof RunStatus.running;
  claimedUntil: Date;
}
