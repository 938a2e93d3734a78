import "server-only";
import { availableParallelism } from "node:os";
import { env } from "@/env";
import { logger } from "@/server/logger";
import type { runTool } from "../run-tool";
import { createToolPool, type ToolPool } from "./tool-pool";
import { WorkerStartError } from "./tool-worker";

// Kept on globalThis: Next.js bundles routes and instrumentation separately,
// and dev reloads modules; either would otherwise start a second pool.
const shared = globalThis as typeof globalThis & {
  fileforgeToolPool?: ToolPool;
  fileforgeToolRunner?: { mode: "workers" | "in-process"; announced: boolean };
};

function poolSize(): number {
  // One core stays with the web process: that is what keeps requests fast during a heavy job.
  return env.TOOL_WORKERS ?? Math.min(4, Math.max(1, availableParallelism() - 1));
}

function getPool(): ToolPool {
  if (shared.fileforgeToolPool) return shared.fileforgeToolPool;
  const maxRssMb = env.TOOL_WORKER_MAX_RSS_MB;
  const pool = createToolPool({
    size: poolSize(),
    maxRssBytes: maxRssMb * 1024 * 1024,
    heapMb: Math.min(1536, Math.floor(maxRssMb * 0.75)),
    // Workers start with the first job that needs one and leave after this long idle.
    idleMs: env.TOOL_WORKER_IDLE_SECONDS * 1000,
  });
  // Workers also leave on their own when the IPC channel closes; this is for a clean exit.
  process.once("exit", () => pool.stop());
  shared.fileforgeToolPool = pool;
  return pool;
}

function runner() {
  shared.fileforgeToolRunner ??= { mode: env.TOOL_RUNNER, announced: false };
  const state = shared.fileforgeToolRunner;
  if (!state.announced) {
    state.announced = true;
    if (state.mode === "workers") logger.info({ toolRunner: "workers", workers: poolSize(), maxRssMb: env.TOOL_WORKER_MAX_RSS_MB, idleSeconds: env.TOOL_WORKER_IDLE_SECONDS }, "tools run in worker processes, started on demand");
    else logger.info({ toolRunner: "in-process" }, "tools run in the web process (TOOL_RUNNER=in-process): a heavy job slows requests");
  }
  return state;
}

/** Which runner jobs use now: "in-process" after a fallback too. */
export function toolRunnerMode(): "workers" | "in-process" {
  return runner().mode;
}

// Loaded only when a tool runs here: in worker mode the web process never needs it (nor the engines it reloads).
async function runInProcess(...args: Parameters<typeof runTool>): ReturnType<typeof runTool> {
  const { runToolInProcess } = await import("./run-tool-in-process");
  return runToolInProcess(...args);
}

/** Stops the workers (shutdown): a job still in one fails; the engine has handed its run back already. */
export function stopToolRunner(): void {
  shared.fileforgeToolPool?.stop();
  shared.fileforgeToolPool = undefined;
}

/**
 * How jobs run their tool: in the worker pool, or in this process when
 * TOOL_RUNNER=in-process or when workers cannot start here at all.
 */
export const runJobTool: typeof runTool = async (tool, run) => {
  const state = runner();
  if (state.mode === "in-process") return runInProcess(tool, run);
  const pool = getPool();
  try {
    return await pool.runTool(tool, run);
  } catch (error) {
    // Workers that ran here before may start again (e.g. once memory frees up): a retriable failure, not a fallback.
    if (!(error instanceof WorkerStartError) || pool.hasStarted()) throw error;
    state.mode = "in-process";
    logger.error({ err: error, toolRunner: "in-process" }, "tool workers cannot start; tools now run in the web process (set TOOL_RUNNER=in-process to skip trying)");
    return runInProcess(tool, run);
  }
};
