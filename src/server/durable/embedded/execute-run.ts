import "server-only";
import { internalEvents } from "inngest";
import type { EngineRun } from "@/server/db/generated/client";
import { retryAt } from "./backoff";
import type { RegisteredFunction } from "./function-registry";
import type { RunLease } from "./lease";
import { MemoizedSteps } from "./memoized-steps";
import type { AttemptFailure, ExecuteDeps, RunContext } from "./run-context";
import { LeaseLostError } from "./run-fence";
import { completeRun, failRun, releaseRun, scheduleRetry } from "./run-results";
import { recordStep, runFoundSteps } from "./run-steps";
import { loadSteps, type EventPayload } from "./run-store";
import { startExecution, type ExecutionResult } from "./sdk-internals";
import { errorMessage, serializedError, toStoredJson } from "./step-data";

type Next = "continue" | "stop";

/**
 * Drives one claimed run through the SDK's execution protocol until it
 * completes, fails, sleeps or waits for a retry. Each loop is one "request"
 * as an Inngest server would send it: replay the memoized steps, then run the
 * next step (or report the steps found) and store what happened.
 */
export async function executeRun(deps: ExecuteDeps, entry: RegisteredFunction, run: EngineRun, lease: RunLease): Promise<void> {
  const logger = deps.logger.child({ runId: run.id, functionId: run.functionId });
  const event = run.event as unknown as EventPayload;
  const steps = new MemoizedSteps();
  const invoke = (requestedRunStep?: string) =>
    startExecution({
      fn: entry.fn,
      handlerKind: entry.handlerKind,
      runId: run.id,
      event,
      attempt: context.attempt,
      maxAttempts: entry.maxAttempts,
      stepState: steps.snapshot(),
      stepCompletionOrder: steps.completionOrder(),
      requestedRunStep,
    });
  const context: RunContext = { deps, entry, run, event, attempt: run.attempt, lease, steps, logger, invoke };

  try {
    // Re-claimed after its process died this many times in a row: a run
    // that kills whatever runs it must end, not loop forever.
    if (run.attempt >= entry.maxAttempts) {
      await failAttempt(context, { error: new Error(`The process running this step stopped ${run.attempt} times before it finished.`), retriable: false });
      return;
    }
    steps.load(await loadSteps(deps.db, run.id));
    for (;;) {
      if (lease.lost) return;
      if (deps.stopping()) {
        await lease.guard((fence) => releaseRun(deps.db, fence));
        return;
      }
      const next = await handleResult(context, await invoke());
      if (next === "stop") return;
    }
  } catch (error) {
    if (error instanceof LeaseLostError) logger.warn("embedded job engine stopped a run: it was canceled, or its lease ran out and another engine took it over");
    // Anything else (the database went away) leaves the run claimed: its lease
    // runs out and an engine resumes it from the last stored step.
    else logger.error({ err: error }, "embedded job engine could not record a run's progress");
  }
}

async function handleResult(context: RunContext, result: ExecutionResult): Promise<Next> {
  const { deps, lease } = context;
  switch (result.type) {
    case "function-resolved": {
      let output;
      try {
        output = toStoredJson(result.data, "The function's return value").stored;
      } catch (error) {
        return failAttempt(context, { error, retriable: false });
      }
      await lease.guard((fence) => completeRun(deps.db, fence, output));
      context.logger.info("run completed");
      return "stop";
    }
    case "function-rejected":
      return failAttempt(context, { error: result.error, retriable: result.retriable });
    case "step-ran": {
      const failure = await recordStep(context, result.step, result.retriable);
      return failure ? failAttempt(context, failure) : "continue";
    }
    case "steps-found": {
      const failure = await runFoundSteps(context, result.steps);
      if (failure === "sleeping") return "stop";
      return failure ? failAttempt(context, failure) : "continue";
    }
    default:
      // step-not-found or change-mode: the SDK could not do what was asked.
      return failAttempt(context, { error: new Error(`Unexpected execution result "${result.type}"`), retriable: true });
  }
}

/** A failed attempt: retry later, or fail the run and queue its onFailure handler. */
async function failAttempt(context: RunContext, failure: AttemptFailure): Promise<Next> {
  const { deps, entry, run, lease, event } = context;
  const message = errorMessage(failure.error);
  const retry = context.attempt + 1;
  if (failure.retriable !== false && retry < entry.maxAttempts) {
    const runAfter = retryAt(failure.retriable, retry, deps.backoff, new Date());
    await lease.guard((fence) => scheduleRetry(deps.db, fence, { attempt: retry, runAfter, error: message }));
    context.logger.warn({ attempt: retry, runAfter, error: message }, "run attempt failed; retrying");
    deps.wakeAt(runAfter);
    return "stop";
  }
  const failureRun = entry.failureId
    ? {
        id: `${run.id}-failure`,
        functionId: entry.failureId,
        event: {
          id: `${run.id}-failure`,
          name: internalEvents.FunctionFailed,
          ts: Date.now(),
          data: { function_id: entry.id, run_id: run.id, error: serializedError(failure.error), event },
        },
      }
    : undefined;
  await lease.guard((fence) => failRun(deps.db, fence, { error: message, failureRun }));
  context.logger.error({ error: message }, "run failed");
  if (failureRun) deps.wakeAt(new Date());
  return "stop";
}
