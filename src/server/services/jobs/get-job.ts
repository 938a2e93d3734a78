import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { findOwnedJobView } from "./find-owned-job-view";

/** A job the actor owns; anyone else gets NOT_FOUND. */
export async function getJob(db: DbTx, actor: Actor, id: string) {
  const view = await findOwnedJobView(db, actor, id);
  if (!view) throw new AppError("NOT_FOUND", "Job not found. It may have expired or been deleted.");
  return view;
}
