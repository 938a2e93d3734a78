import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { EICAR, startClamdStub } from "~/test/support/clamd-stub";
import { multipartBody } from "~/test/support/multipart";

type Stub = Awaited<ReturnType<typeof startClamdStub>>;
const stubs: Stub[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

/**
 * An upload through the real upload service (what POST /api/files runs),
 * with the scanner settings given: they are read when the app's modules load.
 */
async function upload(settings: Record<string, string>, files: Array<{ name: string; body: string }>) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  vi.resetModules();
  const { uploadFiles } = await import("./upload-files");
  const { getStorage } = await import("@/server/storage");
  const { toErrorResponse } = await import("@/server/http/to-error-response");
  const actor = { kind: "guest" as const, guestId: createGuestId(), role: "GUEST" as const };
  try {
    const stored = await uploadFiles(db, getStorage(), actor, multipartBody(files.map((file) => ({ name: file.name, bytes: file.body }))));
    return { status: 201, body: stored as unknown };
  } catch (error) {
    const response = toErrorResponse(error);
    return { status: response.status, body: (await response.json()) as unknown };
  }
}

const text = (words: string) => `${words}\n`;
/** Whether any stored object holds the EICAR string (other test files share the storage directory). */
async function eicarStored(): Promise<boolean> {
  const root = path.join(inject("dataRoot"), "files");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(path.join(entry.parentPath, entry.name)).catch(() => Buffer.alloc(0));
    if (bytes.includes(EICAR)) return true;
  }
  return false;
}

async function stub(mode: "scan" | "hang" | "close" = "scan") {
  const started = await startClamdStub(mode);
  stubs.push(started);
  return started;
}

describe("malware scanning of uploads (CLAMAV_URL)", { timeout: 30_000 }, () => {
  it("accepts a clean file after the scanner said OK", async () => {
    const clamd = await stub();
    const { status, body } = await upload({ CLAMAV_URL: clamd.url }, [{ name: "notes.txt", body: text("clean words") }]);
    expect(status).toBe(201);
    expect(body).toMatchObject([{ name: "notes.txt" }]);
    expect(clamd.chunkCounts).toHaveLength(1);
  });

  it("refuses an infected file with 422 naming the finding, and keeps nothing of it", async () => {
    const clamd = await stub();
    const rowsBefore = await db.file.count({ where: { name: "invoice.txt" } });
    const { status, body } = await upload({ CLAMAV_URL: clamd.url }, [{ name: "invoice.txt", body: text(EICAR) }]);
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toContain("“invoice.txt” was refused: malware found (Eicar-Test-Signature).");
    expect(await db.file.count({ where: { name: "invoice.txt" } })).toBe(rowsBefore);
    expect(await eicarStored()).toBe(false);
  });

  it("fails closed with 503 when the scanner is down, or open with CLAMAV_FAIL_OPEN=1", async () => {
    const clamd = await stub("close");
    const closed = await upload({ CLAMAV_URL: clamd.url }, [{ name: "a.txt", body: text("words") }]);
    expect(closed.status).toBe(503);
    expect(JSON.stringify(closed.body)).toContain("could not be checked for malware");
    const open = await upload({ CLAMAV_URL: clamd.url, CLAMAV_FAIL_OPEN: "1" }, [{ name: "a.txt", body: text("words") }]);
    expect(open.status).toBe(201);
  });

  it("answers 503 within the timeout when the scanner never answers", async () => {
    const clamd = await stub("hang");
    const started = Date.now();
    const { status } = await upload({ CLAMAV_URL: clamd.url, CLAMAV_TIMEOUT_MS: "500" }, [{ name: "a.txt", body: text("words") }]);
    expect(status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("streams a large file in chunks rather than as one message", async () => {
    const clamd = await stub();
    const big = text("lorem ipsum dolor sit amet ".repeat(40_000)); // about 1 MB of text
    const { status } = await upload({ CLAMAV_URL: clamd.url }, [{ name: "big.txt", body: big }]);
    expect(status).toBe(201);
    expect(clamd.chunkCounts[0]).toBeGreaterThan(4);
  });

  it("scans files that reached storage directly (UploadThing) before recording them", async () => {
    const clamd = await stub();
    vi.stubEnv("CLAMAV_URL", clamd.url);
    vi.resetModules();
    const { recordStoredUpload } = await import("./record-stored-upload");
    const { getStorage } = await import("@/server/storage");
    const { createStorageKey } = await import("@/server/storage/create-storage-key");
    const { Readable } = await import("node:stream");
    const storage = getStorage();
    const key = createStorageKey();
    await storage.write(key, Readable.from([Buffer.from(text(EICAR))]), { maxBytes: 10_000, contentType: "text/plain" });
    const owner = { userId: null, guestId: createGuestId() };
    await expect(recordStoredUpload(db, storage, { storageKey: key, name: "direct.txt", owner, maxFileBytes: 10_000, expiresAt: null })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect(await storage.stat(key)).toBeNull();
  });
});
