import "server-only";
import type { DbTx } from "@/server/db";
import { SIGN_IN_ACTIONS } from "@/shared/audit-actions";

const RECENT = 20;

/**
 * The user's last sign-ins and failed attempts on their account, for
 * Settings. Filtered by subject in the query, so no one sees another
 * account's history. Attempts on an address no account had are never here.
 */
export async function listOwnSignIns(db: DbTx, userId: string) {
  const rows = await db.auditEvent.findMany({
    where: { subjectUserId: userId, action: { in: [...SIGN_IN_ACTIONS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT,
    select: { id: true, createdAt: true, action: true, ip: true, userAgent: true, details: true },
  });
  return rows.map((row) => {
    const details = (row.details ?? {}) as { method?: unknown };
    return {
      id: row.id,
      at: row.createdAt,
      succeeded: row.action === "auth.sign_in",
      method: typeof details.method === "string" ? details.method : null,
      ip: row.ip,
      userAgent: row.userAgent,
    };
  });
}
