import "server-only";
import type { Db } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { logger } from "@/server/logger";
import { recordUsage } from "@/server/quotas/record-usage";
import { createStorageKey } from "@/server/storage/create-storage-key";
import type { StorageDriver } from "@/server/storage/types";
import { getTool } from "@/server/tools/registry";
import type { ToolOutputFile } from "@/server/tools/types";
import { runJobTool } from "@/server/tools/worker/tool-runner";
import { openJobSecrets } from "../secrets/seal-job-secrets";
import { checkJobPages } from "./check-job-pages";
import { withHeavyJobSlot } from "./heavy-job-slots";
import { createJobProgressReporter } from "./report-job-progress";

// Outputs are bounded by the tool's own limits; this only guards storage.
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024 * 1024;

/** Milliseconds each part of the step took: kept with the step's result, for the load benchmark and debugging. */
export type JobToolTimings = { jobRowMs: number; pagesMs: number; toolMs: number; storeMs: number };
export type ExecuteJobResult = { outcome: "stored"; outputIds: string[]; pages: number; timings: JobToolTimings } | { outcome: "canceled" };

const jobToRunSelect = {
  tool: true, options: true, sealedOptions: true, userId: true, guestId: true, expiresAt: true,
  inputs: { orderBy: { position: "asc" }, select: { file: { select: { name: true, mimeType: true, size: true, storageKey: true } } } },
} satisfies Prisma.JobSelect;

const since = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/**
 * Runs a job's tool on its inputs and stores the outputs with the job's owner
 * and expiry. Idempotent: a retry replaces the outputs of an earlier attempt
 * in one transaction, so a job never has duplicate outputs.
 */
export async function executeJobTool(db: Db, storage: StorageDriver, jobId: string): Promise<ExecuteJobResult> {
  const mark = performance.now();
  const [claimed] = await db.job.updateManyAndReturn({ where: { id: jobId, status: "RUNNING" }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
  if (!claimed) return { outcome: "canceled" };
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: jobToRunSelect });
  const jobRowMs = since(mark);
  const inputBytes = job.inputs.reduce((sum, { file }) => sum + file.size, 0);
  // Only an earlier attempt can have left outputs to replace.
  const firstAttempt = claimed.attempts === 1;
  return withHeavyJobSlot(inputBytes, () => runAndStore(db, storage, jobId, { ...job, firstAttempt }, jobRowMs));
}

type JobToRun = Prisma.JobGetPayload<{ select: typeof jobToRunSelect }>;

async function runAndStore(db: Db, storage: StorageDriver, jobId: string, job: JobToRun & { firstAttempt: boolean }, jobRowMs: number): Promise<ExecuteJobResult> {
  let mark = performance.now();
  const controller = new AbortController();
  const reporter = createJobProgressReporter(db, jobId, controller);
  // Each input is read from storage once, however many times it is used.
  const inputs = job.inputs.map(({ file }) => {
    let bytes: Promise<Uint8Array> | undefined;
    return { ...file, read: () => (bytes ??= storage.readBytes(file.storageKey)) };
  });
  const pages = await checkJobPages(db, job, inputs);
  const pagesMs = since(mark);
  mark = performance.now();
  let outputs: ToolOutputFile[];
  let aiTokens = 0;
  try {
    // In a worker process (tools/worker), so a heavy job never blocks this process's requests.
    outputs = await runJobTool(getTool(job.tool), {
      inputs,
      // Passwords join the options in memory only, for this attempt.
      options: job.sealedOptions ? { ...(job.options as Record<string, unknown>), ...openJobSecrets(jobId, job.sealedOptions) } : job.options,
      progress: reporter.report,
      signal: controller.signal,
      reportAiTokens: (tokens) => (aiTokens += tokens),
    });
  } catch (error) {
    if (controller.signal.aborted) return { outcome: "canceled" };
    throw error;
  } finally {
    await reporter.flush();
    // Every attempt's tokens count, canceled or failed ones too: the provider charged for them.
    await meterJobTokens(db, jobId, job, aiTokens).catch((error: unknown) => logger.error({ err: error, jobId }, "could not record a job's AI tokens"));
  }
  if (controller.signal.aborted) return { outcome: "canceled" };
  const toolMs = since(mark);
  mark = performance.now();
  const stored = await storeOutputs(db, storage, jobId, job, outputs);
  return stored.outcome === "stored" ? { ...stored, pages, timings: { jobRowMs, pagesMs, toolMs, storeMs: since(mark) } } : stored;
}

/** The owner's AI_TOKENS usage (what the daily quota sums) and the job's own total (what its history shows). */
async function meterJobTokens(db: Db, jobId: string, owner: { userId: string | null; guestId: string | null }, tokens: number): Promise<void> {
  if (tokens <= 0) return;
  await db.$transaction(async (tx) => {
    await recordUsage(tx, owner, "AI_TOKENS", tokens);
    await tx.job.update({ where: { id: jobId }, data: { aiTokens: { increment: tokens } } });
  });
}

/**
 * Stores a run's outputs as the job's files. The owner and expiry are read
 * from the job row, locked, in the same transaction: a guest who signed up
 * while the tool ran has had the job moved to their account, and its outputs
 * must follow (claimGuestWork takes the job's lock first, then moves files).
 */
export async function storeOutputs(
  db: Db,
  storage: StorageDriver,
  jobId: string,
  owner: { userId: string | null; guestId: string | null; expiresAt: Date | null; firstAttempt: boolean },
  outputs: ToolOutputFile[],
): Promise<{ outcome: "stored"; outputIds: string[] } | { outcome: "canceled" }> {
  const written: { storageKey: string; name: string; mimeType: string; size: number; sha256: string }[] = [];
  for (const output of outputs) {
    const storageKey = createStorageKey();
    const stored = await storage.write(storageKey, output.data, { maxBytes: MAX_OUTPUT_BYTES, contentType: output.mimeType });
    written.push({ storageKey, name: output.name, mimeType: output.mimeType, ...stored });
  }
  const result = await db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ status: string; userId: string | null; guestId: string | null; expiresAt: Date | null }[]>`
      SELECT "status", "userId", "guestId", "expiresAt" FROM "Job" WHERE "id" = ${jobId} FOR UPDATE`;
    if (job?.status !== "RUNNING") return { canceled: true as const, stale: [] as string[] };
    const previous = owner.firstAttempt ? [] : await tx.file.findMany({ where: { jobId }, select: { storageKey: true } });
    if (!owner.firstAttempt) await tx.file.deleteMany({ where: { jobId } });
    const created = await tx.file.createManyAndReturn({
      data: written.map((file) => ({ ...file, jobId, userId: job.userId, guestId: job.userId ? null : job.guestId, expiresAt: job.expiresAt })),
      select: { id: true },
    });
    return { canceled: false as const, stale: previous.map((file) => file.storageKey), ids: created.map((file) => file.id) };
  });
  // Bytes no row points to any more; an interrupted delete is swept hourly.
  const orphaned = result.canceled ? written.map((file) => file.storageKey) : result.stale;
  await Promise.all(orphaned.map((key) => storage.delete(key).catch(() => undefined)));
  return result.canceled ? { outcome: "canceled" } : { outcome: "stored", outputIds: result.ids };
}
