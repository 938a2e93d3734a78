import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SPOOL_DIR_PREFIX } from "./spool-to-disk";
import { startUploadThingStub } from "~/test/support/uploadthing-stub";
import { StorageLimitError } from "./types";
import { createUploadThingDriver } from "./uploadthing-driver";

// Uploads through UploadThing used to gather the whole body in memory before
// sending it; these tests hold the driver to streaming: spool to disk, send
// from disk, leave nothing behind.
let stub: Awaited<ReturnType<typeof startUploadThingStub>>;

beforeEach(async () => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // uploadthing's own deprecation noise
  stub = await startUploadThingStub({ discardUploads: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await stub.close();
});

const MiB = 1024 * 1024;
const KEY = "2026/12/06/BBBBBBBBBBBBBBBBBBBBBB";

/** `total` bytes produced a chunk at a time, never held together. */
function lazyBody(total: number, chunkSize = MiB): Readable {
  const chunk = Buffer.alloc(chunkSize, 0x5a);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < total; sent += chunkSize) yield chunk.subarray(0, Math.min(chunkSize, total - sent));
    })(),
  );
}

async function spoolDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith(SPOOL_DIR_PREFIX));
}

describe("UploadThing driver, large bodies", () => {
  it("uploads 256 MiB with memory growth far below the body's size", async () => {
    const storage = createUploadThingDriver(stub.token, stub.utapiOptions);
    const size = 256 * MiB;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const stored = await storage.write(KEY, lazyBody(size), { maxBytes: size, contentType: "application/pdf" });
      expect(stored.size).toBe(size);
    } finally {
      clearInterval(sampler);
    }
    // Every byte reached the ingest server (plus multipart framing)...
    expect(stub.files).toHaveLength(1);
    expect(stub.files[0]?.size).toBeGreaterThan(size);
    expect(stub.files[0]?.size).toBeLessThan(size + 4096);
    // ...without the process ever holding the body: buffering it (as before) grows RSS past 256 MiB.
    expect((peak - before) / MiB).toBeLessThan(128);
  });

  it("removes its spool file after success, failure, a limit hit and an abort", async () => {
    const storage = createUploadThingDriver(stub.token, stub.utapiOptions);
    const mine = new Set(await spoolDirs());
    const leftovers = async () => (await spoolDirs()).filter((name) => !mine.has(name));

    await storage.write(KEY, lazyBody(3 * MiB), { maxBytes: 3 * MiB });
    await expect(storage.write(KEY, lazyBody(3 * MiB), { maxBytes: 2 * MiB })).rejects.toBeInstanceOf(StorageLimitError);
    const controller = new AbortController();
    const reason = new Error("client went away");
    const aborted = storage.write(KEY, Readable.from((async function* () {
      yield Buffer.alloc(MiB);
      controller.abort(reason);
      yield Buffer.alloc(MiB);
    })()), { maxBytes: 10 * MiB, signal: controller.signal });
    await expect(aborted).rejects.toBe(reason);
    stub.fail("ingest");
    await expect(storage.write(KEY, lazyBody(MiB), { maxBytes: MiB })).rejects.toThrow(/UploadThing upload of .* failed/);

    expect(await leftovers()).toEqual([]);
    // Only the success and the ingest failure reached UploadThing; the limit and the abort stopped before the network.
    expect(stub.requests.filter((request) => request.method === "PUT")).toHaveLength(2);
  });
});
