import "server-only";

// Statuses of an EngineRun row (a string column, so they live here).
//
//   queued     a new run (or one sent before its time), ready once runAfter
//              has passed
//   retrying   waiting out a retry backoff or a RetryAfterError; attempt is
//              the number of the attempt that will run next
//   sleeping   waiting for step.sleep / step.sleepUntil: the sleep step is
//              already memoized and runAfter is the wake-up time
//   running    claimed by one engine; claimedUntil is its lease, renewed by a
//              heartbeat. A lease that expires (crash, kill -9) makes the run
//              claimable again, so nothing stays running forever.
//   completed  the function returned; output holds its JSON result
//   failed     out of retries, or a NonRetriableError; error holds the message
//              and the function's onFailure handler got its own run
//   canceled   a cancelOn event matched
//   event      not a run: an event sent while no engine was running in this
//              process, kept until an engine fans it out to the functions it
//              triggers (functionId is EVENT_ROW_FUNCTION_ID)
export const RunStatus = {
  queued: "queued",
  retrying: "retrying",
  sleeping: "sleeping",
  running: "running",
  completed: "completed",
  failed: "failed",
  canceled: "canceled",
  event: "event",
} as const;

export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

/** Statuses a run waits in until runAfter; an engine may claim it then. */
export const WAITING_STATUSES: RunStatus[] = [RunStatus.queued, RunStatus.retrying, RunStatus.sleeping];
/** Statuses that never change again. */
export const TERMINAL_STATUSES: RunStatus[] = [RunStatus.completed, RunStatus.failed, RunStatus.canceled];

/** functionId of a pending-event row (see RunStatus.event). */
export const EVENT_ROW_FUNCTION_ID = "inngest/event";
