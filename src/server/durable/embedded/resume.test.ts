import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { findRun } from "./run-store";
import { absoluteFunctionId } from "./sdk-internals";
import { delay, eventually, onlyRun, runsOf, testClient, testEngine } from "~/test/support/embedded-engine";
import type { EmbeddedEngine } from "./engine";

describe("embedded engine: restarts", () => {
  it("resumes a crashed engine's run on another engine without re-running finished steps", async () => {
    const current: { engine?: EmbeddedEngine } = {};
    const client = testClient(() => current.engine);
    const calls = { first: 0, second: 0 };
    let releaseStuck: () => void = () => {};
    const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    const fn = client.createFunction({ id: "crashy", triggers: [{ event: "t/crash" }] }, async ({ step }) => {
      const first = await step.run("first", () => ++calls.first);
      const second = await step.run("second", async () => {
        calls.second++;
        if (calls.second === 1) {
          await stuck; // engine A "crashes" while this step runs
          return "from A";
        }
        return "from B";
      });
      return { first, second };
    });

    const engineA = testEngine([fn], { leaseMs: 600 });
    current.engine = engineA;
    await engineA.start();
    await client.send({ name: "t/crash", data: {} });
    await eventually(async () => calls.second === 1);
    engineA.kill();

    const [run] = await runsOf(absoluteFunctionId(fn));
    expect(run?.status).toBe("running");

    const engineB = testEngine([fn], { leaseMs: 600 });
    current.engine = engineB;
    await engineB.start();
    await engineB.waitForIdle({ timeoutMs: 10_000 });

    // A's step finishes late: its result must not be stored over B's.
    releaseStuck();
    await delay(100);
    const done = await onlyRun(absoluteFunctionId(fn));
    expect(done).toMatchObject({ status: "completed", output: { first: 1, second: "from B" } });
    expect(calls).toEqual({ first: 1, second: 2 });
    expect(done.steps).toHaveLength(2);
  });

  it("wakes a sleeping run after a restart at the time it was due", async () => {
    const current: { engine?: EmbeddedEngine } = {};
    const client = testClient(() => current.engine);
    let before = 0;
    const fn = client.createFunction({ id: "sleeps-across-restart", triggers: [{ event: "t/nap" }] }, async ({ step }) => {
      const startedAt = await step.run("before", () => (++before, Date.now()));
      await step.sleep("nap", "1s");
      return step.run("after", () => Date.now() - startedAt);
    });
    const engineA = testEngine([fn]);
    current.engine = engineA;
    await engineA.start();
    await client.send({ name: "t/nap", data: {} });
    const sleeping = await eventually(async () => {
      const [run] = await runsOf(absoluteFunctionId(fn));
      return run?.status === "sleeping" ? run : undefined;
    });
    await engineA.stop();

    const engineB = testEngine([fn]);
    current.engine = engineB;
    await engineB.start();
    await engineB.waitForIdle();
    const run = await findRun(db, sleeping.id);
    expect(run?.status).toBe("completed");
    expect(Number(run?.output)).toBeGreaterThanOrEqual(1000);
    expect(before).toBe(1);
  });
});
