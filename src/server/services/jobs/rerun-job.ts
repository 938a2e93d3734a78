import "server-only";
import type { Actor } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isExpired } from "@/server/retention/retention-policy";
import { createJob } from "./create-job";

/**
 * Starts a new job with the same tool, options and input files as one the
 * actor ran before. It goes through createJob, so quotas, the tool's input
 * checks and option validation apply exactly as for a new job. Secret options
 * (passwords) must be given again in `secretOptions`; others are ignored.
 */
export async function rerunJob(db: DbTx, actor: Actor, id: string, secretOptions: Record<string, string> = {}) {
  const now = new Date();
  const job = await db.job.findFirst({
    where: { id, ...ownedBy(actor, now) },
    select: {
      tool: true,
      options: true,
      secretOptionNames: true,
      inputCount: true,
      inputs: { orderBy: { position: "asc" }, select: { position: true, file: { select: { id: true, expiresAt: true } } } },
    },
  });
  if (!job) throw new AppError("NOT_FOUND", "Job not found. It may have expired or been deleted.");
  // Deleting a file deletes its JobInput row too (cascade): fewer rows than the
  // job was created with. Jobs from before inputCount existed show it as a gap
  // in the positions 0, 1, 2… (which misses only a deleted last input).
  const expected = job.inputCount ?? job.inputs.length;
  const deleted = job.inputs.length === 0 || job.inputs.length !== expected || job.inputs.some((input, index) => input.position !== index);
  const expired = job.inputs.some((input) => isExpired(input.file.expiresAt, now));
  if (deleted || expired) {
    throw new AppError(
      "CONFLICT",
      "This job cannot run again because one or more of its input files were deleted or have expired. Upload them again and start the tool from its page.",
    );
  }
  // Passwords were never kept: the person gives them again, or the job cannot run the same way.
  const missing = job.secretOptionNames.filter((name) => !secretOptions[name]);
  if (missing.length > 0) {
    throw new AppError("BAD_REQUEST", `Enter the ${missing.length === 1 ? "password" : "passwords"} again to run this job again: FileForge does not keep them.`);
  }
  const given = Object.fromEntries(job.secretOptionNames.map((name) => [name, secretOptions[name]]));
  const options = { ...(job.options as Record<string, unknown>), ...given };
  return createJob(db, actor, { tool: job.tool, fileIds: job.inputs.map((input) => input.file.id), options, optionsStoredEarlier: true });
}
