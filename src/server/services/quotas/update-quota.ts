import "server-only";
import type { z } from "zod";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { getQuota } from "@/server/quotas/get-quota";
import type { quotaValuesInput } from "./quota-schemas";

/** Saves a role's limits; they apply to the next upload, job or chat message. */
export async function updateQuota(db: DbTx, adminId: string, role: Role, values: z.infer<typeof quotaValuesInput>) {
  const data = { ...values, maxFileBytes: BigInt(values.maxFileBytes), updatedById: adminId };
  await db.quota.upsert({ where: { role }, create: { role, ...data }, update: data });
  return { role, ...(await getQuota(db, role)) };
}
