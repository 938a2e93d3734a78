import { cron } from "inngest";
import { db } from "@/server/db";
import { deleteOldAuditEvents } from "@/server/services/audit/delete-old-audit-events";
import { deleteExpired } from "@/server/services/cleanup/delete-expired";
import { sweepOrphanObjects } from "@/server/services/cleanup/sweep-orphan-objects";
import { sweepPreviewCache } from "@/server/services/cleanup/sweep-preview-cache";
import { sweepTempFiles } from "@/server/services/cleanup/sweep-temp-files";
import { EXPIRY_SWEEP_CRON } from "@/server/retention/retention-policy";
import { getStorage } from "@/server/storage";
import { inngest } from "@/server/events/inngest-client";
import { cleanupRequested } from "@/server/events/event-types";

/**
 * Deletes what has expired (guests' files, results and jobs after 24 h) and
 * stored bytes that no row has pointed to for over an hour. Hourly and at
 * start-up, so nothing outlives its expiry by more than an hour. Audit events
 * older than AUDIT_RETENTION_DAYS go too.
 */
export const cleanupExpiredFunction = inngest.createFunction(
  {
    id: "cleanup-expired",
    name: "Delete expired files",
    concurrency: { limit: 1 },
    triggers: [cron(EXPIRY_SWEEP_CRON), cleanupRequested],
  },
  async ({ event, step }) => {
    const startedAt = await step.run("note-start", () => new Date().toISOString());
    const expired = await step.run("delete-expired", () => deleteExpired(db, getStorage()));
    const orphans = await step.run("sweep-orphan-objects", () => sweepOrphanObjects(db, getStorage()));
    // Previews of files that went by a path the storage driver did not see (e.g. another instance's delete).
    const previews = await step.run("sweep-preview-cache", () => sweepPreviewCache(db));
    // Half-written uploads and job directories a crash left behind.
    const temp = await step.run("sweep-temp-files", () => sweepTempFiles());
    // The audit log keeps AUDIT_RETENTION_DAYS of history.
    const audit = await step.run("delete-old-audit-events", () => deleteOldAuditEvents(db));
    // The admin system page lists recent sweeps.
    const reason = event.name === cleanupRequested.name ? "start-up" : "hourly";
    await step.run("record-sweep", () =>
      db.sweepRecord.create({ data: { reason, startedAt: new Date(startedAt), ...expired, ...orphans }, select: { id: true } }),
    );
    return { ...expired, ...orphans, ...previews, ...temp, ...audit };
  },
);
