import "server-only";
import { db } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { getQuota } from "@/server/quotas/get-quota";

/**
 * The per-file upload limit of whoever is looking (guests when `role` is
 * undefined), for the drop zone's hint. Read from the same role quota the
 * upload route enforces; the route stays the authority (413 past it).
 */
export async function readUploadLimit(role: Role | undefined): Promise<number> {
  return (await getQuota(db, role ?? "GUEST")).maxFileBytes;
}
