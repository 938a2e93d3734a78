import "server-only";
import type { z } from "zod";
import type { Db } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { getQuota } from "@/server/quotas/get-quota";
import { type AuditContext, recordAuditEvent } from "@/server/services/audit/record-audit-event";
import type { quotaValuesInput } from "@/shared/quota-schemas";

/** Saves a role's limits; they apply to the next upload, job or chat message. */
export async function updateQuota(db: Db, adminId: string, role: Role, values: z.infer<typeof quotaValuesInput>, audit: AuditContext) {
  const data = { ...values, maxFileBytes: BigInt(values.maxFileBytes), updatedById: adminId };
  return db.$transaction(async (tx) => {
    const before = await getQuota(tx, role);
    await tx.quota.upsert({ where: { role }, create: { role, ...data }, update: data });
    await recordAuditEvent(tx, {
      ...audit,
      action: "admin.quota_changed",
      subjectUserId: null,
      details: { role, from: before, to: values },
    });
    return { role, ...(await getQuota(tx, role)) };
  });
}
