import "server-only";
import type { DbTx } from "@/server/db";
import { ROLES } from "@/shared/roles";
import { getQuota } from "@/server/quotas/get-quota";

/** Every role's limits, as the admin quota editor shows them. */
export async function listQuotas(db: DbTx) {
  return Promise.all(ROLES.map(async (role) => ({ role, ...(await getQuota(db, role)) })));
}
