import "server-only";
import { randomUUID } from "node:crypto";
import { engineOf } from "../engine-fault";
import type { runTool } from "../run-tool";
import type { ToolDefinition, ToolProgress } from "../types";
import { defaultTimeBudgetMs } from "./budgets";
import { readJobOutputs, stageJobFiles } from "./job-files";
import { retryAfterEngineFault } from "./retry-after-fault";
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
  /** A worker idle this long exits (TOOL_WORKER_IDLE_SECONDS); the next job starts a new one. Unset: never. */
  idleMs?: number;
};

export type ToolPool = {
  /** Same contract as the in-process runTool, executed in a worker process. */
  runTool: typeof runTool;
  /** Starts workers up to the pool size, so the first job does not pay for loading tools (tests, benchmarks). */
  warm(): void;
  /** Worker processes running now, starting ones included. */
  workerCount(): number;
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
  const idleTimers = new Map<ToolWorker, NodeJS.Timeout>();
  const waiters: Waiter[] = [];
  const all = new Set<ToolWorker>();
  let starting = 0;
  let stopped = false;
  let everReady = false;

  const takeIdle = (): ToolWorker | undefined => {
    const worker = idle.pop();
    if (worker) {
      clearTimeout(idleTimers.get(worker));
      idleTimers.delete(worker);
    }
    return worker;
  };

  /** An idle worker holds ~180 MB for nothing: past idleMs it exits, and the next job starts another. */
  const parkIdle = (worker: ToolWorker) => {
    idle.push(worker);
    if (options.idleMs === undefined) return;
    const timer = setTimeout(() => {
      idleTimers.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      all.delete(worker);
      worker.dismiss();
    }, options.idleMs);
    timer.unref(); // an idle pool must not keep a process from exiting
    idleTimers.set(worker, timer);
  };

  const hand = (worker: ToolWorker) => {
    if (stopped || !worker.alive) {
      worker.kill(); // one that finished starting after stop()
      return void all.delete(worker);
    }
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(worker);
    else parkIdle(worker);
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

  /** Workers start on demand: a job that finds none idle starts one if the pool has room, else waits. */
  const acquire = (signal: AbortSignal, progress: ToolProgress, first: boolean): Promise<ToolWorker> => {
    let ready = takeIdle();
    // A worker can die while idle (killed from outside); it is dropped and, if needed, replaced below.
    while (ready && !ready.alive) {
      all.delete(ready);
      ready = takeIdle();
    }
    if (ready) return Promise.resolve(ready);
    if (all.size + starting < options.size) {
      progress({ percent: 0, step: "Starting a worker" });
      spawnWorker();
    } else {
      progress({ percent: 0, step: "Waiting for a free worker" });
    }
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
      // A retry after a fault goes first: its job has already waited its turn once.
      if (first) waiters.unshift(waiter);
      else waiters.push(waiter);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  };

  /** A dead, faulted or bloated worker goes; a new one starts only for a job that waits for it. */
  const release = async (worker: ToolWorker) => {
    const rss = worker.alive ? await worker.rssBytes() : undefined;
    if (worker.alive && (rss ?? 0) <= (options.recycleRssBytes ?? options.maxRssBytes / 2)) return hand(worker);
    worker.kill();
    all.delete(worker);
    if (!stopped && waiters.length > 0 && all.size + starting < options.size) spawnWorker();
  };

  const runInPool: typeof runTool = async (tool, run) => {
    if (stopped) throw new Error("the tool pool is stopped");
    run.signal.throwIfAborted();
    const files = await stageJobFiles(run.inputs);
    const timeBudgetMs = (options.timeBudgetMs ?? defaultTimeBudgetMs)(tool);
    const limits: JobLimits = { timeBudgetMs, maxRssBytes: options.maxRssBytes, rssPollMs: options.rssPollMs ?? 250, cancelGraceMs: options.cancelGraceMs ?? 3_000 };
    const engine = engineOf(tool);
    let attempts = 0;
    const attempt = async () => {
      attempts += 1;
      const worker = await acquire(run.signal, run.progress, attempts > 1);
      const request = { type: "run" as const, jobId: randomUUID(), toolId: tool.id, inputs: files.inputs, options: run.options, outDir: files.outDir };
      try {
        const outputs = await superviseJob(worker, request, { progress: run.progress, reportAiTokens: run.reportAiTokens, signal: run.signal, limits, engine });
        return await readJobOutputs(outputs, files.outDir);
      } finally {
        void release(worker);
      }
    };
    try {
      // A faulted worker has retired itself (release drops it), so the retry lands on another process.
      return await retryAfterEngineFault({ tool, inputs: run.inputs, progress: run.progress }, attempt);
    } finally {
      await files.remove();
    }
  };

  return {
    runTool: runInPool,
    warm: () => {
      while (!stopped && all.size + starting < options.size) spawnWorker();
    },
    workerCount: () => all.size + starting,
    hasStarted: () => everReady,
    stop: () => {
      stopped = true;
      for (const timer of idleTimers.values()) clearTimeout(timer);
      idleTimers.clear();
      for (const worker of all) worker.kill();
      all.clear();
      idle.length = 0;
      for (const waiter of waiters.splice(0)) waiter.reject(new Error("the tool pool is stopped"));
    },
  };
}
