import "server-only";
import { randomUUID } from "node:crypto";
import type { runTool } from "../run-tool";
import type { ToolDefinition } from "../types";
import { defaultTimeBudgetMs } from "./budgets";
import { readJobOutputs, stageJobFiles } from "./job-files";
import { type JobLimits, superviseJob } from "./supervise-job";
import { ToolWorker, type WorkerSettings } from "./tool-worker";

export type ToolPoolOptions = {
  size: number;
  /** Per job: the worker is killed past this resident size. */
  maxRssBytes: number;
  /** V8 heap limit of each worker (--max-old-space-size). */
  heapMb: number;
  cwd?: string;
  timeBudgetMs?: (tool: ToolDefinition) => number;
  cancelGraceMs?: number;
  rssPollMs?: number;
  startTimeoutMs?: number;
  /** After a job, a worker this large is replaced: mupdf's WASM heap grows but never shrinks. */
  recycleRssBytes?: number;
  /** Modules whose `workerTools` the workers add to the registry (tests). */
  toolModules?: readonly string[];
};

export type ToolPool = {
  /** Same contract as the in-process runTool, executed in a worker process. */
  runTool: typeof runTool;
  /** Starts workers up to the pool size, so the first job does not pay for loading tools. */
  warm(): void;
  /** True once any worker of this pool got ready: later start failures are then not "workers cannot run here". */
  hasStarted(): boolean;
  stop(): void;
};

type Waiter = { resolve: (worker: ToolWorker) => void; reject: (error: unknown) => void };

export function createToolPool(options: ToolPoolOptions): ToolPool {
  const settings: WorkerSettings = {
    cwd: options.cwd ?? process.cwd(),
    heapMb: options.heapMb,
    // Loading the tools compiles TypeScript and WASM: seconds on a busy 2-core machine.
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    toolModules: options.toolModules ?? [],
  };
  const idle: ToolWorker[] = [];
  const waiters: Waiter[] = [];
  const all = new Set<ToolWorker>();
  let starting = 0;
  let stopped = false;
  let everReady = false;

  const hand = (worker: ToolWorker) => {
    if (stopped || !worker.alive) {
      worker.kill(); // one that finished starting after stop()
      return void all.delete(worker);
    }
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(worker);
    else idle.push(worker);
  };

  const spawnWorker = () => {
    starting += 1;
    ToolWorker.start(settings).then(
      (worker) => {
        starting -= 1;
        everReady = true;
        all.add(worker);
        hand(worker);
      },
      (error: unknown) => {
        starting -= 1;
        // With no live worker nothing else would wake the waiters; otherwise they wait for a busy one.
        if (all.size === 0 && starting === 0) for (const waiter of waiters.splice(0)) waiter.reject(error);
      },
    );
  };

  const acquire = (signal: AbortSignal): Promise<ToolWorker> => {
    let ready = idle.pop();
    // A worker can die while idle (killed from outside); the size check below replaces it.
    while (ready && !ready.alive) {
      all.delete(ready);
      ready = idle.pop();
    }
    if (ready) return Promise.resolve(ready);
    if (all.size + starting < options.size) spawnWorker();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = waiters.indexOf(waiter);
        if (at >= 0) waiters.splice(at, 1);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        resolve: (worker) => (signal.removeEventListener("abort", onAbort), resolve(worker)),
        reject: (error) => (signal.removeEventListener("abort", onAbort), reject(error)),
      };
      waiters.push(waiter);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  };

  /** A dead (or bloated) worker is replaced at once, so the pool stays warm for the next job. */
  const release = async (worker: ToolWorker) => {
    const rss = await worker.rssBytes();
    if (worker.alive && (rss ?? 0) <= (options.recycleRssBytes ?? options.maxRssBytes / 2)) return hand(worker);
    worker.kill();
    all.delete(worker);
    if (!stopped) spawnWorker();
  };

  const runInPool: typeof runTool = async (tool, run) => {
    if (stopped) throw new Error("the tool pool is stopped");
    run.signal.throwIfAborted();
    const files = await stageJobFiles(run.inputs);
    try {
      if (idle.length === 0) run.progress({ percent: 0, step: "Waiting for a free worker" });
      const worker = await acquire(run.signal);
      const timeBudgetMs = (options.timeBudgetMs ?? defaultTimeBudgetMs)(tool);
      const limits: JobLimits = { timeBudgetMs, maxRssBytes: options.maxRssBytes, rssPollMs: options.rssPollMs ?? 250, cancelGraceMs: options.cancelGraceMs ?? 3_000 };
      const request = { type: "run" as const, jobId: randomUUID(), toolId: tool.id, inputs: files.inputs, options: run.options, outDir: files.outDir };
      try {
        const outputs = await superviseJob(worker, request, { progress: run.progress, reportAiTokens: run.reportAiTokens, signal: run.signal, limits });
        return await readJobOutputs(outputs, files.outDir);
      } finally {
        void release(worker);
      }
    } finally {
      await files.remove();
    }
  };

  return {
    runTool: runInPool,
    warm: () => {
      while (!stopped && all.size + starting < options.size) spawnWorker();
    },
    hasStarted: () => everReady,
    stop: () => {
      stopped = true;
      for (const worker of all) worker.kill();
      all.clear();
      idle.length = 0;
      for (const waiter of waiters.splice(0)) waiter.reject(new Error("the tool pool is stopped"));
    },
  };
}
