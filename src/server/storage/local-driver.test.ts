import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStorageKey, InvalidStorageKeyError } from "./create-storage-key";
import { createLocalDriver } from "./local-driver";
import { collect, randomBody, readAll, sha256Of, webStreamOf } from "~/test/support/byte-streams";
import { StorageLimitError, StorageNotFoundError, type StorageDriver } from "./types";

let parent: string;
let root: string;
let storage: StorageDriver;

beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), "fileforge-storage-"));
  root = path.join(parent, "files");
  storage = createLocalDriver(root);
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function tempEntries(): Promise<string[]> {
  return readdir(path.join(root, ".tmp")).catch(() => []);
}

/** The write has opened its temp file (a fixed sleep is not enough on a loaded machine). */
async function untilTempFileExists(): Promise<void> {
  for (let waited = 0; (await tempEntries()).length === 0; waited += 10) {
    if (waited > 5000) throw new Error("the write never created its temp file");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("local driver", () => {
  it("round-trips a 5 MB stream with its size and sha256, as a 0600 file", async () => {
    const { bytes, stream } = randomBody(5 * 1024 * 1024);
    const key = createStorageKey();
    const stored = await storage.write(key, stream, { maxBytes: 10 * 1024 * 1024 });
    expect(stored).toEqual({ size: bytes.length, sha256: sha256Of(bytes) });
    expect((await readAll(await storage.read(key))).equals(bytes)).toBe(true);
    expect(Buffer.from(await storage.readBytes(key)).equals(bytes)).toBe(true);
    const onDisk = await stat(path.join(root, ...key.split("/")));
    expect(onDisk.mode & 0o777).toBe(0o600);
    expect(await storage.stat(key)).toEqual({ size: bytes.length, modifiedAt: onDisk.mtime });
    expect(await tempEntries()).toEqual([]);
  });

  it("refuses one byte over maxBytes, leaving neither the file nor a temp file", async () => {
    const { stream } = randomBody(100_001, 4096);
    const key = createStorageKey();
    const write = storage.write(key, stream, { maxBytes: 100_000 });
    await expect(write).rejects.toBeInstanceOf(StorageLimitError);
    await expect(write).rejects.toMatchObject({ maxBytes: 100_000 });
    expect(stream.destroyed).toBe(true);
    expect(await storage.stat(key)).toBeNull();
    await expect(stat(path.join(root, ...key.split("/")))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await tempEntries()).toEqual([]);
    // Over the limit in the first chunk, before the temp file has even been opened.
    await expect(storage.write(key, new Uint8Array(11), { maxBytes: 10 })).rejects.toBeInstanceOf(StorageLimitError);
    expect(await tempEntries()).toEqual([]);
  });

  it("accepts exactly maxBytes", async () => {
    const { bytes, stream } = randomBody(100_000, 4096);
    const key = createStorageKey();
    expect(await storage.write(key, stream, { maxBytes: 100_000 })).toEqual({ size: 100_000, sha256: sha256Of(bytes) });
    expect(await storage.stat(key)).toMatchObject({ size: 100_000 });
  });

  it("shows nothing under the key until the write has finished", async () => {
    const key = createStorageKey();
    const body = new PassThrough();
    const write = storage.write(key, body, { maxBytes: 1000 });
    body.write(Buffer.from("first half "));
    await untilTempFileExists();
    expect(await storage.stat(key)).toBeNull();
    expect(await tempEntries()).toHaveLength(1);
    body.end(Buffer.from("second half"));
    await write;
    expect(Buffer.from(await storage.readBytes(key)).toString()).toBe("first half second half");
  });

  it("stops a write whose body stopped coming when its signal aborts, leaving no partial file", async () => {
    const key = createStorageKey();
    const body = new PassThrough(); // half a file, then nothing: the sender went away
    const controller = new AbortController();
    const write = storage.write(key, body, { maxBytes: 1000, signal: controller.signal });
    body.write(Buffer.from("first half "));
    await untilTempFileExists();
    expect(await tempEntries()).toHaveLength(1);
    const reason = new Error("the request gave up");
    controller.abort(reason);
    await expect(write).rejects.toBe(reason);
    expect(await tempEntries()).toEqual([]);
    expect(await storage.stat(key)).toBeNull();
  });

  it.each(["../etc/passwd", "/abs", "a/../../b", "%2e%2e", "", "../files-evil/x", ".tmp/x"])("rejects the hostile key %j everywhere", async (key) => {
    await expect(storage.write(key, new Uint8Array([1, 2, 3]), { maxBytes: 10 })).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.read(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.readBytes(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(await readdir(parent)).toEqual([]); // not even the root was created
  });

  it("keeps concurrent writes to different keys apart", async () => {
    const bodies = Array.from({ length: 24 }, (_, index) => ({ key: createStorageKey(), ...randomBody(50_000 + index * 997, 3000) }));
    const results = await Promise.all(bodies.map(({ key, stream }) => storage.write(key, stream, { maxBytes: 1_000_000 })));
    for (const [index, { key, bytes }] of bodies.entries()) {
      expect(results[index]).toEqual({ size: bytes.length, sha256: sha256Of(bytes) });
      expect(sha256Of(await storage.readBytes(key))).toBe(sha256Of(bytes));
    }
  });

  it("reports a missing key, and a date directory, as not found", async () => {
    const key = createStorageKey(new Date("2026-11-21T12:00:00Z"));
    await expect(storage.read(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.readBytes(key)).rejects.toMatchObject({ name: "StorageNotFoundError", key });
    await storage.write(key, new Uint8Array([1]), { maxBytes: 1 });
    await expect(storage.read("2026/11")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.read(`${key}/below-a-file`)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await storage.stat("2026/11")).toBeNull();
  });

  it("deletes idempotently", async () => {
    const key = createStorageKey();
    await storage.write(key, new Uint8Array([1, 2, 3]), { maxBytes: 3 });
    await storage.delete(key);
    await storage.delete(key);
    await storage.delete(createStorageKey());
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.readBytes(key)).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("lists written keys and nothing else", async () => {
    expect(await collect(storage.list())).toEqual([]); // root not created yet
    const keys = [createStorageKey(new Date("2026-01-01")), createStorageKey(new Date("2026-01-01")), createStorageKey(new Date("2026-02-03"))];
    for (const [index, key] of keys.entries()) await storage.write(key, new Uint8Array(index + 1), { maxBytes: 10 });
    // Leftovers of a crashed write, and a file no key can name.
    await writeFile(path.join(root, ".tmp", "crashed.part"), "partial");
    await mkdir(path.join(root, "2026", "01", "01"), { recursive: true });
    await writeFile(path.join(root, "2026", "01", "01", "notes.txt"), "stray");
    const listed = await collect(storage.list());
    expect(listed.map((entry) => entry.key).sort()).toEqual([...keys].sort());
    expect(listed.find((entry) => entry.key === keys[2])).toMatchObject({ size: 3, modifiedAt: expect.any(Date) });
  });

  it("stores web ReadableStream and Uint8Array bodies", async () => {
    const bytes = new Uint8Array(Array.from({ length: 10_000 }, (_, index) => index % 251));
    const webKey = createStorageKey();
    const arrayKey = createStorageKey();
    expect(await storage.write(webKey, webStreamOf(bytes), { maxBytes: 10_000 })).toEqual({ size: 10_000, sha256: sha256Of(bytes) });
    expect(await storage.write(arrayKey, bytes, { maxBytes: 10_000 })).toEqual({ size: 10_000, sha256: sha256Of(bytes) });
    expect(await readFile(path.join(root, ...webKey.split("/")))).toEqual(Buffer.from(bytes));
    expect(Buffer.from(await storage.readBytes(arrayKey))).toEqual(Buffer.from(bytes));
    await expect(storage.write(createStorageKey(), webStreamOf(bytes), { maxBytes: 9_999 })).rejects.toBeInstanceOf(StorageLimitError);
    expect(await tempEntries()).toEqual([]);
  });
});
