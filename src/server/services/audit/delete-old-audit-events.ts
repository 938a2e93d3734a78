import "server-only";
import { env } from "@/env";
import type { DbTx } from "@/server/db";
import { auditEventsCutoff } from "@/server/retention/retention-policy";

/**
 * The retention sweep: events older than AUDIT_RETENTION_DAYS go. The only
 * delete of audit events anywhere in the app, run by the hourly cleanup.
 */
export async function deleteOldAuditEvents(db: DbTx, now = new Date(), retentionDays = env.AUDIT_RETENTION_DAYS) {
  const cutoff = auditEventsCutoff(retentionDays, now);
  const deleted = await db.auditEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deletedAuditEvents: deleted.count };
}
