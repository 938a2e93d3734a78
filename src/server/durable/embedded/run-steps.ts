import "server-only";
import type { OutgoingOp } from "inngest";
import { StepOpCode } from "inngest/types";
import { sleepEndsAt } from "./backoff";
import type { AttemptFailure, RunContext } from "./run-context";
import { saveStep, sleepUntil, type StepResult } from "./run-results";
import { serializedError, StepDataTooLargeError, toStoredJson } from "./step-data";

// What the engine does with the ops the SDK reports: store step results,
// execute parallel steps one request each, and put the run to sleep.

const SUPPORTED_FOUND_OPS: string[] = [StepOpCode.StepPlanned, StepOpCode.Sleep];

/** Stores a step that ran; returns the failure if the step must be retried. */
export async function recordStep(
  context: RunContext,
  step: OutgoingOp,
  retriable: boolean | string | undefined,
): Promise<AttemptFailure | undefined> {
  const name = step.displayName ?? step.name ?? step.id;
  let result: StepResult;
  let replayed: unknown = null;
  if (step.op === StepOpCode.StepRun) {
    try {
      const json = toStoredJson(step.data, `The result of step "${name}"`);
      result = { stepId: step.id, data: json.stored };
      replayed = json.replayed;
    } catch (error) {
      if (!(error instanceof StepDataTooLargeError)) throw error;
      // Retrying returns the same data, so the step fails for good and the
      // function sees the error, as it would see any failed step.
      result = { stepId: step.id, error: serializedError({ name: error.name, message: error.message }) };
    }
  } else if (step.op === StepOpCode.StepFailed) {
    result = { stepId: step.id, error: serializedError(step.error) };
  } else if (step.op === StepOpCode.StepError) {
    return { error: step.error, retriable: retriable ?? true };
  } else {
    return { error: new Error(`Unexpected op "${step.op}" for step "${name}"`), retriable: true };
  }
  await context.lease.guard((fence) => saveStep(context.deps.db, fence, result));
  context.steps.add(step.id, "error" in result ? { error: result.error } : { data: replayed });
  context.attempt = 0;
  return undefined;
}

/** Runs `work` over items, at most `limit` at a time. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Steps the SDK found but did not run: parallel `step.run`s (each executed by
 * its own request, like Inngest does) and sleeps. Returns a failure to retry,
 * "sleeping" once the run is put to sleep, or undefined to continue.
 */
export async function runFoundSteps(context: RunContext, ops: OutgoingOp[]): Promise<AttemptFailure | "sleeping" | undefined> {
  const unsupported = ops.filter((op) => !SUPPORTED_FOUND_OPS.includes(op.op));
  if (unsupported.length) {
    const names = unsupported.map((op) => `${op.op} ("${op.displayName ?? op.id}")`).join(", ");
    const message = `The embedded job engine does not support ${names}. Use step.run, step.sleep and step.sendEvent, or configure Inngest (INNGEST_EVENT_KEY, INNGEST_BASE_URL or INNGEST_DEV=1).`;
    return { error: new Error(message), retriable: false };
  }

  const planned = ops.filter((op) => op.op === StepOpCode.StepPlanned && !context.steps.has(op.id));
  const outcomes = await inPool(planned, context.deps.parallelSteps, async (op): Promise<AttemptFailure | undefined> => {
    const result = await context.invoke(op.id);
    if (result.type === "step-ran") return recordStep(context, result.step, result.retriable);
    if (result.type === "function-rejected") return { error: result.error, retriable: result.retriable };
    return { error: new Error(`Step "${op.displayName ?? op.id}" did not run (got "${result.type}")`), retriable: true };
  });
  const failure = outcomes.find((outcome) => outcome !== undefined);
  if (failure) return failure;

  const sleeps = ops.filter((op) => op.op === StepOpCode.Sleep && !context.steps.has(op.id));
  if (sleeps.length === 0) return undefined;
  const now = new Date();
  let wakeAt: Date;
  try {
    // Parallel sleeps all end when the longest does.
    wakeAt = new Date(Math.max(...sleeps.map((op) => sleepEndsAt(op.name ?? "", now).getTime())));
  } catch (error) {
    return { error, retriable: false };
  }
  if (wakeAt.getTime() <= now.getTime()) {
    // sleepUntil a time already past: nothing to wait for.
    for (const op of sleeps) await recordStep(context, { ...op, op: StepOpCode.StepRun, data: null }, undefined);
    return undefined;
  }
  const ids = sleeps.map((op) => op.id);
  await context.lease.guard((fence) => sleepUntil(context.deps.db, fence, ids, wakeAt));
  context.deps.wakeAt(wakeAt);
  return "sleeping";
}
