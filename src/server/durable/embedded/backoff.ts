import "server-only";
import { durationToMs } from "inngest";

/** Milliseconds to wait before retry number `retry` (1 for the first retry). */
export type Backoff = (retry: number) => number;

/**
 * Exponential backoff with jitter, close to Inngest's own schedule: about
 * 10 s, 20 s, 40 s, 80 s… capped at one hour. Jitter (±25%) keeps runs that
 * failed together from retrying in lockstep.
 */
export const defaultBackoff: Backoff = (retry) => {
  const base = Math.min(10_000 * 2 ** Math.max(0, retry - 1), 3_600_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
};

/** Inngest's default when a function does not set `retries`: 4 retries, 5 attempts. */
export const DEFAULT_RETRIES = 4;

/**
 * When a retry may run. `retriable` is what the SDK reports for a failed
 * attempt: `true` (use the backoff) or a RetryAfterError's `retryAfter`, which
 * the SDK normalises to whole seconds ("5") or an ISO date.
 */
export function retryAt(retriable: true | string, retry: number, backoff: Backoff, now: Date): Date {
  if (retriable !== true) {
    if (/^\d+$/.test(retriable)) return new Date(now.getTime() + Number(retriable) * 1000);
    const at = new Date(retriable);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return new Date(now.getTime() + backoff(retry));
}

/**
 * When a sleep op ends. The SDK sends `step.sleep` durations as Inngest time
 * strings ("1s", "2h30m") and `step.sleepUntil` as ISO dates in the op name.
 */
export function sleepEndsAt(opName: string, now: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(opName)) {
    const at = new Date(opName);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return new Date(now.getTime() + durationToMs(opName, { name: "sleep duration" }));
}
