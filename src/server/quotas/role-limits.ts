import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { uploadExpiresAt, uploadRetentionMs } from "@/server/retention/retention-policy";
import { getQuota } from "./get-quota";

export type UploadLimits = { maxFileBytes: number; maxFilesPerUpload: number; retentionMs: number | null };

// Files in one request; the daily file quota caps the total.
const MAX_FILES_PER_UPLOAD = { GUEST: 20, USER: 50, PREMIUM: 100, ADMIN: 100 } as const;

/** The actor's upload limits from its role's quota. */
export async function getUploadLimits(db: DbTx, actor: Actor): Promise<UploadLimits> {
  const quota = await getQuota(db, actor.role);
  return {
    maxFileBytes: quota.maxFileBytes,
    maxFilesPerUpload: MAX_FILES_PER_UPLOAD[actor.role],
    retentionMs: uploadRetentionMs(actor.kind, quota.guestRetentionHours),
  };
}

/** When a new upload expires (guests: upload + retention), or null. */
export function expiryFrom(limits: UploadLimits, now = new Date()): Date | null {
  return uploadExpiresAt(limits.retentionMs, now);
}
