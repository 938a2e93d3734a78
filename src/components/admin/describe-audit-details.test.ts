import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./describe-audit-details";

const MB = 1024 * 1024;
const limits = { maxFileBytes: 10 * MB, filesPerDay: 50, jobsPerDay: 100, pagesPerJob: 500, aiTokensPerDay: 20_000, guestRetentionHours: 24 };

describe("describeAuditDetails", () => {
  it("names a quota change by the limits that moved, in the editor's units", () => {
    const text = describeAuditDetails({ role: "USER", from: limits, to: { ...limits, maxFileBytes: 20 * MB, jobsPerDay: 150 } });
    expect(text).toBe("role: USER, Max file size: 10 → 20 MB, Jobs per day: 100 → 150 jobs");
    expect(text).not.toMatch(/maxFileBytes|jobsPerDay|\{/);
  });

  it("reads byte counts stored as strings (BigInt columns) the same way", () => {
    expect(describeAuditDetails({ role: "GUEST", from: { ...limits, maxFileBytes: String(10 * MB) }, to: { ...limits, maxFileBytes: 5 * MB } })).toBe(
      "role: GUEST, Max file size: 10 → 5 MB",
    );
  });

  it("says so when a save changed no limit", () => {
    expect(describeAuditDetails({ role: "ADMIN", from: limits, to: limits })).toBe("role: ADMIN, no limit changed");
  });

  it("spells other keys as words, booleans as yes/no, and leaves out how the event came in", () => {
    expect(describeAuditDetails({ firstPassword: true, via: "cli" })).toBe("first password: yes");
    expect(describeAuditDetails({ from: "USER", to: "PREMIUM" })).toBe("from: USER, to: PREMIUM");
    expect(describeAuditDetails({ email: "a@example.test", files: 3 })).toBe("email: a@example.test, files: 3");
  });
});
