import { createId } from "@paralleldrive/cuid2";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { callerFor, createTestUser } from "~/test/support/callers";

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : error);

async function adminCaller() {
  const admin = await createTestUser({ role: "ADMIN" });
  return { admin, caller: callerFor({ sessionUserId: admin.id }).caller };
}

describe("admin access", () => {
  it("refuses visitors and guests (UNAUTHORIZED) and users and premium users (FORBIDDEN)", async () => {
    const user = await createTestUser();
    const premium = await createTestUser({ role: "PREMIUM" });
    const cases = [
      { caller: callerFor().caller, code: "UNAUTHORIZED" },
      { caller: callerFor({ guestId: createGuestId() }).caller, code: "UNAUTHORIZED" },
      { caller: callerFor({ sessionUserId: user.id }).caller, code: "FORBIDDEN" },
      { caller: callerFor({ sessionUserId: premium.id }).caller, code: "FORBIDDEN" },
    ];
    for (const { caller, code } of cases) {
      expect(codeOf(await caller.admin.listUsers({}).catch((e: unknown) => e))).toBe(code);
      expect(codeOf(await caller.admin.setUserRole({ userId: user.id, role: "ADMIN" }).catch((e: unknown) => e))).toBe(code);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("USER");
  });
});

describe("admin.listUsers", () => {
  it("searches email and name case-insensitively and pages the results", async () => {
    const { caller } = await adminCaller();
    const tag = createId();
    for (let n = 0; n < 7; n += 1) {
      await db.user.create({ data: { email: `paged-${tag}-${n}@example.test`, name: `Paged ${n}` } });
    }
    await db.user.create({ data: { email: `other-${createId()}@example.test`, name: `Named ${tag.toUpperCase()}` } });

    const first = await caller.admin.listUsers({ query: `paged-${tag}`, pageSize: 5 });
    expect(first).toMatchObject({ total: 7, page: 1, pageCount: 2 });
    expect(first.users).toHaveLength(5);
    const second = await caller.admin.listUsers({ query: `PAGED-${tag}`, pageSize: 5, page: 2 });
    expect(second.users).toHaveLength(2);
    expect(new Set([...first.users, ...second.users].map((user) => user.email)).size).toBe(7);
    expect((await caller.admin.listUsers({ query: tag })).total).toBe(8);
    expect(first.users[0]).toMatchObject({ role: "USER", disabledAt: null, files: 0, jobs: 0 });
  });
});

describe("admin.setUserRole and admin.setUserDisabled", () => {
  it("changes another user's role, effective on their next request", async () => {
    const { caller } = await adminCaller();
    const user = await createTestUser();
    const asUser = callerFor({ sessionUserId: user.id }).caller;
    expect(await caller.admin.setUserRole({ userId: user.id, role: "PREMIUM" })).toEqual({ userId: user.id, role: "PREMIUM" });
    expect(await asUser.viewer.get()).toMatchObject({ role: "PREMIUM" });
    await caller.admin.setUserRole({ userId: user.id, role: "ADMIN" });
    expect((await asUser.admin.listUsers({ query: user.email ?? "" })).total).toBe(1);
  });

  it("refuses to let an admin demote or disable themselves, or act on a missing user", async () => {
    const { admin, caller } = await adminCaller();
    const demote = await caller.admin.setUserRole({ userId: admin.id, role: "USER" }).catch((e: unknown) => e);
    expect(demote).toMatchObject({ code: "FORBIDDEN", message: "You cannot change your own role. Ask another administrator." });
    expect(codeOf(await caller.admin.setUserDisabled({ userId: admin.id, disabled: true }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect(codeOf(await caller.admin.setUserRole({ userId: "missing-user", role: "USER" }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(codeOf(await caller.admin.setUserRole({ userId: admin.id, role: "GUEST" as "USER" }).catch((e: unknown) => e))).toBe("BAD_REQUEST");
  });

  it("disables a user, whose next request is refused, and enables them again", async () => {
    const { caller } = await adminCaller();
    const user = await createTestUser();
    const asUser = callerFor({ sessionUserId: user.id }).caller;
    expect(await asUser.settings.get()).toMatchObject({ email: user.email });

    const disabled = await caller.admin.setUserDisabled({ userId: user.id, disabled: true });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    for (const call of [() => asUser.settings.get(), () => asUser.viewer.get(), () => asUser.file.list()]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "FORBIDDEN", message: "This account has been disabled. Contact an administrator." });
    }
    // Disabling twice keeps the first date.
    expect((await caller.admin.setUserDisabled({ userId: user.id, disabled: true })).disabledAt).toEqual(disabled.disabledAt);

    expect(await caller.admin.setUserDisabled({ userId: user.id, disabled: false })).toMatchObject({ disabledAt: null, changed: true });
    expect(await asUser.viewer.get()).toMatchObject({ kind: "user", id: user.id });
  });
});

describe("admin system page", () => {
  it("reports health, queue depth, jobs by hour, storage by owner and recent sweeps", async () => {
    const { caller } = await adminCaller();
    const user = await createTestUser();
    const guestId = createGuestId();
    const fiveHoursAgo = new Date(Date.now() - 5 * 3_600_000);
    await db.job.create({ data: { userId: user.id, tool: "pdf.merge", options: {}, status: "FAILED", createdAt: fiveHoursAgo } });
    await db.job.create({ data: { guestId, tool: "pdf.merge", options: {}, status: "QUEUED" } });
    await db.job.create({ data: { userId: user.id, tool: "pdf.merge", options: {}, status: "SUCCEEDED", createdAt: new Date(Date.now() - 30 * 3_600_000) } });
    await db.file.create({ data: { userId: user.id, storageKey: `k/${createId()}`, name: "a", size: 1000, mimeType: "text/plain", sha256: "x" } });
    await db.file.create({ data: { guestId, storageKey: `k/${createId()}`, name: "b", size: 300, mimeType: "text/plain", sha256: "x" } });
    const reason = `test-${createId()}`;
    await db.sweepRecord.create({ data: { reason, deletedFiles: 3, deletedJobs: 2, deletedObjects: 4, startedAt: new Date() } });

    expect(await caller.admin.systemHealth()).toMatchObject({ status: "ok", database: { ok: true }, jobEngine: "embedded", ai: { offline: true, unavailable: ["Translation", "Free writing"] } });
    const queue = await caller.admin.queueDepth();
    expect(queue.engine).toBe("embedded");
    expect(queue.jobs.queued).toBeGreaterThanOrEqual(1);
    expect(queue.engineRuns).toEqual(expect.any(Array));

    const chart = await caller.admin.jobsByHour();
    expect(chart.buckets).toHaveLength(24);
    const bucket = chart.buckets.find((entry) => entry.start.getTime() === Math.floor(fiveHoursAgo.getTime() / 3_600_000) * 3_600_000);
    expect(bucket?.counts.FAILED).toBeGreaterThanOrEqual(1);
    expect(chart.buckets.at(-1)?.counts.QUEUED).toBeGreaterThanOrEqual(1);

    const storage = await caller.admin.storageUsage();
    const users = storage.byOwner.find((entry) => entry.owner === "users");
    const guests = storage.byOwner.find((entry) => entry.owner === "guests");
    expect(users?.bytes).toBeGreaterThanOrEqual(1000);
    expect(guests?.bytes).toBeGreaterThanOrEqual(300);
    expect(storage.totalBytes).toBe((users?.bytes ?? 0) + (guests?.bytes ?? 0));

    const sweeps = await caller.admin.recentSweeps();
    expect(sweeps).toContainEqual(expect.objectContaining({ reason, deletedFiles: 3, deletedObjects: 4 }));
    const times = sweeps.map((sweep) => sweep.finishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
