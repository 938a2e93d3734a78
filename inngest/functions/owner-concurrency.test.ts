import { describe, expect, it } from "vitest";
import { concurrencyKeysFor, parseConcurrency } from "@/server/durable/embedded/concurrency-limits";
import { ingestDocumentFunction } from "./ingest-document";
import { runToolFunction } from "./run-tool";

describe("per-owner concurrency of the durable functions", () => {
  it("keys run-tool on the owner (2 at a time by default) under its overall limit of 8", () => {
    const limits = parseConcurrency(runToolFunction.opts.concurrency);
    expect(limits.functionLimit).toBe(8);
    expect(limits.keyed.map((keyed) => keyed.limit)).toEqual([2]);
    expect(concurrencyKeysFor("run-tool", limits.keyed, { data: { jobId: "j", ownerKey: "guest:g_1" } })).toEqual(["run-tool:guest:g_1"]);
  });

  it("keys ingest-document on the owner (1 at a time by default) under its overall limit of 2", () => {
    const limits = parseConcurrency(ingestDocumentFunction.opts.concurrency);
    expect(limits.functionLimit).toBe(2);
    expect(limits.keyed.map((keyed) => keyed.limit)).toEqual([1]);
    expect(concurrencyKeysFor("ingest-document", limits.keyed, { data: { fileId: "f", ownerKey: "user:u_1" } })).toEqual(["ingest-document:user:u_1"]);
  });
});
