import { describe, expect, it } from "vitest";
import { delay, testSetup } from "~/test/support/embedded-engine";

type Span = { start: number; end: number };

function maxOverlap(spans: Span[]): number {
  const edges = spans.flatMap((span) => [
    { at: span.start, delta: 1 },
    { at: span.end, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const edge of edges) max = Math.max(max, (current += edge.delta));
  return max;
}

describe("embedded engine: concurrency", () => {
  it("never overlaps two runs of a function with concurrency limit 1", async () => {
    const { client, start } = testSetup();
    const spans: Span[] = [];
    const fn = client.createFunction({ id: "one-at-a-time", concurrency: { limit: 1 }, triggers: [{ event: "t/serial" }] }, async ({ step }) => {
      await step.run("work", async () => {
        const start = Date.now();
        await delay(150);
        spans.push({ start, end: Date.now() });
      });
    });
    const engine = await start([fn], { concurrency: 4 });
    await client.send([1, 2, 3].map((n) => ({ name: "t/serial", data: { n } })));
    await engine.waitForIdle();

    expect(spans).toHaveLength(3);
    expect(maxOverlap(spans)).toBe(1);
  });

  it("caps runs across functions at the engine's concurrency", async () => {
    const { client, start } = testSetup();
    const spans: Span[] = [];
    const work = async () => {
      const start = Date.now();
      await delay(150);
      spans.push({ start, end: Date.now() });
    };
    const a = client.createFunction({ id: "a", triggers: [{ event: "t/fan" }] }, ({ step }) => step.run("work", work));
    const b = client.createFunction({ id: "b", triggers: [{ event: "t/fan" }] }, ({ step }) => step.run("work", work));
    const engine = await start([a, b], { concurrency: 2 });
    await client.send([1, 2, 3].map((n) => ({ name: "t/fan", data: { n } })));
    await engine.waitForIdle();

    expect(spans).toHaveLength(6);
    expect(maxOverlap(spans)).toBe(2);
  });
});
