import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getQuota } from "./get-quota";
import { DAILY_LIMITS, type LimitedUsageKind, startOfUtcDay } from "./usage-kinds";

// Guests from one network share this many times one guest's daily limit, so
// minting new guests does not reset the quota (a family or an office behind
// one address still gets plenty).
export const GUEST_NETWORK_QUOTA_MULTIPLIER = 20;

async function sumUsage(db: DbTx, where: { userId?: string; guestId?: string | { in: string[] } }, kind: LimitedUsageKind, now: Date) {
  const sum = await db.usageEvent.aggregate({ where: { ...where, kind, createdAt: { gte: startOfUtcDay(now) } }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

/** What the actor has used today of one kind. */
export async function usedToday(db: DbTx, actor: Actor, kind: LimitedUsageKind, now = new Date()): Promise<number> {
  return sumUsage(db, actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId }, kind, now);
}

/** What every guest created today from this guest's network has used, or null when its network is unknown. */
async function usedTodayByGuestNetwork(db: DbTx, guestId: string, kind: LimitedUsageKind, now: Date): Promise<number | null> {
  const origin = await db.guestOrigin.findUnique({ where: { guestId }, select: { ipHash: true } });
  if (!origin) return null;
  // Guests made yesterday may still be spending today.
  const since = new Date(startOfUtcDay(now).getTime() - 24 * 60 * 60 * 1000);
  const siblings = await db.guestOrigin.findMany({ where: { ipHash: origin.ipHash, createdAt: { gte: since } }, select: { guestId: true } });
  return sumUsage(db, { guestId: { in: siblings.map((sibling) => sibling.guestId) } }, kind, now);
}

/**
 * Refuses work that would go past the actor's daily limit, with a message a
 * person understands: "Daily limit reached: 20 jobs. Resets at 00:00 UTC."
 * Guests are also held to GUEST_NETWORK_QUOTA_MULTIPLIER × that per network.
 */
export async function assertWithinQuota(db: DbTx, actor: Actor, kind: LimitedUsageKind, adding = 1, now = new Date()): Promise<void> {
  const { quota, noun } = DAILY_LIMITS[kind];
  const [quotas, used, usedByNetwork] = await Promise.all([
    getQuota(db, actor.role),
    usedToday(db, actor, kind, now),
    actor.kind === "guest" ? usedTodayByGuestNetwork(db, actor.guestId, kind, now) : null,
  ]);
  const limit = quotas[quota];
  const hint = actor.kind === "guest" ? " Sign up for higher limits." : "";
  if (used + adding > limit) {
    throw new AppError("QUOTA_EXCEEDED", `Daily limit reached: ${limit.toLocaleString("en-US")} ${noun}. Resets at 00:00 UTC.${hint}`);
  }
  const networkLimit = limit * GUEST_NETWORK_QUOTA_MULTIPLIER;
  if (usedByNetwork !== null && usedByNetwork + adding > networkLimit) {
    throw new AppError(
      "QUOTA_EXCEEDED",
      `Daily limit reached for guests on your network: ${networkLimit.toLocaleString("en-US")} ${noun}. Resets at 00:00 UTC.${hint}`,
    );
  }
}
