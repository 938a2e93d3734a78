import { buffer } from "node:stream/consumers";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it } from "vitest";
import { GET as getHealthRoute } from "@/app/api/health/route";
import { appRouter } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { receiveUploadRequest } from "@/server/http/receive-upload-request";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { uploadFiles } from "@/server/services/files/upload-files";
import { setFreeSpaceProbe } from "@/server/services/system/check-disk-space";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";
import { setupTempStorage } from "~/test/support/temp-storage";

// The data volume as the app sees it when it is nearly full: 200 MB free, under the 1024 MB floor.
const NEARLY_FULL = 200 * 1024 * 1024;
const diskNearlyFull = () => setFreeSpaceProbe(() => Promise.resolve(NEARLY_FULL));

const { storage } = setupTempStorage();
afterEach(() => setFreeSpaceProbe(null));

async function storedKeys() {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys;
}

/** A guest with two PDFs uploaded while there was room. */
async function guestWithFiles() {
  const guestId = createGuestId();
  const actor: Actor = { kind: "guest", guestId, role: "GUEST" };
  const files = await uploadFiles(db, storage, actor, multipartBody([
    { name: "first.pdf", bytes: makePdf("first", 1) },
    { name: "second.pdf", bytes: makePdf("second", 1) },
  ]));
  return { guestId, actor, fileIds: files.map((file) => file.id) };
}

describe("a nearly full disk", () => {
  it("refuses an upload with a readable 507 and stores nothing", async () => {
    const actor: Actor = { kind: "guest", guestId: createGuestId(), role: "GUEST" };
    const before = await storedKeys();
    diskNearlyFull();
    const form = new FormData();
    form.append("file", new Blob(["hello"]), "hello.txt");
    const response = await receiveUploadRequest(new Request("http://localhost/api/files", { method: "POST", body: form }), actor, { storage });
    expect(response.status).toBe(507);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "INSUFFICIENT_STORAGE", message: expect.stringMatching(/^The server is out of disk space/) as unknown });
    expect(await storedKeys()).toEqual(before);
    expect(await db.file.count({ where: { guestId: actor.kind === "guest" ? actor.guestId : "" } })).toBe(0);
  });

  it("refuses job.create with the 507-mapped error, in process and over HTTP, and records no job", async () => {
    const { guestId, fileIds } = await guestWithFiles();
    diskNearlyFull();
    const error = await callerFor({ guestId }).caller.job.create({ tool: "pdf.merge", fileIds }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/out of disk space/) as unknown });
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(AppError);
    expect(((error as { cause: AppError }).cause).httpStatus).toBe(507);

    // What a browser or REST client sees from /api/trpc.
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/job.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { tool: "pdf.merge", fileIds } }),
      }),
      router: appRouter,
      createContext: () => createInnerTRPCContext({ db, guestId }),
    });
    expect(response.status).toBe(507);
    const body = (await response.json()) as { error: { json: { message: string; data: { appCode: string; httpStatus: number } } } };
    expect(body.error.json.data).toMatchObject({ appCode: "INSUFFICIENT_STORAGE", httpStatus: 507 });
    expect(body.error.json.message).toMatch(/^The server is out of disk space/);
    expect(await db.job.count({ where: { guestId } })).toBe(0);
  });

  it("still serves files that are already stored", async () => {
    const { actor, fileIds } = await guestWithFiles();
    diskNearlyFull();
    // The download route's steps: the owner's row, then the bytes from storage.
    const file = await getOwnedFile(db, actor, fileIds[0] ?? "");
    const bytes = await buffer(await storage.read(file.storageKey));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBe(file.size);
  });

  it("shows in /api/health: degraded, with the free space and the floor", async () => {
    diskNearlyFull();
    const response = await getHealthRoute(new Request("http://localhost:3000/api/health"));
    expect(response.status).toBe(200); // still serving: downloads work
    const body = (await response.json()) as { status: string; database: { ok: boolean }; disk: unknown };
    expect(body.status).toBe("degraded");
    expect(body.database.ok).toBe(true);
    expect(body.disk).toEqual({ ok: false, freeBytes: NEARLY_FULL, minFreeBytes: 1024 * 1024 * 1024 });

    setFreeSpaceProbe(null);
    const healthy = (await (await getHealthRoute(new Request("http://localhost:3000/api/health"))).json()) as { status: string; disk: { ok: boolean; freeBytes: number } };
    expect(healthy.status).toBe("ok");
    expect(healthy.disk.ok).toBe(true);
    expect(healthy.disk.freeBytes).toBeGreaterThan(1024 * 1024 * 1024);
  });
});
