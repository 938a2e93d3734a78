import "server-only";
import type { DbTx } from "@/server/db";
import type { UsageKind } from "./usage-kinds";

export type UsageOwner = { userId: string | null; guestId: string | null };

/** Appends what an owner used (`ownerOf(actor)`, or a job's owner columns); quotas and the dashboard sum these rows. */
export async function recordUsage(db: DbTx, owner: UsageOwner, kind: UsageKind, amount: number): Promise<void> {
  if (amount <= 0) return;
  await db.usageEvent.create({ data: { kind, amount: Math.round(amount), userId: owner.userId, guestId: owner.userId ? null : owner.guestId } });
}
