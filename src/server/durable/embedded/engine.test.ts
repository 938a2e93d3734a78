import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { absoluteFunctionId, hashStepId } from "./sdk-internals";
import { onlyRun, testSetup } from "~/test/support/embedded-engine";

describe("embedded engine: steps and retries", () => {
  it("runs each step's side effect exactly once across re-invocations", async () => {
    const { client, start } = testSetup();
    const calls = { a: 0, b: 0, c: 0, handler: 0 };
    const fn = client.createFunction({ id: "three-steps", triggers: [{ event: "t/three" }] }, async ({ step, event }) => {
      calls.handler++;
      const a = await step.run("a", () => ++calls.a + Number(event.data.base));
      const b = await step.run("b", () => ({ at: new Date(0), twice: a * 2, b: ++calls.b }));
      const c = await step.run("c", () => ++calls.c);
      return { a, b, c };
    });
    const engine = await start([fn]);
    await client.send({ name: "t/three", data: { base: 10 } });
    await engine.waitForIdle();

    expect(calls).toMatchObject({ a: 1, b: 1, c: 1 });
    expect(calls.handler).toBe(4); // three steps, one request each, then the final replay
    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run.status).toBe("completed");
    // Step data goes through JSON, as with Inngest: the Date comes back as a string.
    expect(run.output).toEqual({ a: 11, b: { at: "1970-01-01T00:00:00.000Z", twice: 22, b: 1 }, c: 1 });
    expect(run.steps.map((s) => s.stepId).sort()).toEqual([hashStepId("a"), hashStepId("b"), hashStepId("c")].sort());
  });

  it("retries a step that fails twice, then succeeds, with the engine's backoff", async () => {
    const { client, start } = testSetup();
    const seen: { step: string; attempt: number; at: number }[] = [];
    const fn = client.createFunction({ id: "flaky", triggers: [{ event: "t/flaky" }] }, async ({ step, attempt }) => {
      await step.run("before", () => seen.push({ step: "before", attempt, at: Date.now() }));
      const flaky = await step.run("flaky", () => {
        seen.push({ step: "flaky", attempt, at: Date.now() });
        if (attempt < 2) throw new Error(`transient ${attempt}`);
        return "ok";
      });
      // The next step starts again at attempt 0, so it has all its retries.
      await step.run("after", () => seen.push({ step: "after", attempt, at: Date.now() }));
      return flaky;
    });
    const engine = await start([fn], { backoff: (retry) => retry * 100 });
    await client.send({ name: "t/flaky", data: {} });
    await engine.waitForIdle();

    expect(seen.map(({ step, attempt }) => `${step}@${attempt}`)).toEqual(["before@0", "flaky@0", "flaky@1", "flaky@2", "after@0"]);
    const flaky = seen.filter((entry) => entry.step === "flaky").map((entry) => entry.at);
    expect((flaky[1] ?? 0) - (flaky[0] ?? 0)).toBeGreaterThanOrEqual(95); // backoff(1) = 100 ms
    expect((flaky[2] ?? 0) - (flaky[1] ?? 0)).toBeGreaterThanOrEqual(195); // backoff(2) = 200 ms
    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run).toMatchObject({ status: "completed", output: "ok", attempt: 0 });
  });

  it("fails at once on NonRetriableError and calls onFailure once with the message and the original event", async () => {
    const { client, start } = testSetup();
    let attempts = 0;
    const failures: { message: string; jobId: unknown; name: string }[] = [];
    const fn = client.createFunction(
      {
        id: "encrypted",
        triggers: [{ event: "t/encrypted" }],
        onFailure: async ({ error, event }) => {
          failures.push({ message: error.message, jobId: event.data.event.data.jobId, name: event.name });
        },
      },
      async ({ step }) => {
        await step.run("open", () => {
          attempts++;
          throw new NonRetriableError("This PDF is encrypted; remove the password and upload it again.");
        });
      },
    );
    const engine = await start([fn]);
    await client.send({ name: "t/encrypted", data: { jobId: "job-1" } });
    await engine.waitForIdle();

    expect(attempts).toBe(1);
    expect(failures).toEqual([
      { message: "This PDF is encrypted; remove the password and upload it again.", jobId: "job-1", name: "inngest/function.failed" },
    ]);
    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run).toMatchObject({ status: "failed", error: "This PDF is encrypted; remove the password and upload it again." });
    const failureRun = await onlyRun(`${absoluteFunctionId(fn)}-failure`);
    expect(failureRun.status).toBe("completed");
  });

  it("fails after the function's retries run out, then calls onFailure once", async () => {
    const { client, start } = testSetup();
    let attempts = 0;
    const failures: string[] = [];
    const fn = client.createFunction(
      { id: "always-fails", retries: 2, triggers: [{ event: "t/always" }], onFailure: ({ error }) => void failures.push(error.message) },
      async () => {
        attempts++;
        throw new Error(`boom ${attempts}`);
      },
    );
    const engine = await start([fn]);
    await client.send({ name: "t/always", data: {} });
    await engine.waitForIdle();

    expect(attempts).toBe(3); // retries: 2 → three attempts
    expect(failures).toEqual(["boom 3"]);
    expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "failed", error: "boom 3" });
  });

  it("honours RetryAfterError instead of the backoff", async () => {
    const { client, start } = testSetup();
    const at: number[] = [];
    const fn = client.createFunction({ id: "rate-limited", triggers: [{ event: "t/rate" }] }, async ({ step }) =>
      step.run("call-api", () => {
        at.push(Date.now());
        if (at.length === 1) throw new RetryAfterError("rate limited", "1s");
        return "done";
      }),
    );
    const engine = await start([fn], { backoff: () => 10 });
    await client.send({ name: "t/rate", data: {} });
    await engine.waitForIdle();

    expect(at).toHaveLength(2);
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "completed", output: "done" });
  });

  it("runs parallel steps once each and continues with both results", async () => {
    const { client, start } = testSetup();
    const calls = { left: 0, right: 0, join: 0 };
    const fn = client.createFunction({ id: "parallel", triggers: [{ event: "t/parallel" }] }, async ({ step }) => {
      const [left, right] = await Promise.all([
        step.run("left", () => ++calls.left * 10),
        step.run("right", () => ++calls.right * 20),
      ]);
      return step.run("join", () => {
        calls.join++;
        return left + right;
      });
    });
    const engine = await start([fn]);
    await client.send({ name: "t/parallel", data: {} });
    await engine.waitForIdle();

    expect(calls).toEqual({ left: 1, right: 1, join: 1 });
    expect(await onlyRun(absoluteFunctionId(fn))).toMatchObject({ status: "completed", output: 30 });
  });

  it("refuses step data over 4 MB with a clear error", async () => {
    const { client, start } = testSetup();
    const fn = client.createFunction({ id: "too-big", retries: 3, triggers: [{ event: "t/big" }] }, async ({ step }) => {
      await step.run("read-bytes", () => "x".repeat(4 * 1024 * 1024 + 1));
    });
    const engine = await start([fn]);
    await client.send({ name: "t/big", data: {} });
    await engine.waitForIdle();

    const run = await onlyRun(absoluteFunctionId(fn));
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/The result of step "read-bytes" is 4\.0 MB of JSON; Inngest caps step data at 4 MB/);
  });
});
