import "server-only";
import { type Actor, ownerKeyOf, ownerOf } from "@/server/auth/actor";
import { ownedBy } from "@/server/auth/owner-where";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { jobRequested } from "@/server/events/event-types";
import { sendEvent } from "@/server/events/send-event";
import { logger } from "@/server/logger";
import { assertWithinQuota } from "@/server/quotas/assert-within-quota";
import { recordUsage } from "@/server/quotas/record-usage";
import { outputExpiresAt } from "@/server/retention/retention-policy";
import { assertDiskSpace } from "@/server/services/system/check-disk-space";
import { parseToolOptions } from "@/server/tools/parse-tool-options";
import { getTool } from "@/server/tools/registry";
import { checkToolInputs } from "@/server/tools/run-tool";
import { isToolInputError } from "@/server/tools/tool-error";
import { findOwnedJobView } from "./find-owned-job-view";
import { sealJobSecrets } from "./secrets/seal-job-secrets";
import { splitSecretOptions } from "./secrets/split-secret-options";

export type CreateJobInput = {
  tool: string;
  fileIds: string[];
  options?: unknown;
  /** The options come from an earlier job (a re-run): unknown or inapplicable ones are dropped, not refused. */
  optionsStoredEarlier?: boolean;
};

function findTool(id: string) {
  try {
    return getTool(id);
  } catch {
    throw new AppError("BAD_REQUEST", `There is no tool called “${id}”.`);
  }
}

/**
 * Validates and records a job, then asks the job engine to run it. Inputs
 * must all belong to the actor; the tool must accept them; options are parsed
 * with the tool's schema (defaults filled in). The event is sent after the
 * row is committed, so the function always finds its job.
 */
export async function createJob(db: DbTx, actor: Actor, input: CreateJobInput) {
  const tool = findTool(input.tool);
  // A job writes its results to the data volume: none is started while it is nearly full (507).
  await assertDiskSpace();
  const uniqueIds = [...new Set(input.fileIds)];
  // Independent reads, side by side.
  const [files] = await Promise.all([
    db.file.findMany({ where: { id: { in: uniqueIds }, ...ownedBy(actor) }, select: { id: true, name: true, size: true, mimeType: true, expiresAt: true } }),
    assertWithinQuota(db, actor, "JOB"),
    // A job's tokens are known only once it ran; a day already spent refuses the next AI job up front.
    tool.category === "ai" ? assertWithinQuota(db, actor, "AI_TOKENS") : undefined,
  ]);
  if (files.length !== uniqueIds.length) throw new AppError("NOT_FOUND", "One or more files were not found. They may have expired.");
  const byId = new Map(files.map((file) => [file.id, file]));
  const ordered = input.fileIds.flatMap((id) => byId.get(id) ?? []);
  try {
    checkToolInputs(tool, ordered);
  } catch (error) {
    if (isToolInputError(error)) throw new AppError("BAD_REQUEST", error.message);
    throw error;
  }
  // Strict: an unknown option, or one that does not apply to the other choices, is a 400 naming it.
  const options = parseToolOptions(tool, input.options, { storedEarlier: input.optionsStoredEarlier });
  if (!options.ok) throw new AppError("BAD_REQUEST", options.message);
  // Passwords are parsed with the rest, then kept apart: sealed for the run
  // only, never in `options`, which job.get and the account export return.
  const { plain, secrets } = splitSecretOptions(options.options);
  const secretNames = Object.keys(secrets);
  const job = await db.job.create({
    data: {
      ...ownerOf(actor),
      tool: tool.id,
      options: plain as Prisma.InputJsonValue,
      secretOptionNames: secretNames,
      // Results live exactly as long as the inputs they came from.
      expiresAt: outputExpiresAt(ordered),
      inputCount: ordered.length,
      inputs: { create: ordered.map((file, position) => ({ position, fileId: file.id })) },
    },
    select: { id: true },
  });
  // The id is the key's salt, so the sealed value follows the row it belongs to.
  if (secretNames.length > 0) await db.job.update({ where: { id: job.id }, data: { sealedOptions: sealJobSecrets(job.id, secrets) } });
  // Written while the event is sent; a failure is logged, since the job runs by then.
  const usage = recordUsage(db, ownerOf(actor), "JOB", 1).catch((error: unknown) => logger.error({ err: error, jobId: job.id }, "could not record a job's usage"));
  try {
    // The event id makes a repeated send start no second run.
    await sendEvent(jobRequested.create({ jobId: job.id, ownerKey: ownerKeyOf(actor) }, { id: `job-requested-${job.id}` }));
  } catch (error) {
    await usage;
    logger.error({ err: error, jobId: job.id }, "could not enqueue a job");
    await db.job.update({ where: { id: job.id }, data: { status: "FAILED", error: "The job could not be queued. Try again in a moment.", finishedAt: new Date(), sealedOptions: null } });
    throw new AppError("UNAVAILABLE", "The job engine is not reachable right now. Try again in a moment.", { cause: error });
  }
  await usage;
  // One query, as job.get reads it (the run may already have started).
  const view = await findOwnedJobView(db, actor, job.id);
  if (!view) throw new AppError("INTERNAL", "The job disappeared right after it was created.");
  return view;
}
