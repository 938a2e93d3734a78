import { describe, expect, it } from "vitest";
import { absoluteFunctionId } from "./sdk-internals";
import { delay, eventually, onlyRun, runsOf, testClient, testEngine } from "~/test/support/embedded-engine";
import type { EmbeddedEngine } from "./engine";

// A lease far longer than the test: a run the next engine finishes was handed
// back, not left to time out.
const LONG_LEASE_MS = 600_000;

describe("embedded engine: stop with a grace period", () => {
  it("hands a run whose step outlives the grace back at once, and the next engine finishes it exactly once", async () => {
    const current: { engine?: EmbeddedEngine } = {};
    const client = testClient(() => current.engine);
    const calls = { slow: 0 };
    let releaseStuck: () => void = () => {};
    const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    const fn = client.createFunction({ id: "slow-step", triggers: [{ event: "t/slow" }] }, async ({ step }) => {
      const slow = await step.run("slow", async () => {
        calls.slow++;
        if (calls.slow === 1) {
          await stuck; // still running when engine A's grace runs out
          return "from A";
        }
        return "from B";
      });
      return { slow };
    });

    const engineA = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineA;
    await engineA.start();
    await client.send({ name: "t/slow", data: {} });
    await eventually(async () => calls.slow === 1);

    expect(await engineA.stop({ graceMs: 100 })).toEqual({ handedBack: 1 });
    const [handedBack] = await runsOf(absoluteFunctionId(fn));
    expect(handedBack).toMatchObject({ status: "queued", claimedUntil: null });

    const engineB = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineB;
    await engineB.start();
    await engineB.waitForIdle({ timeoutMs: 10_000 });

    // A's step ends late: its result must not be stored.
    releaseStuck();
    await delay(100);
    const done = await onlyRun(absoluteFunctionId(fn));
    expect(done).toMatchObject({ status: "completed", output: { slow: "from B" } });
    expect(done.steps).toHaveLength(1);
  });

  it("lets a step that ends within the grace store its result, and the next engine goes on from there", async () => {
    const current: { engine?: EmbeddedEngine } = {};
    const client = testClient(() => current.engine);
    const calls = { first: 0, second: 0 };
    let started = false;
    const fn = client.createFunction({ id: "short-step", triggers: [{ event: "t/short" }] }, async ({ step }) => {
      const first = await step.run("first", async () => {
        calls.first++;
        started = true;
        await delay(300);
        return "first";
      });
      const second = await step.run("second", () => (calls.second++, "second"));
      return { first, second };
    });

    const engineA = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineA;
    await engineA.start();
    await client.send({ name: "t/short", data: {} });
    await eventually(async () => started);
    expect(await engineA.stop({ graceMs: 10_000 })).toEqual({ handedBack: 0 });
    const [stopped] = await runsOf(absoluteFunctionId(fn));
    expect(stopped).toMatchObject({ status: "queued", claimedUntil: null });
    expect(stopped?.steps.map((step) => step.stepId)).toHaveLength(1);

    const engineB = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineB;
    await engineB.start();
    await engineB.waitForIdle({ timeoutMs: 10_000 });
    const done = await onlyRun(absoluteFunctionId(fn));
    expect(done).toMatchObject({ status: "completed", output: { first: "first", second: "second" } });
    expect(calls).toEqual({ first: 1, second: 1 });
  });
});
