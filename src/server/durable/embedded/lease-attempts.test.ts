import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { EmbeddedEngine } from "./engine";
import { absoluteFunctionId } from "./sdk-internals";
import { eventually, onlyRun, testClient, testEngine } from "~/test/support/embedded-engine";

const LONG_LEASE_MS = 600_000;

describe("embedded engine: a run whose process keeps dying", () => {
  it("counts each take-over of an expired lease as an attempt, and fails the run (with onFailure) past its retries", async () => {
    const current: { engine?: EmbeddedEngine } = {};
    const client = testClient(() => current.engine);
    const failures: string[] = [];
    let releaseStuck: () => void = () => {};
    const stuck = new Promise<void>((resolve) => (releaseStuck = resolve));
    const fn = client.createFunction(
      {
        id: "crashy",
        retries: 2,
        triggers: [{ event: "t/crashy" }],
        onFailure: async ({ error }) => void failures.push(error.message),
      },
      async ({ step }) => step.run("deadly", async () => stuck),
    );

    // Engine A takes the run and "dies" inside the step (it never finishes).
    const engineA = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineA;
    await engineA.start();
    await client.send({ name: "t/crashy", data: {} });
    const run = await eventually(async () => (await db.engineRun.findFirst({ where: { functionId: absoluteFunctionId(fn), status: "running" } })) ?? undefined);

    // Twice before, other processes took it over after their leases ran out and died too.
    await db.engineRun.update({ where: { id: run.id }, data: { attempt: 2, claimedUntil: new Date(Date.now() - 1_000) } });

    // Engine B takes it over: the third death in a row, with 2 retries (3 attempts) allowed.
    const engineB = testEngine([fn], { leaseMs: LONG_LEASE_MS });
    current.engine = engineB;
    await engineB.start();
    await engineB.waitForIdle({ timeoutMs: 10_000 });
    releaseStuck();
    await engineA.stop({ graceMs: 100 }).catch(() => undefined);
    await engineB.stop({ graceMs: 100 });

    const finished = await onlyRun(absoluteFunctionId(fn));
    expect(finished).toMatchObject({ status: "failed", attempt: 3 });
    expect(finished.error).toContain("stopped 3 times");
    expect(failures).toHaveLength(1);
  });
});
