import "server-only";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import type { QuotaValues } from "@/shared/quota-schemas";
import { DEFAULT_QUOTAS } from "./default-quotas";

/** A role's limits: its Quota row, or the defaults when an admin never saved one. */
export async function getQuota(db: DbTx, role: Role): Promise<QuotaValues> {
  const row = await db.quota.findUnique({ where: { role } });
  if (!row) return DEFAULT_QUOTAS[role];
  return {
    maxFileBytes: Number(row.maxFileBytes),
    filesPerDay: row.filesPerDay,
    jobsPerDay: row.jobsPerDay,
    pagesPerJob: row.pagesPerJob,
    aiTokensPerDay: row.aiTokensPerDay,
    guestRetentionHours: row.guestRetentionHours,
  };
}
