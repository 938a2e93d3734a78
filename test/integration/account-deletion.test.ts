import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { deleteAccount } from "@/server/services/account/delete-account";
import type { AuditContext } from "@/server/services/audit/record-audit-event";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { getStorage } from "@/server/storage";
import { rowsMentioning, seedAccountWork } from "~/test/support/account-fixtures";
import { callerFor, createTestUser } from "~/test/support/callers";
import { setupTempStorage } from "~/test/support/temp-storage";

async function listKeys(storage: ReturnType<typeof setupTempStorage>["storage"]) {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys.sort();
}

const asSelf = (user: { id: string; email: string | null }): AuditContext => ({
  actor: { kind: "user", userId: user.id, email: user.email },
  origin: { ip: "192.0.2.7", userAgent: "test" },
});

// The one exception to "nothing behind": the audit log keeps the deletion (and
// earlier security events) until AUDIT_RETENTION_DAYS have passed.
const beyondAudit = (rows: { table: string }[]) => rows.filter((row) => row.table !== "AuditEvent");

describe("deleting an account", () => {
  const { storage } = setupTempStorage();

  it("leaves nothing behind: no row mentions the user, no stored object remains, and others keep theirs", async () => {
    const user = await createTestUser({ password: "a password" });
    const seeded = await seedAccountWork(storage, user.id);
    const bystander = await createTestUser();
    const kept = await seedAccountWork(storage, bystander.id);
    // Sanity: the scan finds the seeded rows before deletion.
    expect((await rowsMentioning(user.id)).map((row) => row.table)).toEqual(
      expect.arrayContaining(["User", "File", "Job", "Chat", "Account", "Session", "UsageEvent"]),
    );

    expect(await deleteAccount(db, storage, user.id, user.email ?? "", asSelf(user))).toEqual({ deletedFiles: 4 });

    expect(beyondAudit(await rowsMentioning(user.id))).toEqual([]);
    expect(beyondAudit(await rowsMentioning(user.email ?? ""))).toEqual([]);
    expect(await db.auditEvent.findMany({ where: { subjectUserId: user.id }, select: { action: true, actorEmail: true } })).toEqual([
      { action: "account.deleted", actorEmail: user.email },
    ]);
    // Child rows carry their parent's id, not the user's: check them by parent.
    expect(await db.message.count({ where: { chatId: seeded.chat.id } })).toBe(0);
    expect(await db.documentChunk.count({ where: { fileId: seeded.files[0]?.id } })).toBe(0);
    expect(await db.jobInput.count({ where: { jobId: seeded.job.id } })).toBe(0);
    expect(await listKeys(storage)).toEqual(kept.files.map((file) => file.storageKey).sort());
    expect(await db.file.count({ where: { userId: bystander.id } })).toBe(4);
  });

  it("refuses without the typed email and changes nothing", async () => {
    const user = await createTestUser();
    const { files } = await seedAccountWork(storage, user.id);
    const error = await deleteAccount(db, storage, user.id, "someone@else.test", asSelf(user)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: `Type ${user.email} to confirm.` });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    for (const file of files) expect(await storage.stat(file.storageKey)).not.toBeNull();
  });
});

describe("settings.deleteAccount", () => {
  it("deletes the caller's account and stored files; the same session is then signed out", async () => {
    const user = await createTestUser();
    const storageKey = createStorageKey();
    await getStorage().write(storageKey, new TextEncoder().encode("bytes"), { maxBytes: 5 });
    await db.file.create({ data: { userId: user.id, storageKey, name: "a.txt", size: 5, mimeType: "text/plain", sha256: "x" } });
    const { caller } = callerFor({ sessionUserId: user.id });

    // Case and surrounding spaces do not matter when typing the email.
    expect(await caller.settings.deleteAccount({ confirmation: ` ${(user.email ?? "").toUpperCase()} ` })).toEqual({ deletedFiles: 1 });
    expect(await getStorage().stat(storageKey)).toBeNull();
    expect(beyondAudit(await rowsMentioning(user.id))).toEqual([]);
    expect(await caller.settings.get().catch((e: unknown) => e)).toMatchObject({ code: "UNAUTHORIZED" });
    // Actor procedures see a deleted user's leftover session as a visitor, never as the old account.
    expect(await caller.viewer.get()).toEqual({ kind: "guest", role: "GUEST" });
  });
});
