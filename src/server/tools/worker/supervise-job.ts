import "server-only";
import { EngineFaultError } from "../engine-fault";
import type { ToolProgress, ToolTokenReport } from "../types";
import { memoryBudgetError, timeBudgetError } from "./budgets";
import type { RunRequest, WorkerOutput } from "./protocol";
import { type ToolWorker, WorkerExitError } from "./tool-worker";

export type JobLimits = {
  timeBudgetMs: number;
  maxRssBytes: number;
  rssPollMs: number;
  /** How long a canceled job may take to notice before its worker is killed. */
  cancelGraceMs: number;
};

/**
 * Runs one job on a worker and enforces its budgets from outside the worker:
 * a tool inside synchronous WASM work cannot check a clock or its own memory,
 * but its process can always be killed. Settles only once the worker is free
 * again (finished, failed or dead), so the pool never hands out a busy worker.
 */
export async function superviseJob(
  worker: ToolWorker,
  request: RunRequest,
  run: { progress: ToolProgress; reportAiTokens?: ToolTokenReport; signal: AbortSignal; limits: JobLimits; engine: string },
): Promise<WorkerOutput[]> {
  const { limits, signal } = run;
  let verdict: Error | undefined;
  const stop = (error: Error) => {
    verdict ??= error;
    worker.kill();
  };

  const budget = setTimeout(() => stop(timeBudgetError(limits.timeBudgetMs)), limits.timeBudgetMs);
  // WASM heaps and native buffers live outside V8's heap limit: only the process's RSS sees them.
  const poll = setInterval(() => {
    void worker.rssBytes().then((rss) => {
      if (rss !== undefined && rss > limits.maxRssBytes) stop(memoryBudgetError(limits.maxRssBytes));
    });
  }, limits.rssPollMs);
  let grace: NodeJS.Timeout | undefined;
  const onAbort = () => {
    worker.cancel(request.jobId);
    grace = setTimeout(() => stop(new Error("canceled")), limits.cancelGraceMs);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });

  try {
    return await worker.run(request, { progress: run.progress, reportAiTokens: run.reportAiTokens });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (verdict) throw verdict;
    if (error instanceof WorkerExitError) {
      if (worker.ranOutOfHeap) throw memoryBudgetError(limits.maxRssBytes);
      // Died on its own (a native crash, an abort): treated as an engine fault, so the job gets one more try on a fresh worker.
      throw new EngineFaultError(run.engine, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(budget);
    clearInterval(poll);
    clearTimeout(grace);
    signal.removeEventListener("abort", onAbort);
  }
}
