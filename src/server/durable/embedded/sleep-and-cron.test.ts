import { cron } from "inngest";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { absoluteFunctionId } from "./sdk-internals";
import { eventually, onlyRun, runsOf, testSetup } from "~/test/support/embedded-engine";

describe("embedded engine: sleeps and cron", () => {
  it("step.sleep('1s') really waits about a second, persisted as a sleeping run, then completes", async () => {
    const { client, start } = testSetup();
    let slept = 0;
    const fn = client.createFunction({ id: "sleeper", triggers: [{ event: "t/sleep" }] }, async ({ step }) => {
      const before = await step.run("before", () => Date.now());
      await step.sleep("nap", "1s");
      const after = await step.run("after", () => {
        slept++;
        return Date.now();
      });
      return after - before;
    });
    const engine = await start([fn]);
    await client.send({ name: "t/sleep", data: {} });

    const sleeping = await eventually(async () => {
      const [run] = await runsOf(absoluteFunctionId(fn));
      return run?.status === "sleeping" ? run : undefined;
    });
    expect(sleeping.claimedUntil).toBeNull();
    expect(sleeping.runAfter.getTime() - Date.now()).toBeGreaterThan(500);

    await engine.waitForIdle();
    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run.status).toBe("completed");
    expect(Number(run.output)).toBeGreaterThanOrEqual(1000);
    expect(Number(run.output)).toBeLessThan(2500);
    expect(slept).toBe(1);
  });

  it("continues at once after sleepUntil a time already past", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "past", triggers: [{ event: "t/past" }] }, async ({ step }) => {
      await step.sleepUntil("long-ago", new Date(Date.now() - 60_000));
      return "awake";
    });
    const engine = await start([fn]);
    const started = Date.now();
    await client.send({ name: "t/past", data: {} });
    await engine.waitForIdle();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "completed", output: "awake" });
  });

  it("fires a cron trigger on schedule with Inngest's scheduled-timer event", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "every-second", triggers: [cron("* * * * * *")] }, async ({ event }) => ({
      name: event.name,
      cron: (event.data as { cron: string }).cron,
    }));
    const engine = await start([fn], { cron: true });
    const runs = await eventually(async () => {
      const done = (await runsOf(absoluteFunctionId(fn))).filter((run) => run.status === "completed");
      return done.length >= 2 ? done : undefined;
    }, 5_000);
    await engine.stop();

    expect(runs[0]?.output).toEqual({ name: "inngest/scheduled.timer", cron: "* * * * * *" });
    // One run per tick: ticks are a second apart.
    const ticks = runs.map((run) => (run.event as { ts: number }).ts);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(await db.engineRun.count({ where: { functionId: absoluteFunctionId(fn), status: { not: "completed" } } })).toBe(0);
  });
});
