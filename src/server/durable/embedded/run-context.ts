import "server-only";
import type { Db } from "@/server/db";
import type { EngineRun } from "@/server/db/generated/client";
import type { Logger } from "@/server/logger";
import type { Backoff } from "./backoff";
import type { RegisteredFunction } from "./function-registry";
import type { RunLease } from "./lease";
import type { MemoizedSteps } from "./memoized-steps";
import type { EventPayload } from "./run-store";
import type { ExecutionResult } from "./sdk-internals";

export interface ExecuteDeps {
  db: Db;
  backoff: Backoff;
  logger: Logger;
  /** Steps of one run executed at once when a function starts several in parallel. */
  parallelSteps: number;
  /** True once the engine is stopping: finish the current request, then hand the run back. */
  stopping: () => boolean;
  /** Asks the engine to look for due runs at this time (a sleep ends, a retry is due). */
  wakeAt: (at: Date) => void;
}

/** Everything the handlers of one claimed run share. */
export interface RunContext {
  deps: ExecuteDeps;
  entry: RegisteredFunction;
  run: EngineRun;
  event: EventPayload;
  /** Attempt of the current step (or of the function body); back to 0 once a step is stored, as with Inngest. */
  attempt: number;
  lease: RunLease;
  steps: MemoizedSteps;
  logger: Logger;
  /** One execution request; with a hashed step id, runs exactly that step. */
  invoke: (requestedRunStep?: string) => Promise<ExecutionResult>;
}

/** A failed attempt as the SDK reports it: retriable is true, false, or a RetryAfterError's time. */
export interface AttemptFailure {
  error: unknown;
  retriable: boolean | string;
}
