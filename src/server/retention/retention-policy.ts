import "server-only";

/**
 * Every rule for how long FileForge keeps things, in one place. The code that
 * writes `expiresAt`, filters expired rows or sweeps old ones asks here, so a
 * rule changes in one line. The hourly `cleanup-expired` function deletes
 * what these rules say has expired; reads hide it before the sweep runs.
 *
 * - Guest uploads: upload time + the guest role's `guestRetentionHours`
 *   (24 h by default, editable by an admin).
 * - Signed-in users' files, jobs and chats never expire; a guest's work
 *   claimed at sign-in/sign-up stops expiring.
 * - Job outputs (and the job row) expire with the job's earliest-expiring input.
 * - A guest's chat expires with the first of its documents to expire.
 * - Audit events are kept AUDIT_RETENTION_DAYS.
 * - Sealed job secrets (tool passwords) live only while the job is queued or
 *   running; every ending wipes them and the sweep catches any that remain.
 * - A guest network's admission record counts for two days.
 * FileForge has no share links, so there is no rule for them.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The sweep's schedule: nothing outlives its expiry by more than an hour. */
export const EXPIRY_SWEEP_CRON = "0 * * * *";

/** What signed-in users' rows (and a guest's work once claimed) store as `expiresAt`: never. */
export const NEVER_EXPIRES = null;

/** How long a new upload lives: guests for their role's retention hours, signed-in users forever (null). */
export function uploadRetentionMs(actorKind: "user" | "guest", guestRetentionHours: number): number | null {
  return actorKind === "guest" ? guestRetentionHours * HOUR_MS : NEVER_EXPIRES;
}

/** When an upload made `now` expires, given its retention from uploadRetentionMs. */
export function uploadExpiresAt(retentionMs: number | null, now = new Date()): Date | null {
  return retentionMs === null ? NEVER_EXPIRES : new Date(now.getTime() + retentionMs);
}

/** A job and its outputs live exactly as long as the earliest-expiring of its inputs; null when none expires. */
export function outputExpiresAt(inputs: readonly { expiresAt: Date | null }[]): Date | null {
  return earliestExpiry(inputs);
}

/** A guest's chat goes with the first of its files; a signed-in user's chat never expires. */
export function chatExpiresAt(actorKind: "user" | "guest", files: readonly { expiresAt: Date | null }[]): Date | null {
  return actorKind === "user" ? NEVER_EXPIRES : earliestExpiry(files);
}

/** Expired means the expiry time has been reached (the sweep deletes `expiresAt <= now`). */
export function isExpired(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/** The Prisma filter for rows that have not expired at `now`, the complement of isExpired. */
export function notExpiredWhere(now = new Date()) {
  return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** Audit events created before this instant are deleted. */
export function auditEventsCutoff(retentionDays: number, now = new Date()): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** A guest network's admission record counts toward the day's anonymous quota; after two days it counts for nothing. */
export function guestOriginCutoff(now = new Date()): Date {
  return new Date(now.getTime() - 2 * DAY_MS);
}

/** Statuses in which a job's sealed secrets must already be gone: every way a job ends. */
export const SEALED_SECRETS_WIPED_WHEN = ["SUCCEEDED", "FAILED", "CANCELED"] as const;

function earliestExpiry(rows: readonly { expiresAt: Date | null }[]): Date | null {
  const times = rows.flatMap((row) => (row.expiresAt ? [row.expiresAt.getTime()] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : NEVER_EXPIRES;
}
