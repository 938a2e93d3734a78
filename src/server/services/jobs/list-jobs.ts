import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { JobStatus } from "@/server/db/generated/enums";
import { after, cursorDate, decodeCursor, encodeCursor, toPage } from "../pagination/keyset-cursor";
import { type JobStatusName, jobViewSelect, toJobView } from "./job-view";
import type { ListJobsInput } from "./list-jobs-input";

const STATUS = {
  queued: "QUEUED",
  running: "RUNNING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  canceled: "CANCELED",
} satisfies Record<JobStatusName, JobStatus>;

// Newest first is the only order: a history reads from the latest job back.
const ORDERING = "createdAt:desc";

/** The actor's jobs, newest first, optionally of one status or tool, with the total that matches. */
export async function listJobs(db: DbTx, actor: Actor, input: ListJobsInput) {
  const filters: Prisma.JobWhereInput = {
    ...(input.status ? { status: STATUS[input.status] } : {}),
    ...(input.tool ? { tool: input.tool } : {}),
  };
  const where: Prisma.JobWhereInput = { AND: [ownedBy(actor), filters] };
  let page: Prisma.JobWhereInput = {};
  if (input.cursor) {
    const position = decodeCursor(input.cursor, ORDERING);
    const createdAt = cursorDate(position);
    page = { OR: [{ createdAt: after("desc", createdAt) }, { createdAt, id: after("desc", position.id) }] };
  }
  const rows = await db.job.findMany({
    where: { AND: [where, page] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: jobViewSelect,
  });
  const total = await db.job.count({ where });
  const { items, nextCursor } = toPage(rows, input.limit, (row) => encodeCursor(ORDERING, row.createdAt, row.id));
  return { items: items.map(toJobView), nextCursor, total };
}
