import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isToolInputError } from "../tool-error";
import { busyTool, heapTool, hogTool } from "~/test/support/misbehaving-tools";
import { createToolPool, type ToolPool } from "./tool-pool";

// A pool with small caps, so runaway jobs reach them in a second or two.
const toolModules = [path.join(import.meta.dirname, "../../../../test/support/misbehaving-tools.ts")];
const MAX_RSS = 600 * 1024 * 1024;
let pool: ToolPool;

beforeAll(() => {
  pool = createToolPool({ size: 1, maxRssBytes: MAX_RSS, heapMb: 128, toolModules, rssPollMs: 100 });
  pool.warm();
});
afterAll(() => pool.stop());

const run = { inputs: [], options: {}, progress: () => undefined };

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => new Error("the job succeeded"), (error: unknown) => error);
}

describe("per-job memory budget", { timeout: 90_000 }, () => {
  it("kills a job whose memory outside the JS heap passes the RSS cap, readably", async () => {
    const failure = await failureOf(pool.runTool(hogTool, { ...run, signal: new AbortController().signal }));
    expect(isToolInputError(failure)).toBe(true);
    expect(String(failure)).toMatch(/This file needs more memory than a job may use \(600 MB\)/);
    const [next] = await pool.runTool(busyTool, { ...run, signal: new AbortController().signal });
    expect(Number(new TextDecoder().decode(next?.data))).toBeGreaterThan(0);
  });

  it("turns V8 running out of heap into the same readable failure", async () => {
    const failure = await failureOf(pool.runTool(heapTool, { ...run, signal: new AbortController().signal }));
    expect(isToolInputError(failure)).toBe(true);
    expect(String(failure)).toMatch(/This file needs more memory than a job may use/);
    const [next] = await pool.runTool(busyTool, { ...run, signal: new AbortController().signal });
    expect(Number(new TextDecoder().decode(next?.data))).toBeGreaterThan(0);
  });
});
