import { utimes } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { createTestUser } from "~/test/support/callers";
import { setupTempStorage } from "~/test/support/temp-storage";
import { deleteExpired } from "./delete-expired";
import { sweepOrphanObjects } from "./sweep-orphan-objects";

const { root, storage } = setupTempStorage();

async function storeFile(owner: { userId?: string; guestId?: string }, expiresAt: Date | null) {
  const storageKey = createStorageKey();
  const stored = await storage.write(storageKey, new TextEncoder().encode("bytes"), { maxBytes: 100 });
  return db.file.create({
    data: { ...owner, storageKey, name: "f.txt", mimeType: "text/plain", ...stored, expiresAt },
  });
}

async function exists(key: string) {
  return (await storage.stat(key)) !== null;
}

describe("deleteExpired", () => {
  it("deletes expired guest files, their bytes, jobs and chats, and never a user's", async () => {
    const user = await createTestUser();
    const now = new Date();
    const expired = await storeFile({ guestId: createGuestId() }, new Date(now.getTime() - 1000));
    const alive = await storeFile({ guestId: createGuestId() }, new Date(now.getTime() + 3600_000));
    const users = await storeFile({ userId: user.id }, null);
    const job = await db.job.create({
      data: { guestId: createGuestId(), tool: "pdf.merge", options: {}, expiresAt: new Date(now.getTime() - 1000) },
    });

    const chat = await db.chat.create({ data: { guestId: createGuestId(), title: "old", expiresAt: new Date(now.getTime() - 1000) } });
    const result = await deleteExpired(db, storage, now);
    expect(await db.chat.findUnique({ where: { id: chat.id } })).toBeNull();
    expect(result.deletedFiles).toBeGreaterThanOrEqual(1);
    expect(await db.file.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await exists(expired.storageKey)).toBe(false);
    expect(await db.job.findUnique({ where: { id: job.id } })).toBeNull();

    expect(await db.file.findUnique({ where: { id: alive.id } })).not.toBeNull();
    expect(await exists(alive.storageKey)).toBe(true);
    expect(await db.file.findUnique({ where: { id: users.id } })).not.toBeNull();
    expect(await exists(users.storageKey)).toBe(true);
  });
});

describe("sweepOrphanObjects", () => {
  it("deletes bytes without a row after an hour, and keeps recent or referenced ones", async () => {
    const referenced = await storeFile({ guestId: createGuestId() }, null);
    const oldOrphan = createStorageKey();
    const newOrphan = createStorageKey();
    await storage.write(oldOrphan, new TextEncoder().encode("orphan"), { maxBytes: 100 });
    await storage.write(newOrphan, new TextEncoder().encode("in flight"), { maxBytes: 100 });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(root, oldOrphan), twoHoursAgo, twoHoursAgo);
    await utimes(path.join(root, referenced.storageKey), twoHoursAgo, twoHoursAgo);

    const { deletedObjects } = await sweepOrphanObjects(db, storage);
    expect(deletedObjects).toBe(1);
    expect(await exists(oldOrphan)).toBe(false);
    expect(await exists(newOrphan)).toBe(true);
    expect(await exists(referenced.storageKey)).toBe(true);
  });

  it("leaves alone every object whose key FileForge could not have generated", async () => {
    const foreign = ["backups/db-2026-12-01", "2026/12/05/short", "2026/13/05/AAAAAAAAAAAAAAAAAAAAAA", "notes/2026/12/05/AAAAAAAAAAAAAAAAAAAAAA", "2026/12/05/AAAAAAAAAAAAAAAAAAAAAA/extra"];
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const key of foreign) {
      await storage.write(key, new TextEncoder().encode("not ours"), { maxBytes: 100 });
      await utimes(path.join(root, key), twoHoursAgo, twoHoursAgo);
    }
    const ours = createStorageKey();
    await storage.write(ours, new TextEncoder().encode("orphan"), { maxBytes: 100 });
    await utimes(path.join(root, ours), twoHoursAgo, twoHoursAgo);

    await sweepOrphanObjects(db, storage);
    for (const key of foreign) expect(await exists(key), key).toBe(true);
    expect(await exists(ours)).toBe(false);
  });
});
