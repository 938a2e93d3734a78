import { afterAll, describe, expect, it } from "vitest";
import { type Actor, ownerOf } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { uploadFiles } from "@/server/services/files/upload-files";
import { callerFor, createTestUser } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";
import { setupTempStorage } from "~/test/support/temp-storage";
import { assertWithinQuota } from "./assert-within-quota";
import { DEFAULT_QUOTAS } from "./default-quotas";
import { recordUsage } from "./record-usage";

const { storage } = setupTempStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

// Quota edits here use PREMIUM, a role no other test file relies on, and are undone.
afterAll(async () => {
  await db.quota.deleteMany({ where: { role: "PREMIUM" } });
});

describe("daily quotas", () => {
  it("refuses the job past the limit with a message a person understands", async () => {
    const actor = guest();
    await recordUsage(db, ownerOf(actor), "JOB", DEFAULT_QUOTAS.GUEST.jobsPerDay - 1);
    await expect(assertWithinQuota(db, actor, "JOB")).resolves.toBeUndefined();
    await recordUsage(db, ownerOf(actor), "JOB", 1);
    const error = await assertWithinQuota(db, actor, "JOB").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).httpStatus).toBe(429);
    expect((error as AppError).message).toBe("Daily limit reached: 20 jobs. Resets at 00:00 UTC. Sign up for higher limits.");
  });

  it("counts only today (UTC) and only this actor", async () => {
    const actor = guest();
    const yesterday = new Date(Date.now() - 86_400_000 * 1.5);
    await db.usageEvent.create({ data: { guestId: actor.kind === "guest" ? actor.guestId : null, kind: "JOB", amount: 1000, createdAt: yesterday } });
    await recordUsage(db, ownerOf(guest()), "JOB", 1000);
    await expect(assertWithinQuota(db, actor, "JOB")).resolves.toBeUndefined();
  });

  it("enforces the job quota at job.create", async () => {
    const actor = guest();
    await recordUsage(db, ownerOf(actor), "JOB", DEFAULT_QUOTAS.GUEST.jobsPerDay);
    const { caller } = callerFor({ guestId: actor.kind === "guest" ? actor.guestId : "" });
    await expect(caller.job.create({ tool: "pdf.merge", fileIds: ["a", "b"] })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Daily limit reached: 20 jobs/),
    });
  });

  it("enforces the file quota at upload", async () => {
    const actor = guest();
    await recordUsage(db, ownerOf(actor), "FILE_UPLOAD", DEFAULT_QUOTAS.GUEST.filesPerDay);
    const error = await uploadFiles(db, storage, actor, multipartBody([{ name: "a.txt", bytes: "hello" }])).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/^Daily limit reached: 50 files/);
  });
});

describe("quota editing", () => {
  it("lets an admin raise a role's file size limit, which the next upload obeys", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const premium = await createTestUser({ role: "PREMIUM" });
    const actor: Actor = { kind: "user", userId: premium.id, role: "PREMIUM", email: premium.email, name: premium.name };
    const adminCaller = callerFor({ sessionUserId: admin.id }).caller;

    await adminCaller.quota.update({ role: "PREMIUM", values: { ...DEFAULT_QUOTAS.PREMIUM, maxFileBytes: 2048 } });
    const tooBig = await uploadFiles(db, storage, actor, multipartBody([{ name: "big.txt", bytes: "x".repeat(3000) }])).catch((e: unknown) => e);
    expect((tooBig as AppError).httpStatus).toBe(413);

    await adminCaller.quota.update({ role: "PREMIUM", values: { ...DEFAULT_QUOTAS.PREMIUM, maxFileBytes: 4096 } });
    const [stored] = await uploadFiles(db, storage, actor, multipartBody([{ name: "big.txt", bytes: "x".repeat(3000) }]));
    expect(stored?.size).toBe(3000);
    expect((await adminCaller.quota.list()).find((row) => row.role === "PREMIUM")?.maxFileBytes).toBe(4096);
  });

  it("refuses quota edits to anyone but an admin", async () => {
    const user = await createTestUser();
    await expect(callerFor({ sessionUserId: user.id }).caller.quota.update({ role: "USER", values: DEFAULT_QUOTAS.USER })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor({ guestId: createGuestId() }).caller.quota.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("usage.summary", () => {
  it("sums today and this month per kind and fills a 30-day series", async () => {
    const actor = guest();
    await recordUsage(db, ownerOf(actor), "JOB", 2);
    await recordUsage(db, ownerOf(actor), "UPLOAD_BYTES", 5000);
    const summary = await callerFor({ guestId: actor.kind === "guest" ? actor.guestId : "" }).caller.usage.summary();
    expect(summary.today.JOB).toBe(2);
    expect(summary.month.UPLOAD_BYTES).toBe(5000);
    expect(summary.days).toHaveLength(30);
    expect(summary.days.at(-1)?.JOB).toBe(2);
    expect(summary.quota.jobsPerDay).toBe(20);
  });
});
