import { describe, expect, it } from "vitest";
import { HEAVY_JOB_BYTES, withHeavyJobSlot } from "./heavy-job-slots";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("heavy job slots", () => {
  it("runs two heavy jobs at once, starts a third when one ends, and never holds up a small one", async () => {
    const started: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred() };
    const heavy = (name: keyof typeof gates) =>
      withHeavyJobSlot(HEAVY_JOB_BYTES + 1, async () => {
        started.push(name);
        await gates[name].promise;
        return name;
      });
    const runs = [heavy("a"), heavy("b"), heavy("c")];
    await settle();
    expect(started).toEqual(["a", "b"]);

    expect(await withHeavyJobSlot(1_000, async () => "small")).toBe("small");

    gates.a.resolve();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    gates.b.resolve();
    gates.c.resolve();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
  });

  it("gives the slot back when a heavy job fails", async () => {
    const failing = withHeavyJobSlot(HEAVY_JOB_BYTES + 1, async () => {
      throw new Error("damaged");
    });
    await expect(failing).rejects.toThrow("damaged");
    const gate = deferred();
    const started: number[] = [];
    const runs = [1, 2].map((n) => withHeavyJobSlot(HEAVY_JOB_BYTES + 1, async () => (started.push(n), await gate.promise, n)));
    await settle();
    expect(started).toEqual([1, 2]); // both slots are free again
    gate.resolve();
    expect(await Promise.all(runs)).toEqual([1, 2]);
  });
});
