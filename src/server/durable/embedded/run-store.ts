import "server-only";
import type { Db, DbTx } from "@/server/db";
import type { EngineRun, Prisma } from "@/server/db/generated/client";
import { EVENT_ROW_FUNCTION_ID, RunStatus, TERMINAL_STATUSES, WAITING_STATUSES } from "./run-status";

// Creating, claiming and reading runs. Writes to a claimed run go through
// run-results.ts, fenced by the lease.

export interface EventPayload {
  id: string;
  name: string;
  data: unknown;
  ts: number;
}

export interface NewRun {
  id: string;
  functionId: string;
  event: EventPayload | Record<string, unknown>;
  runAfter?: Date;
  /** Concurrency groups the run counts in (concurrency-limits.ts). */
  concurrencyKeys?: string[];
}

/** Inserts runs; an id that already exists is skipped (deterministic ids make sends and cron ticks idempotent). */
export async function createRuns(db: DbTx, runs: NewRun[]): Promise<number> {
  if (runs.length === 0) return 0;
  const { count } = await db.engineRun.createMany({
    data: runs.map((run) => ({
      id: run.id,
      functionId: run.functionId,
      event: run.event as Prisma.InputJsonValue,
      status: RunStatus.queued,
      ...(run.runAfter ? { runAfter: run.runAfter } : {}),
      ...(run.concurrencyKeys?.length ? { concurrencyKeys: run.concurrencyKeys } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Keeps events sent while no engine runs in this process (see RunStatus.event). */
export async function storePendingEvents(db: DbTx, events: EventPayload[]): Promise<void> {
  await db.engineRun.createMany({
    data: events.map((event) => ({
      id: `event_${event.id}`,
      functionId: EVENT_ROW_FUNCTION_ID,
      event: event as unknown as Prisma.InputJsonValue,
      status: RunStatus.event,
    })),
    skipDuplicates: true,
  });
}

/** Pending events with one of these names, oldest first. */
export function findPendingEvents(db: DbTx, names: string[], take = 100) {
  return db.engineRun.findMany({
    where: {
      functionId: EVENT_ROW_FUNCTION_ID,
      status: RunStatus.event,
      OR: names.map((name) => ({ event: { path: ["name"], equals: name } })),
    },
    orderBy: { createdAt: "asc" },
    take,
  });
}

/** Deletes a pending event row; false if another engine took it first. */
export async function takePendingEvent(db: DbTx, rowId: string): Promise<boolean> {
  const { count } = await db.engineRun.deleteMany({ where: { id: rowId, status: RunStatus.event } });
  return count === 1;
}

/**
 * Claims the next due run of these functions, or returns undefined. One
 * UPDATE of the row a subquery picks (FOR UPDATE SKIP LOCKED): engines racing
 * for runs each take a different one, and PostgreSQL re-checks the condition
 * on a row another engine changed meanwhile, so exactly one wins it. Waiting
 * runs are due at runAfter; a running one whose lease ran out (its engine
 * crashed or hung) is claimable again, so it resumes.
 *
 * Runs in a full concurrency group are skipped; of the rest, the one whose
 * first group has the fewest runs executing goes first (fair across owners),
 * then the oldest (FIFO within an owner).
 */
export async function claimNextRun(
  db: Db,
  input: { functionIds: string[]; excludeIds: string[]; leaseMs: number; fullKeys?: string[]; keyLoad?: Record<string, number> },
): Promise<{ run: EngineRun; claimedUntil: Date } | undefined> {
  const now = new Date();
  const claimedUntil = new Date(now.getTime() + input.leaseMs);
  // Timestamps as ISO text cast to timestamp(3): the columns hold UTC without a zone, as Prisma writes them.
  const at = now.toISOString();
  const fullKeys = input.fullKeys ?? [];
  const keyLoad = JSON.stringify(input.keyLoad ?? {});
  const [claimed] = await db.$queryRaw<EngineRun[]>`
    UPDATE "EngineRun" SET "status" = ${RunStatus.running}, "claimedUntil" = ${claimedUntil.toISOString()}::timestamp(3), "updatedAt" = ${at}::timestamp(3),
      -- Taking over a run whose lease ran out: the process running it died
      -- mid-step (a crash, an out-of-memory kill), which counts as an attempt.
      "attempt" = CASE WHEN "status" = ${RunStatus.running} THEN "attempt" + 1 ELSE "attempt" END
    WHERE "id" = (
      SELECT "id" FROM "EngineRun"
      WHERE "functionId" = ANY(${input.functionIds}::text[]) AND NOT ("id" = ANY(${input.excludeIds}::text[]))
        AND (("status" = ANY(${WAITING_STATUSES}::text[]) AND "runAfter" <= ${at}::timestamp(3))
          OR ("status" = ${RunStatus.running} AND "claimedUntil" < ${at}::timestamp(3)))
        AND NOT ("concurrencyKeys" && ${fullKeys}::text[])
      ORDER BY COALESCE((${keyLoad}::jsonb ->> "concurrencyKeys"[1])::int, 0) ASC, "runAfter" ASC, "createdAt" ASC
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return claimed ? { run: claimed, claimedUntil } : undefined;
}

/** Step results of a run in the order they were stored (the SDK's stepCompletionOrder). */
export function loadSteps(db: DbTx, runId: string) {
  return db.engineStep.findMany({ where: { runId }, orderBy: [{ createdAt: "asc" }, { stepId: "asc" }] });
}

/** A run with its steps, for tests, admin views and debugging. */
export function findRun(db: DbTx, runId: string) {
  return db.engineRun.findUnique({ where: { id: runId }, include: { steps: true } });
}

/** Runs of these functions that have not finished (waiting, sleeping, running). */
export function countUnfinishedRuns(db: DbTx, functionIds: string[]): Promise<number> {
  return db.engineRun.count({
    where: { functionId: { in: functionIds }, status: { notIn: [...TERMINAL_STATUSES, RunStatus.event] } },
  });
}

/** When the earliest waiting run of these functions becomes due. */
export async function nextDueAt(db: DbTx, functionIds: string[]): Promise<Date | undefined> {
  const next = await db.engineRun.findFirst({
    where: { functionId: { in: functionIds }, status: { in: WAITING_STATUSES } },
    orderBy: { runAfter: "asc" },
    select: { runAfter: true },
  });
  return next?.runAfter;
}
