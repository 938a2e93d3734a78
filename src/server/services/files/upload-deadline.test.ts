import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { receiveUploadRequest } from "@/server/http/receive-upload-request";
import { getUploadLimits } from "@/server/quotas/role-limits";
import { multipartBody } from "~/test/support/multipart";
import { multipartFileHead, multipartTail, stallingWrites, streamedUploadRequest } from "~/test/support/multipart-stream";
import { setupTempStorage } from "~/test/support/temp-storage";
import { uploadFiles } from "./upload-files";

const { root, storage } = setupTempStorage();
// Uploads that succeed go elsewhere, so `storage` holds nothing between tests.
const { storage: keptStorage } = setupTempStorage();
const newGuest = () => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" }) as const satisfies Actor;

// Small bounds so the tests are quick. The stall bound also covers the quota
// lookups before the body is read, so it stays generous for a busy machine,
// and the database is warmed up first.
const timeouts = { clientIdleMs: 400, stallMs: 1_500 };
beforeAll(async () => {
  await getUploadLimits(db, newGuest());
});

/** What a failed upload must not leave: stored objects, half-written temp files, rows. */
async function leftovers(actor: Actor & { kind: "guest" }) {
  const objects: string[] = [];
  for await (const object of storage.list()) objects.push(object.key);
  const tempDir = path.join(root, ".tmp");
  const partials = existsSync(tempDir) ? readdirSync(tempDir) : [];
  const rows = await db.file.count({ where: { guestId: actor.guestId } });
  return { objects, partials, rows };
}

const text = (bytes: number) => new Uint8Array(bytes).fill(0x61); // "aaaa…": plain text

describe("upload time bounds", () => {
  it("answers 408 when the client stops sending mid-file, releases the body and keeps nothing", async () => {
    const actor = newGuest();
    // More than the sniffer's sample, so the file is already being written when the client goes quiet.
    const { request, state } = streamedUploadRequest([multipartFileHead("notes.txt", "text/plain"), text(256 * 1024)], { stall: true });
    // A stall bound that cannot pass first: the server waits for the client all along.
    const response = await receiveUploadRequest(request, actor, { storage, timeouts: { clientIdleMs: 400, stallMs: 20_000 } });
    expect(response.status).toBe(408);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("REQUEST_TIMEOUT");
    expect(body.error.message).toMatch(/stopped arriving.*nothing was kept/);
    expect(state.cancelled).toBe(true);
    expect(await leftovers(actor)).toEqual({ objects: [], partials: [], rows: 0 });
  });

  it("keeps a slow but steady client: each chunk resets the idle bound", async () => {
    const actor = newGuest();
    // 12 pauses of 120 ms: the whole upload takes longer than the idle bound, no single pause does.
    const chunks = [multipartFileHead("slow.txt", "text/plain"), ...Array.from({ length: 10 }, () => text(8 * 1024)), multipartTail];
    const { request } = streamedUploadRequest(chunks, { delayMs: 120 });
    const response = await receiveUploadRequest(request, actor, { storage: keptStorage, timeouts });
    expect(response.status).toBe(201);
    const [file] = (await response.json()) as { name: string; size: number; mimeType: string }[];
    expect(file).toMatchObject({ name: "slow.txt", size: 80 * 1024, mimeType: "text/plain" });
  });

  it("cuts off a storage write that never finishes with 503 and deletes the partial file", async () => {
    const actor = newGuest();
    const error = await uploadFiles(db, stallingWrites(storage), actor, multipartBody([{ name: "big.txt", bytes: text(2 * 1024 * 1024) }]), { timeouts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).httpStatus).toBe(503);
    expect((error as AppError).message).toMatch(/took too long.*nothing was kept/);
    expect(await leftovers(actor)).toEqual({ objects: [], partials: [], rows: 0 });
  });

  it("removes files already stored in the request when a later write stalls", async () => {
    const actor = newGuest();
    let writes = 0;
    // The first file is stored for real; the second one's write hangs.
    const secondStalls = { ...storage, write: (...args: Parameters<typeof storage.write>) => (++writes === 1 ? storage : stallingWrites(storage)).write(...args) };
    const error = await uploadFiles(db, secondStalls, actor, multipartBody([
      { name: "first.txt", bytes: "stored first" },
      { name: "second.txt", bytes: text(64 * 1024) },
    ]), { timeouts }).catch((e: unknown) => e);
    expect((error as AppError).httpStatus).toBe(503);
    expect(writes).toBe(2);
    expect(await leftovers(actor)).toEqual({ objects: [], partials: [], rows: 0 });
  });

  it("answers a large file of an unsupported type with 415 instead of waiting for ever", async () => {
    const actor = newGuest();
    // A ZIP header, then more than busboy and the stream buffers hold: the refused file must still be read past.
    const zip = new Uint8Array(2 * 1024 * 1024);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    const error = await uploadFiles(db, storage, actor, multipartBody([
      { name: "archive.zip", bytes: zip },
      { name: "after.txt", bytes: "never stored" },
    ]), { timeouts }).catch((e: unknown) => e);
    expect((error as AppError).httpStatus).toBe(415);
    expect((error as AppError).message).toContain("archive.zip");
    expect(await leftovers(actor)).toEqual({ objects: [], partials: [], rows: 0 });
  });
});
