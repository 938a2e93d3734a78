import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { getQuota } from "@/server/quotas/get-quota";
import { startOfUtcDay, USAGE_KINDS, type UsageKind } from "@/server/quotas/usage-kinds";

const DAY_MS = 86_400_000;
type Totals = Record<UsageKind, number>;

function emptyTotals(): Totals {
  return Object.fromEntries(USAGE_KINDS.map((kind) => [kind, 0])) as Totals;
}

/**
 * Usage for the dashboard: today and this month per kind, against the role's
 * quota, and a 30-day daily series for the chart.
 */
export async function summarizeUsage(db: DbTx, actor: Actor, now = new Date()) {
  const owner = actor.kind === "user" ? { userId: actor.userId } : { guestId: actor.guestId };
  const today = startOfUtcDay(now);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const seriesStart = new Date(today.getTime() - 29 * DAY_MS);
  const since = monthStart < seriesStart ? monthStart : seriesStart;
  const events = await db.usageEvent.findMany({
    where: { ...owner, createdAt: { gte: since } },
    select: { kind: true, amount: true, createdAt: true },
  });
  const todayTotals = emptyTotals();
  const monthTotals = emptyTotals();
  const days = Array.from({ length: 30 }, (_, index) => ({ date: new Date(seriesStart.getTime() + index * DAY_MS), ...emptyTotals() }));
  for (const event of events) {
    const kind = event.kind as UsageKind;
    if (!(kind in todayTotals)) continue;
    if (event.createdAt >= today) todayTotals[kind] += event.amount;
    if (event.createdAt >= monthStart) monthTotals[kind] += event.amount;
    const day = days[Math.floor((event.createdAt.getTime() - seriesStart.getTime()) / DAY_MS)];
    if (day) day[kind] += event.amount;
  }
  return { today: todayTotals, month: monthTotals, days, quota: await getQuota(db, actor.role), resetsAt: new Date(today.getTime() + DAY_MS) };
}
