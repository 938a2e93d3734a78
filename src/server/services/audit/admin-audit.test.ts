import { createId } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { getQuota } from "@/server/quotas/get-quota";
import { db } from "@/server/db";
import { runAdminCommand } from "~/scripts/admin/run-admin-command";
import { callerFor, createTestUser } from "~/test/support/callers";

const UA = "Mozilla/5.0 (Windows NT 10.0) AdminAudit/3.0";

async function signedInAdmin() {
  const adminUser = await createTestUser({ role: "ADMIN" });
  const ip = `198.18.0.${Math.floor(Math.random() * 250) + 1}`;
  const headers = new Headers({ "x-forwarded-for": ip, "user-agent": UA });
  return { adminUser, ip, caller: callerFor({ sessionUserId: adminUser.id, headers }).caller };
}

describe("admin actions in the audit log", () => {
  it("records a role change with the admin as actor and the old and new role", async () => {
    const { adminUser, ip, caller } = await signedInAdmin();
    const user = await createTestUser();
    await caller.admin.setUserRole({ userId: user.id, role: "PREMIUM" });
    const events = await db.auditEvent.findMany({ where: { subjectUserId: user.id } });
    expect(events).toMatchObject([
      { action: "admin.role_changed", actorUserId: adminUser.id, actorEmail: adminUser.email, ip, userAgent: UA, details: { from: "USER", to: "PREMIUM" } },
    ]);
  });

  it("records disabling and re-enabling a user", async () => {
    const { adminUser, caller } = await signedInAdmin();
    const user = await createTestUser();
    await caller.admin.setUserDisabled({ userId: user.id, disabled: true });
    await caller.admin.setUserDisabled({ userId: user.id, disabled: false });
    const events = await db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.actorUserId])).toEqual([
      ["admin.user_disabled", adminUser.id],
      ["admin.user_enabled", adminUser.id],
    ]);
  });

  it("records nothing for a refused action (an admin changing their own role)", async () => {
    const { adminUser, caller } = await signedInAdmin();
    expect(await caller.admin.setUserRole({ userId: adminUser.id, role: "USER" }).catch((e: unknown) => e)).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { OR: [{ subjectUserId: adminUser.id }, { actorUserId: adminUser.id }] } })).toBe(0);
  });

  it("records a quota edit with the values before and after", async () => {
    const { adminUser, ip, caller } = await signedInAdmin();
    // PREMIUM's current values written back: other tests' limits stay as they are.
    const values = await getQuota(db, "PREMIUM");
    await caller.quota.update({ role: "PREMIUM", values });
    const [event] = await db.auditEvent.findMany({ where: { actorUserId: adminUser.id, action: "admin.quota_changed" } });
    expect(event).toMatchObject({ ip, userAgent: UA, subjectUserId: null, details: { role: "PREMIUM", from: values, to: values } });
  });

  it("records npm run admin create and demote with the CLI as actor", async () => {
    const email = `cli-audit-${createId()}@example.test`;
    await runAdminCommand({ command: "create", email, password: "operator password", baseUrl: "http://localhost:3000" });
    await runAdminCommand({ command: "demote", email, baseUrl: "http://localhost:3000" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const events = await db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events).toMatchObject([
      { action: "admin.user_created", actorUserId: null, ip: null, details: { via: "cli", email, role: "ADMIN" } },
      { action: "admin.role_changed", actorUserId: null, details: { via: "cli", from: "ADMIN", to: "USER" } },
    ]);
    const { caller } = await signedInAdmin();
    const listed = await caller.admin.auditEvents({ userEmail: email, limit: 10 });
    expect(listed.items.map((item) => [item.action, item.actor, item.subjectEmail])).toEqual([
      ["admin.role_changed", "cli", email],
      ["admin.user_created", "cli", email],
    ]);
  });
});
