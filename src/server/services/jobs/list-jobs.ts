import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { jobViewSelect, toJobView } from "./job-view";

export async function listJobs(db: DbTx, actor: Actor, input: { limit: number; cursor?: string | null }) {
  const rows = await db.job.findMany({
    where: ownedBy(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: jobViewSelect,
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toJobView);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
