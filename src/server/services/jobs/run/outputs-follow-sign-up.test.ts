import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { claimGuestWork } from "@/server/services/account/claim-guest-work";
import { getStorage } from "@/server/storage";
import { createTestUser } from "~/test/support/callers";
import { storeOutputs } from "./execute-job-tool";

describe("a guest who signs up while a job runs", () => {
  it("gets the job's results in the account, not in the guest left behind", async () => {
    const guestId = createGuestId();
    const expiresAt = new Date(Date.now() + 3600_000);
    const job = await db.job.create({ data: { guestId, tool: "pdf.merge", options: {}, status: "RUNNING", expiresAt } });
    // The run read its job (and owner) when it began...
    const ownerWhenStarted = { userId: null, guestId, expiresAt, firstAttempt: true };
    // ...then the guest signed up, and the account claimed the guest's work.
    const user = await createTestUser();
    await claimGuestWork(db, guestId, user.id);

    const output = { name: "merged.pdf", mimeType: "application/pdf", data: new TextEncoder().encode("%PDF-1.4 result") };
    const stored = await storeOutputs(db, getStorage(), job.id, ownerWhenStarted, [output]);
    expect(stored.outcome).toBe("stored");
    const files = await db.file.findMany({ where: { jobId: job.id } });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ userId: user.id, guestId: null, expiresAt: null });
  });
});
