import "server-only";
import { logger } from "@/server/logger";
import { engineFaultFailure, findEngineFault } from "../engine-fault";
import type { ToolDefinition, ToolProgress } from "../types";

export type FaultRetryJob = {
  tool: Pick<ToolDefinition, "id" | "category">;
  inputs: readonly { name: string }[];
  progress: ToolProgress;
};

/**
 * Runs a job's attempt; when the engine faults (a WASM trap, an abort, a worker
 * that died on its own), gives it one more attempt on a fresh engine: `renew`
 * replaces the engine where the caller must (the in-process runner; a pool
 * retires a faulted worker by itself), after each fault. A second fault fails
 * the job with a ToolInputError naming the file and the engine, so it is not
 * retried again.
 * Clean tool errors, budgets and cancels pass through untouched.
 */
export async function retryAfterEngineFault<T>(job: FaultRetryJob, attempt: () => Promise<T>, renew: () => Promise<void> = async () => undefined): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    const fault = findEngineFault(error);
    if (fault === undefined) throw error;
    logger.warn({ err: fault, tool: job.tool.id }, "engine fault: the job runs once more on a fresh engine");
    await renew();
    job.progress({ percent: 0, step: "Trying again on a fresh engine" });
  }
  try {
    return await attempt();
  } catch (error) {
    const fault = findEngineFault(error);
    if (fault === undefined) throw error;
    const failure = engineFaultFailure(fault, job.tool, job.inputs);
    await renew(); // the next job must not meet the trapped engine either
    logger.error({ err: fault, tool: job.tool.id, fileName: failure.fileName }, "engine fault again on a fresh engine: the job fails");
    throw failure;
  }
}
