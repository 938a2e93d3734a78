import { describe, expect, it } from "vitest";

describe("zod-without-eval", () => {
  it("switches zod to jitless parsing without importing zod itself", async () => {
    await import("./zod-without-eval");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // Object schemas still parse (and refuse) as usual without the compiled fast path.
    const schema = z.object({ name: z.string() });
    expect(schema.parse({ name: "a" })).toEqual({ name: "a" });
    expect(schema.safeParse({ name: 1 }).success).toBe(false);
  });
});
