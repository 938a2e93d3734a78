import { describe, expect, it } from "vitest";
import {
  auditEventsCutoff,
  chatExpiresAt,
  guestOriginCutoff,
  isExpired,
  NEVER_EXPIRES,
  notExpiredWhere,
  outputExpiresAt,
  SEALED_SECRETS_WIPED_WHEN,
  uploadExpiresAt,
  uploadRetentionMs,
} from "./retention-policy";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-03-10T12:00:00.000Z");

describe("retention policy", () => {
  it("a guest upload expires 24 h (the guest role's retention hours) after it was made", () => {
    const retention = uploadRetentionMs("guest", 24);
    expect(uploadExpiresAt(retention, NOW)).toEqual(at("2026-03-11T12:00:00.000Z"));
    // An admin who sets 2 hours gets 2 hours.
    expect(uploadExpiresAt(uploadRetentionMs("guest", 2), NOW)).toEqual(at("2026-03-10T14:00:00.000Z"));
  });

  it("a signed-in user's upload never expires, whatever the retention hours", () => {
    expect(uploadRetentionMs("user", 24)).toBeNull();
    expect(uploadExpiresAt(uploadRetentionMs("user", 24), NOW)).toBeNull();
    expect(NEVER_EXPIRES).toBeNull();
  });

  it("outputs expire with their earliest-expiring input", () => {
    const inputs = [{ expiresAt: at("2026-03-11T09:00:00.000Z") }, { expiresAt: at("2026-03-11T07:30:00.000Z") }, { expiresAt: null }];
    expect(outputExpiresAt(inputs)).toEqual(at("2026-03-11T07:30:00.000Z"));
  });

  it("outputs of inputs that never expire never expire", () => {
    expect(outputExpiresAt([{ expiresAt: null }, { expiresAt: null }])).toBeNull();
  });

  it("a guest's chat expires with the first of its documents; a user's chat never", () => {
    const files = [{ expiresAt: at("2026-03-11T10:00:00.000Z") }, { expiresAt: at("2026-03-11T08:00:00.000Z") }];
    expect(chatExpiresAt("guest", files)).toEqual(at("2026-03-11T08:00:00.000Z"));
    expect(chatExpiresAt("user", files)).toBeNull();
    expect(chatExpiresAt("guest", [])).toBeNull();
  });

  it("a row is expired from its expiry instant on, and rows without expiry never are", () => {
    expect(isExpired(at("2026-03-10T11:59:59.999Z"), NOW)).toBe(true);
    expect(isExpired(NOW, NOW)).toBe(true);
    expect(isExpired(at("2026-03-10T12:00:00.001Z"), NOW)).toBe(false);
    expect(isExpired(null, NOW)).toBe(false);
  });

  it("the not-expired filter keeps rows without expiry and rows expiring after now", () => {
    expect(notExpiredWhere(NOW)).toEqual({ OR: [{ expiresAt: null }, { expiresAt: { gt: NOW } }] });
  });

  it("audit events older than AUDIT_RETENTION_DAYS are cut off", () => {
    expect(auditEventsCutoff(90, NOW)).toEqual(at("2025-12-10T12:00:00.000Z"));
    expect(auditEventsCutoff(1, NOW)).toEqual(at("2026-03-09T12:00:00.000Z"));
  });

  it("a guest network's admission record counts for two days", () => {
    expect(guestOriginCutoff(NOW)).toEqual(at("2026-03-08T12:00:00.000Z"));
  });

  it("sealed job secrets are wiped in every ending status and kept only while queued or running", () => {
    expect([...SEALED_SECRETS_WIPED_WHEN].sort()).toEqual(["CANCELED", "FAILED", "SUCCEEDED"]);
    expect(SEALED_SECRETS_WIPED_WHEN).not.toContain("QUEUED");
    expect(SEALED_SECRETS_WIPED_WHEN).not.toContain("RUNNING");
  });
});
