import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobViewSelect, toJobView } from "./job-view";

/** A job the actor owns; anyone else gets NOT_FOUND. */
export async function getJob(db: DbTx, actor: Actor, id: string) {
  const row = await db.job.findFirst({ where: { id, ...ownedBy(actor) }, select: jobViewSelect });
  if (!row) throw new AppError("NOT_FOUND", "Job not found. It may have expired or been deleted.");
  return toJobView(row);
}
