import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordProgress } from "~/test/support/input-file";
import { busyTool } from "~/test/support/misbehaving-tools";
import { createToolPool, type ToolPool } from "./tool-pool";

// TOOL_WORKER_IDLE_SECONDS, shrunk: a worker leaves after half a second idle.
const toolModules = [path.join(import.meta.dirname, "../../../../test/support/misbehaving-tools.ts")];
let pool: ToolPool;
beforeAll(() => {
  pool = createToolPool({ size: 1, maxRssBytes: 1024 ** 3, heapMb: 256, toolModules, idleMs: 500 });
});
afterAll(() => pool.stop());

async function runBusy() {
  const { updates, progress } = recordProgress();
  const [result] = await pool.runTool(busyTool, { inputs: [], options: {}, progress, signal: AbortSignal.timeout(60_000) });
  return { pid: Number(new TextDecoder().decode(result?.data)), steps: updates.map((update) => update.step) };
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("workers on demand", { timeout: 90_000 }, () => {
  it("starts no worker before the first job, and says so when a job starts one", async () => {
    expect(pool.workerCount()).toBe(0);
    const first = await runBusy();
    expect(first.steps).toContain("Starting a worker");
    expect(running(first.pid)).toBe(true);
  });

  it("lets an idle worker exit, and the next job starts a new one", async () => {
    const first = await runBusy();
    await expect.poll(() => pool.workerCount(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => running(first.pid), { timeout: 30_000 }).toBe(false);
    const next = await runBusy();
    expect(next.pid).not.toBe(first.pid);
    expect(next.steps).toContain("Starting a worker");
  });
});
