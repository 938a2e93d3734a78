import type { Actor } from "@/server/auth/actor";

// Per-role limits. The quota issue turns these into rows admins edit at
// runtime; until then these defaults are the single source.
export type RoleLimits = {
  maxFileBytes: number;
  maxFilesPerUpload: number;
  /** How long an upload lives; null keeps it until the owner deletes it. */
  retentionMs: number | null;
};

const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const limitsByRole: Record<Actor["role"], RoleLimits> = {
  GUEST: { maxFileBytes: 50 * MB, maxFilesPerUpload: 20, retentionMs: DAY_MS },
  USER: { maxFileBytes: 200 * MB, maxFilesPerUpload: 50, retentionMs: null },
  PREMIUM: { maxFileBytes: 1024 * MB, maxFilesPerUpload: 100, retentionMs: null },
  ADMIN: { maxFileBytes: 1024 * MB, maxFilesPerUpload: 100, retentionMs: null },
};

export function getRoleLimits(actor: Actor): RoleLimits {
  return limitsByRole[actor.role];
}

/** When a new upload of this actor expires (guests: 24 h), or null. */
export function expiryForUpload(actor: Actor, now = new Date()): Date | null {
  const { retentionMs } = getRoleLimits(actor);
  return retentionMs === null ? null : new Date(now.getTime() + retentionMs);
}
