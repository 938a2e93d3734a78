// Contract tests: the embedded engine speaks the Inngest SDK's execution
// protocol through internals (sdk-internals.ts). If an SDK upgrade changes
// result types, op shapes, hashing or event names, these fail first.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { internalEvents, NonRetriableError, RetryAfterError, version, type InngestFunction } from "inngest";
import { describe, expect, it } from "vitest";
import { EMBEDDED_EVENT_KEY } from "./embedded-fetch";
import { hashStepId, startExecution, type InvokeInput } from "./sdk-internals";
import { testClient } from "~/test/support/embedded-engine";

const client = testClient(() => undefined);
const event = { name: "t/contract", data: { n: 2 }, id: "evt-1", ts: 1 };

function execute(fn: InngestFunction.Any, input: Partial<InvokeInput> = {}) {
  return startExecution({
    fn,
    handlerKind: "main",
    runId: "run-1",
    event,
    attempt: 0,
    maxAttempts: 3,
    stepState: {},
    stepCompletionOrder: [],
    ...input,
  });
}

describe("Inngest SDK contract", () => {
  it("is the pinned inngest 4.24.0", () => {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.inngest).toBe("4.24.0");
    expect(version).toBe("4.24.0");
  });

  it("hashes step ids with sha1, as stored in EngineStep.stepId", () => {
    expect(hashStepId("first")).toBe(createHash("sha1").update("first").digest("hex"));
  });

  it("uses Inngest's internal event names for failures and cron ticks", () => {
    expect(internalEvents.FunctionFailed).toBe("inngest/function.failed");
    expect(internalEvents.ScheduledTimer).toBe("inngest/scheduled.timer");
  });

  const sequential = client.createFunction({ id: "sequential", triggers: [{ event: "t/contract" }] }, async ({ step, event: e }) => {
    const first = await step.run("first", () => Number(e.data.n) * 10);
    return { first };
  });

  it("runs a new step and reports it as step-ran / StepRun", async () => {
    const result = await execute(sequential);
    expect(result.type).toBe("step-ran");
    if (result.type !== "step-ran") return;
    expect(result.step).toMatchObject({ id: hashStepId("first"), op: "StepRun", name: "first", displayName: "first", data: 20 });
  });

  it("replays a memoized step and resolves the function", async () => {
    const id = hashStepId("first");
    const result = await execute(sequential, { stepState: { [id]: { id, data: 20 } }, stepCompletionOrder: [id] });
    expect(result.type).toBe("function-resolved");
    if (result.type === "function-resolved") expect(result.data).toEqual({ first: 20 });
  });

  it("reports parallel steps as steps-found / StepPlanned and runs a requested one", async () => {
    const parallel = client.createFunction({ id: "parallel", triggers: [{ event: "t/contract" }] }, async ({ step }) =>
      Promise.all([step.run("a", () => "A"), step.run("b", () => "B")]),
    );
    const found = await execute(parallel);
    expect(found.type).toBe("steps-found");
    if (found.type !== "steps-found") return;
    expect(found.steps.map(({ id, op, displayName }) => ({ id, op, displayName }))).toEqual([
      { id: hashStepId("a"), op: "StepPlanned", displayName: "a" },
      { id: hashStepId("b"), op: "StepPlanned", displayName: "b" },
    ]);
    const ran = await execute(parallel, { requestedRunStep: hashStepId("b") });
    expect(ran).toMatchObject({ type: "step-ran", step: { id: hashStepId("b"), op: "StepRun", data: "B" } });
  });

  it("reports sleeps as Sleep ops carrying a duration or an ISO date", async () => {
    const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "t/contract" }] }, async ({ step }) => {
      await Promise.all([step.sleep("nap", "90s"), step.sleepUntil("until", new Date("2030-01-02T03:04:05.000Z"))]);
    });
    const result = await execute(sleeper);
    expect(result).toMatchObject({
      type: "steps-found",
      steps: [
        { id: hashStepId("nap"), op: "Sleep", name: "1m30s" },
        { id: hashStepId("until"), op: "Sleep", name: "2030-01-02T03:04:05.000Z" },
      ],
    });
  });

  const failing = client.createFunction({ id: "failing", triggers: [{ event: "t/contract" }] }, async ({ step }) =>
    step.run("flaky", () => {
      throw new Error("flaky failed");
    }),
  );

  it("reports a failing step as StepError while attempts remain, StepFailed on the last", async () => {
    const retriable = await execute(failing, { attempt: 0 });
    expect(retriable).toMatchObject({ type: "step-ran", retriable: true, step: { op: "StepError", error: { message: "flaky failed" } } });
    const final = await execute(failing, { attempt: 2 });
    expect(final).toMatchObject({ type: "step-ran", retriable: false, step: { op: "StepFailed", error: { message: "flaky failed" } } });
  });

  it("throws a memoized step error into the function, which then rejects without retry", async () => {
    const id = hashStepId("flaky");
    const result = await execute(failing, { stepState: { [id]: { id, error: { name: "Error", message: "flaky failed" } } }, stepCompletionOrder: [id] });
    expect(result).toMatchObject({ type: "function-rejected", retriable: false, error: { message: "flaky failed" } });
  });

  it("marks NonRetriableError as not retriable and RetryAfterError with its delay in seconds", async () => {
    const nonRetriable = client.createFunction({ id: "nr", triggers: [{ event: "t/contract" }] }, () => {
      throw new NonRetriableError("never");
    });
    const retryAfter = client.createFunction({ id: "ra", triggers: [{ event: "t/contract" }] }, () => {
      throw new RetryAfterError("later", "5s");
    });
    expect(await execute(nonRetriable)).toMatchObject({ type: "function-rejected", retriable: false, error: { name: "NonRetriableError", message: "never" } });
    expect(await execute(retryAfter)).toMatchObject({ type: "function-rejected", retriable: "5", error: { message: "later" } });
  });

  it("runs onFailure with the error from an inngest/function.failed event", async () => {
    const withFailure = client.createFunction(
      { id: "with-failure", triggers: [{ event: "t/contract" }], onFailure: ({ error, event: failed }) => `${error.message} / ${failed.data.event.name}` },
      () => "ok",
    );
    const failed = {
      name: internalEvents.FunctionFailed,
      id: "f-1",
      ts: 1,
      data: { function_id: "x", run_id: "run-1", error: { name: "Error", message: "it broke" }, event },
    };
    const result = await execute(withFailure, { handlerKind: "failure", event: failed });
    expect(result).toMatchObject({ type: "function-resolved", data: "it broke / t/contract" });
  });

  it("sends events as a POST of a JSON array to <event API>/e/<key> and accepts { ids, status }", async () => {
    const requests: { url: string; method?: string; body: unknown }[] = [];
    const { Inngest } = await import("inngest");
    const spy = new Inngest({
      id: "contract-spy",
      eventKey: EMBEDDED_EVENT_KEY,
      fetch: (async (url: string, init?: RequestInit) => {
        requests.push({ url, method: init?.method, body: JSON.parse(String(init?.body)) });
        return Response.json({ ids: ["e-1"], status: 200 });
      }) as typeof fetch,
    });
    await expect(spy.send({ name: "t/spy", data: { a: 1 } })).resolves.toEqual({ ids: ["e-1"] });
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]?.url ?? "").pathname).toBe(`/e/${EMBEDDED_EVENT_KEY}`);
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.body).toEqual([expect.objectContaining({ name: "t/spy", data: { a: 1 }, ts: expect.any(Number) })]);
  });
});
