import { describe, expect, it } from "vitest";
import { delay, testSetup } from "~/test/support/embedded-engine";

// Keyed concurrency (`key: "event.data.ownerKey"`) as run-tool and
// ingest-document declare it: each owner gets at most its limit, and free
// slots go to the owner with the fewest runs executing.
describe("embedded engine: per-owner concurrency and fairness", () => {
  it("starts a second owner's job before the first owner's backlog drains", async () => {
    const { client, start } = testSetup();
    const starts: { run: string; at: number }[] = [];
    const fn = client.createFunction(
      { id: "fair-jobs", concurrency: [{ limit: 2 }, { limit: 2, key: "event.data.ownerKey" }], triggers: [{ event: "t/fair" }] },
      async ({ event, step }) => {
        await step.run("work", async () => {
          starts.push({ run: `${String(event.data.ownerKey)}#${String(event.data.n)}`, at: Date.now() });
          await delay(200);
        });
      },
    );
    const engine = await start([fn], { concurrency: 8 });
    for (let n = 1; n <= 10; n += 1) await client.send({ name: "t/fair", data: { ownerKey: "guest:a", n } });
    await client.send({ name: "t/fair", data: { ownerKey: "user:b", n: 1 } });
    const bQueuedAt = Date.now();
    await engine.waitForIdle();

    const order = starts.map((start) => start.run);
    expect(order).toHaveLength(11);
    // A still had a backlog when B's job was queued; the next free slot went to B (fewer running), not to A's next
    // (one A run may have been claimed just before B's job existed).
    const startedBefore = starts.filter((start) => start.at < bQueuedAt).length;
    expect(startedBefore).toBeLessThan(8);
    expect(order.indexOf("user:b#1") - startedBefore).toBeLessThanOrEqual(1);
    // Within one owner, first in first out.
    expect(order.filter((run) => run.startsWith("guest:a"))).toEqual(Array.from({ length: 10 }, (_, i) => `guest:a#${i + 1}`));
  });

  it("never runs more than the per-owner limit for one owner, while other owners use the free slots", async () => {
    const { client, start } = testSetup();
    const running = new Map<string, number>();
    const maxPerOwner = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const fn = client.createFunction(
      { id: "per-owner-cap", concurrency: [{ limit: 10 }, { limit: 2, key: "event.data.ownerKey" }], triggers: [{ event: "t/cap" }] },
      async ({ event, step }) => {
        const owner = String(event.data.ownerKey);
        await step.run("work", async () => {
          running.set(owner, (running.get(owner) ?? 0) + 1);
          maxPerOwner.set(owner, Math.max(maxPerOwner.get(owner) ?? 0, running.get(owner) ?? 0));
          maxTotal = Math.max(maxTotal, ++total);
          await delay(100);
          running.set(owner, (running.get(owner) ?? 0) - 1);
          total -= 1;
        });
      },
    );
    const engine = await start([fn], { concurrency: 8 });
    const events = ["guest:a", "guest:b", "user:c"].flatMap((ownerKey) => Array.from({ length: 5 }, (_, n) => ({ name: "t/cap", data: { ownerKey, n } })));
    await client.send(events);
    await engine.waitForIdle();

    expect(Object.fromEntries(maxPerOwner)).toEqual({ "guest:a": 2, "guest:b": 2, "user:c": 2 });
    // The limit is per owner, not for the whole function.
    expect(maxTotal).toBeGreaterThan(2);
    expect(maxTotal).toBeLessThanOrEqual(6);
  });
});
