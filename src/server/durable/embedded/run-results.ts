import "server-only";
import type { Db, DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { LeaseLostError, type Fence } from "./run-fence";
import { createRuns, type NewRun } from "./run-store";
import { RunStatus } from "./run-status";
import type { StoredJson } from "./step-data";

// Every write to a claimed run first checks the fence: if the lease was lost,
// nothing is written. A write that is one statement runs without an
// interactive transaction (on embedded PGlite a transaction holds every other
// connection for its round trips), and saveStep is one statement too.

async function fencedUpdate(tx: DbTx, fence: Fence, data: Prisma.EngineRunUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.engineRun.updateMany({ where: fence, data });
  if (count === 0) throw new LeaseLostError(fence.id);
}

export type StepResult = { stepId: string; data: StoredJson } | { stepId: string; error: Prisma.InputJsonValue };

function stepRow(runId: string, result: StepResult) {
  return "error" in result
    ? { runId, stepId: result.stepId, error: result.error, createdAt: new Date() }
    : { runId, stepId: result.stepId, data: result.data, createdAt: new Date() };
}

const jsonText = (value: unknown) => (value === Prisma.JsonNull ? "null" : JSON.stringify(value));

/**
 * Memoizes a finished step (success or final failure); the next step starts at
 * attempt 0. One statement, atomic as a transaction would be: the insert reads
 * the fenced update's row, so a lost lease stores nothing.
 */
export async function saveStep(db: Db, fence: Fence, result: StepResult): Promise<void> {
  const now = new Date().toISOString();
  const data = "error" in result ? null : jsonText(result.data);
  const error = "error" in result ? jsonText(result.error) : null;
  // Timestamps as ISO text cast to timestamp(3): the columns hold UTC without a zone, as Prisma writes them.
  const [row] = await db.$queryRaw<{ fenced: number }[]>`
    WITH fenced AS (
      UPDATE "EngineRun" SET "attempt" = 0, "error" = NULL, "updatedAt" = ${now}::timestamp(3)
      WHERE "id" = ${fence.id} AND "status" = ${fence.status} AND "claimedUntil" = ${fence.claimedUntil.toISOString()}::timestamp(3)
      RETURNING "id"
    ), stored AS (
      -- ON CONFLICT: a step stored once is never overwritten, so its side effect is never redone.
      INSERT INTO "EngineStep" ("runId", "stepId", "data", "error", "createdAt")
      SELECT "id", ${result.stepId}, ${data}::jsonb, ${error}::jsonb, ${now}::timestamp(3) FROM fenced
      ON CONFLICT DO NOTHING
    )
    SELECT count(*)::int AS fenced FROM fenced`;
  if (!row || row.fenced === 0) throw new LeaseLostError(fence.id);
}

/** Memoizes sleep steps and releases the run until they end. */
export function sleepUntil(db: Db, fence: Fence, sleepStepIds: string[], wakeAt: Date): Promise<void> {
  return db.$transaction(async (tx) => {
    await fencedUpdate(tx, fence, { status: RunStatus.sleeping, runAfter: wakeAt, claimedUntil: null, attempt: 0 });
    await tx.engineStep.createMany({
      data: sleepStepIds.map((stepId) => stepRow(fence.id, { stepId, data: Prisma.JsonNull })),
      skipDuplicates: true,
    });
  });
}

/** Releases the run until its next attempt. */
export function scheduleRetry(db: Db, fence: Fence, input: { attempt: number; runAfter: Date; error: string }): Promise<void> {
  return fencedUpdate(db, fence, {
    status: RunStatus.retrying,
    attempt: input.attempt,
    runAfter: input.runAfter,
    claimedUntil: null,
    error: input.error,
  });
}

export function completeRun(db: Db, fence: Fence, output: StoredJson): Promise<void> {
  return fencedUpdate(db, fence, { status: RunStatus.completed, output, claimedUntil: null, error: null });
}

/** Fails the run and, in the same transaction, queues its onFailure run: exactly once. */
export function failRun(db: Db, fence: Fence, input: { error: string; failureRun?: NewRun }): Promise<void> {
  return db.$transaction(async (tx) => {
    await fencedUpdate(tx, fence, { status: RunStatus.failed, error: input.error, claimedUntil: null });
    if (input.failureRun) await createRuns(tx, [input.failureRun]);
  });
}

/** Hands a run back untouched when the engine stops, so the next start resumes it at once. */
export function releaseRun(db: Db, fence: Fence): Promise<void> {
  return fencedUpdate(db, fence, { status: RunStatus.queued, runAfter: new Date(), claimedUntil: null });
}
