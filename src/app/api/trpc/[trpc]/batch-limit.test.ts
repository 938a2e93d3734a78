import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "@/server/api/max-batch-size";
import { GET } from "./route";

/** A batched GET of `count` tool.list calls, as httpBatchLink sends it. */
function batchOf(count: number) {
  const paths = Array.from({ length: count }, () => "tool.list").join(",");
  const input = Object.fromEntries(Array.from({ length: count }, (_, index) => [index, {}]));
  return new NextRequest(`http://localhost:3000/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { host: "localhost:3000" },
  });
}

describe("tRPC batches", () => {
  it("answers a batch of 20 calls", async () => {
    const response = await GET(batchOf(MAX_BATCH_SIZE));
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE);
  });

  it("refuses a batch of 21 or more with 400", async () => {
    for (const count of [MAX_BATCH_SIZE + 1, 500]) {
      const response = await GET(batchOf(count));
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("Batch call exceeds maximum size");
    }
  });
});
