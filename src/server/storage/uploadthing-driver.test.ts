import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStorageKey, InvalidStorageKeyError } from "./create-storage-key";
import { collect, randomBody, readAll, sha256Of, webStreamOf } from "~/test/support/byte-streams";
import { startUploadThingStub } from "~/test/support/uploadthing-stub";
import { StorageLimitError, StorageNotFoundError, type StorageDriver } from "./types";
import { createUploadThingDriver } from "./uploadthing-driver";

// The real UTApi from `uploadthing/server`, pointed at a loopback server
// through its apiUrl/ingestUrl/ufsHost options: these tests see the HTTP the
// driver causes and how it maps the answers.
let stub: Awaited<ReturnType<typeof startUploadThingStub>>;
let storage: StorageDriver;

beforeEach(async () => {
  // uploadthing 7.7.4 reads its own deprecated `url`/`appUrl` getters on every upload and warns; noise here.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  stub = await startUploadThingStub({ maxPageSize: 2 });
  storage = createUploadThingDriver(stub.token, stub.utapiOptions);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await stub.close();
});

const KEY = "2026/11/21/AAAAAAAAAAAAAAAAAAAAAA";
const CUSTOM_ID = "2026.11.21.AAAAAAAAAAAAAAAAAAAAAA";

describe("UploadThing driver", () => {
  it("uploads a file under our key as its customId, with a signed ingest URL", async () => {
    const { bytes, stream } = randomBody(300_000);
    const stored = await storage.write(KEY, stream, { maxBytes: 300_000, contentType: "application/pdf" });
    expect(stored).toEqual({ size: 300_000, sha256: sha256Of(bytes) });
    const [upload, ...rest] = stub.requests;
    expect(rest).toEqual([]);
    expect(upload).toMatchObject({ method: "PUT" });
    expect(upload?.path).toMatch(/^\/ingest\/[A-Za-z0-9]+$/);
    expect(Object.fromEntries(upload?.query ?? [])).toMatchObject({
      "x-ut-identifier": stub.appId,
      "x-ut-custom-id": CUSTOM_ID,
      "x-ut-file-name": "AAAAAAAAAAAAAAAAAAAAAA",
      "x-ut-file-size": "300000",
      "x-ut-file-type": "application%2Fpdf",
    });
    expect(stub.files).toHaveLength(1);
    expect(Buffer.from(stub.files[0]?.bytes ?? []).equals(bytes)).toBe(true);
  });

  it("reads back through a signed file URL addressed by customId", async () => {
    const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, index) => index % 253));
    await storage.write(KEY, webStreamOf(bytes), { maxBytes: 70_000 });
    expect(Buffer.from(await storage.readBytes(KEY)).equals(Buffer.from(bytes))).toBe(true);
    expect((await readAll(await storage.read(KEY))).equals(Buffer.from(bytes))).toBe(true);
    const get = stub.requests.find((request) => request.method === "GET");
    expect(get?.path).toBe(`/a/${stub.appId}/${CUSTOM_ID}`);
    const expires = Number(get?.query.get("expires"));
    expect(expires - Date.now()).toBeGreaterThan(290_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it("enforces maxBytes while reading, before any request", async () => {
    await expect(storage.write(KEY, randomBody(100_001, 4096).stream, { maxBytes: 100_000 })).rejects.toBeInstanceOf(StorageLimitError);
    await expect(storage.write(KEY, new Uint8Array(11), { maxBytes: 10 })).rejects.toBeInstanceOf(StorageLimitError);
    expect(stub.requests).toEqual([]);
    expect(await storage.write(KEY, randomBody(100_000, 4096).stream, { maxBytes: 100_000 })).toMatchObject({ size: 100_000 });
    expect(stub.requests).toHaveLength(1);
  });

  it("maps a missing file to StorageNotFoundError", async () => {
    await expect(storage.read(KEY)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.readBytes(KEY)).rejects.toMatchObject({ name: "StorageNotFoundError", key: KEY });
  });

  it("deletes by customId, idempotently", async () => {
    await storage.write(KEY, new Uint8Array([1, 2, 3]), { maxBytes: 3 });
    await storage.delete(KEY);
    await storage.delete(KEY);
    const deletes = stub.requests.filter((request) => request.path === "/api/v6/deleteFiles");
    expect(deletes).toHaveLength(2);
    expect(JSON.parse(Buffer.from(deletes[0]?.body ?? []).toString())).toEqual({ customIds: [CUSTOM_ID] });
    expect(deletes[0]?.headers["x-uploadthing-api-key"]).toBe(stub.apiKey);
    await expect(storage.readBytes(KEY)).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("lists and stats our files across pages, skipping everything else in the app", async () => {
    const keys = [createStorageKey(), createStorageKey(), createStorageKey()];
    for (const [index, key] of keys.entries()) await storage.write(key, new Uint8Array(index + 1), { maxBytes: 10 });
    const other = { key: "k", name: "n", size: 1, type: "text/plain", uploadedAt: 0, bytes: new Uint8Array(1) };
    stub.files.push(
      { ...other, customId: null, status: "Uploaded" }, // uploaded by something else
      { ...other, customId: "2026.11.21.still-uploading", status: "Uploading" },
      { ...other, customId: "2026/11/21/slashes", status: "Uploaded" }, // not written by this driver
      { ...other, customId: "a..b", status: "Uploaded" },
    );
    const listed = await collect(storage.list());
    expect(listed.map((entry) => entry.key)).toEqual(keys);
    expect(listed[2]).toEqual({ key: keys[2], size: 3, modifiedAt: new Date(stub.files[2]?.uploadedAt ?? NaN) });
    const pages = stub.requests.filter((request) => request.path === "/api/v6/listFiles").map((request) => JSON.parse(Buffer.from(request.body).toString()));
    expect(pages).toEqual([{ limit: 500, offset: 0 }, { limit: 500, offset: 2 }, { limit: 500, offset: 4 }, { limit: 500, offset: 6 }]);
    expect(await storage.stat(keys[1] ?? "")).toMatchObject({ size: 2 });
    expect(await storage.stat(createStorageKey())).toBeNull();
  });

  it("stats one key with a single signed HEAD addressed by its customId, never listing", async () => {
    const keys = [createStorageKey(), createStorageKey(), createStorageKey(), createStorageKey()];
    for (const [index, key] of keys.entries()) await storage.write(key, new Uint8Array(index + 5), { maxBytes: 10 });
    stub.requests.splice(0);
    const stat = await storage.stat(keys[2] ?? "");
    expect(stat?.size).toBe(7);
    expect(Math.abs((stat?.modifiedAt.getTime() ?? NaN) - (stub.files[2]?.uploadedAt ?? NaN))).toBeLessThan(1000);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({ method: "HEAD", path: `/a/${stub.appId}/${(keys[2] ?? "").replaceAll("/", ".")}` });
    expect(stub.requests.some((request) => request.path === "/api/v6/listFiles")).toBe(false);
  });

  it("stats a missing key as null with one request", async () => {
    await storage.write(createStorageKey(), new Uint8Array(3), { maxBytes: 3 });
    stub.requests.splice(0);
    expect(await storage.stat(KEY)).toBeNull();
    expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`HEAD /a/${stub.appId}/${CUSTOM_ID}`]);
  });

  it("rejects hostile keys before any request", async () => {
    for (const key of ["../etc/passwd", "/abs", "a/../../b", "%2e%2e", ""]) {
      await expect(storage.write(key, new Uint8Array([1]), { maxBytes: 1 })).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.read(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(stub.requests).toEqual([]);
  });

  it("turns failed uploads and reads into errors that are not limit or not-found errors", async () => {
    stub.fail("ingest");
    const write = storage.write(KEY, new Uint8Array([1]), { maxBytes: 1 });
    await expect(write).rejects.toThrow(/UploadThing upload of 2026\/11\/21\/A+ failed/);
    await expect(write).rejects.not.toBeInstanceOf(StorageLimitError);
    stub.fail("a");
    await expect(storage.readBytes(KEY)).rejects.toThrow("UploadThing answered 500");
    stub.fail("api");
    await expect(storage.delete(KEY)).rejects.toThrow();
  });
});
