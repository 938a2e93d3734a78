import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getQuota } from "./get-quota";
import { DAILY_LIMITS, type LimitedUsageKind, startOfUtcDay } from "./usage-kinds";

/** What the actor has used today of one kind. */
export async function usedToday(db: DbTx, actor: Actor, kind: LimitedUsageKind, now = new Date()): Promise<number> {
  const owner = actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId };
  const sum = await db.usageEvent.aggregate({ where: { ...owner, kind, createdAt: { gte: startOfUtcDay(now) } }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

/**
 * Refuses work that would go past the actor's daily limit, with a message a
 * person understands: "Daily limit reached: 20 jobs. Resets at 00:00 UTC."
 */
export async function assertWithinQuota(db: DbTx, actor: Actor, kind: LimitedUsageKind, adding = 1, now = new Date()): Promise<void> {
  const { quota, noun } = DAILY_LIMITS[kind];
  const [quotas, used] = await Promise.all([getQuota(db, actor.role), usedToday(db, actor, kind, now)]);
  const limit = quotas[quota];
  if (used + adding <= limit) return;
  const hint = actor.kind === "guest" ? " Sign up for higher limits." : "";
  throw new AppError("QUOTA_EXCEEDED", `Daily limit reached: ${limit.toLocaleString("en-US")} ${noun}. Resets at 00:00 UTC.${hint}`);
}
