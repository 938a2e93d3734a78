import { eventType } from "inngest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db";
import { getEmbeddedEngine, startEmbeddedEngine, stopEmbeddedEngine } from "./start-embedded-engine";
import { absoluteFunctionId } from "./sdk-internals";
import { eventually, onlyRun, runsOf, testClient, testSetup } from "~/test/support/embedded-engine";

describe("embedded engine: inngest.send", () => {
  it("creates a run for every function the event triggers, and none for the others", async () => {
    const { client, start } = testSetup();
    const requested = eventType("t/job.requested", { schema: z.object({ jobId: z.string() }) });
    const runTool = client.createFunction({ id: "run-tool", triggers: [requested] }, ({ event }) => `ran ${event.data.jobId}`);
    const audit = client.createFunction({ id: "audit", triggers: [{ event: "t/other" }, { event: "t/job.requested" }] }, ({ event }) => event.name);
    const pro = client.createFunction({ id: "pro-only", triggers: [{ event: "t/job.requested", if: "event.data.jobId == 'pro'" }] }, () => "pro");
    const unrelated = client.createFunction({ id: "unrelated", triggers: [{ event: "t/unrelated" }] }, () => "never");
    const engine = await start([runTool, audit, pro, unrelated]);

    const { ids } = await client.send(requested.create({ jobId: "job-7" }));
    await engine.waitForIdle();

    expect(ids).toHaveLength(1);
    expect(await onlyRun(absoluteFunctionId(runTool))).toMatchObject({ status: "completed", output: "ran job-7" });
    expect(await onlyRun(absoluteFunctionId(audit))).toMatchObject({ status: "completed", output: "t/job.requested" });
    expect(await runsOf(absoluteFunctionId(pro))).toHaveLength(0);
    expect(await runsOf(absoluteFunctionId(unrelated))).toHaveLength(0);
  });

  it("starts one run per function when the same event id is sent twice", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "dedupe", triggers: [{ event: "t/dedupe" }] }, () => "once");
    const engine = await start([fn]);
    await client.send({ id: "job-42-requested", name: "t/dedupe", data: {} });
    await client.send({ id: "job-42-requested", name: "t/dedupe", data: {} });
    await engine.waitForIdle();
    expect(await runsOf(absoluteFunctionId(fn))).toHaveLength(1);
  });

  it("keeps events sent before the engine starts and runs them once it does", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "early", triggers: [{ event: "t/early" }] }, ({ event }) => event.data);
    const { ids } = await client.send({ name: "t/early", data: { n: 1 } });
    expect(await db.engineRun.count({ where: { id: `event_${ids[0]}`, status: "event" } })).toBe(1);

    const engine = await start([fn]);
    await engine.waitForIdle();
    expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "completed", output: { n: 1 } });
    expect(await db.engineRun.count({ where: { id: `event_${ids[0]}` } })).toBe(0);
  });

  it("cancels waiting runs that a cancelOn event matches, and only those", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction(
      { id: "cancellable", triggers: [{ event: "t/long" }], cancelOn: [{ event: "t/cancel", if: "async.data.jobId == event.data.jobId" }] },
      async ({ step }) => {
        await step.sleep("wait", "1h");
      },
    );
    const engine = await start([fn]);
    await client.send([
      { name: "t/long", data: { jobId: "keep" } },
      { name: "t/long", data: { jobId: "stop" } },
    ]);
    await eventually(async () => (await runsOf(absoluteFunctionId(fn))).every((run) => run.status === "sleeping"));
    await client.send({ name: "t/cancel", data: { jobId: "stop" } });
    await engine.stop();

    const runs = await runsOf(absoluteFunctionId(fn));
    const statusOf = (jobId: string) => runs.find((run) => (run.event as { data: { jobId: string } }).data.jobId === jobId)?.status;
    expect(statusOf("stop")).toBe("canceled");
    expect(statusOf("keep")).toBe("sleeping");
    await db.engineRun.updateMany({ where: { functionId: absoluteFunctionId(fn) }, data: { status: "canceled" } });
  });

  it("lets a function start another with step.sendEvent", async () => {
    const { client, start } = testSetup();
    const first = client.createFunction({ id: "first", triggers: [{ event: "t/first" }] }, async ({ step, event }) => {
      await step.sendEvent("start-second", { name: "t/second", data: { from: event.data.n } });
    });
    const second = client.createFunction({ id: "second", triggers: [{ event: "t/second" }] }, ({ event }) => event.data);
    const engine = await start([first, second]);
    await client.send({ name: "t/first", data: { n: 5 } });
    await engine.waitForIdle();
    expect(await onlyRun(absoluteFunctionId(first))).toMatchObject({ status: "completed" });
    expect(await onlyRun(absoluteFunctionId(second))).toMatchObject({ status: "completed", output: { from: 5 } });
  });

  it("fails a run that uses a step the engine cannot run, saying how to get Inngest", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "waits", triggers: [{ event: "t/wait" }] }, async ({ step }) => {
      await step.waitForEvent("approval", { event: "t/approved", timeout: "1h" });
    });
    const engine = await start([fn]);
    await client.send({ name: "t/wait", data: {} });
    await engine.waitForIdle();
    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/does not support WaitForEvent \("approval"\).*INNGEST_EVENT_KEY/);
  });

  it("delivers through the process-wide engine that startEmbeddedEngine registers", async () => {
    const client = testClient(getEmbeddedEngine);
    const fn = client.createFunction({ id: "global", triggers: [{ event: "t/global" }] }, ({ event }) => event.data);
    const engine = await startEmbeddedEngine({ db, client, functions: [fn], pollIntervalMs: 50, cron: false });
    try {
      expect(getEmbeddedEngine()).toBe(engine);
      expect(await startEmbeddedEngine({ db, functions: [fn] })).toBe(engine);
      await client.send({ name: "t/global", data: { via: "global" } });
      await engine.waitForIdle();
      expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "completed", output: { via: "global" } });
    } finally {
      await stopEmbeddedEngine();
    }
    expect(getEmbeddedEngine()).toBeUndefined();
  });
});
