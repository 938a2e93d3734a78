import { globSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestUser } from "~/test/support/callers";
import { deleteOldAuditEvents } from "./delete-old-audit-events";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("deleteOldAuditEvents (the hourly sweep)", () => {
  it("deletes events older than the retention and keeps newer ones", async () => {
    const user = await createTestUser();
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() - days * DAY_MS);
    await db.auditEvent.createMany({
      data: [
        { action: "auth.sign_in", subjectUserId: user.id, createdAt: at(91) },
        { action: "auth.sign_in", subjectUserId: user.id, createdAt: at(90.01) },
        { action: "auth.sign_in", subjectUserId: user.id, createdAt: at(89.99) },
        { action: "auth.sign_in", subjectUserId: user.id, createdAt: at(1) },
      ],
    });
    const result = await deleteOldAuditEvents(db, now, 90);
    expect(result.deletedAuditEvents).toBeGreaterThanOrEqual(2);
    const left = await db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { createdAt: "asc" } });
    expect(left.map((event) => event.createdAt)).toEqual([at(89.99), at(1)]);
  });

  it("uses AUDIT_RETENTION_DAYS (90 by default)", async () => {
    const user = await createTestUser();
    const now = new Date();
    await db.auditEvent.create({ data: { action: "auth.sign_in", subjectUserId: user.id, createdAt: new Date(now.getTime() - 91 * DAY_MS) } });
    await db.auditEvent.create({ data: { action: "auth.sign_in", subjectUserId: user.id, createdAt: new Date(now.getTime() - 89 * DAY_MS) } });
    await deleteOldAuditEvents(db, now);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id } })).toBe(1);
  });
});

describe("the audit log is append-only in the app", () => {
  it("no source file updates or deletes audit events, except this retention sweep", () => {
    const root = path.resolve(import.meta.dirname, "../../../..");
    const sources = [...globSync("src/**/*.{ts,tsx}", { cwd: root }), ...globSync("{scripts,inngest}/**/*.ts", { cwd: root })]
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.includes("/generated/"));
    const writers = sources.filter((file) => /auditEvent\.(update|updateMany|upsert|delete|deleteMany)\b|"AuditEvent"/.test(readFileSync(path.join(root, file), "utf8")));
    expect(writers).toEqual(["src/server/services/audit/delete-old-audit-events.ts"]);
  });
});
