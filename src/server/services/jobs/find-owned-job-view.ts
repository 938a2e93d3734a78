import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { toJobView, type JobView } from "./job-view";

type ViewRow = Parameters<typeof toJobView>[0];
type RawRow = Omit<ViewRow, "expiresAt" | "createdAt" | "updatedAt" | "startedAt" | "finishedAt"> & {
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
};

const toDate = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

/**
 * The job view (job-view.ts) of one job the actor owns, in one query: job.get
 * is what every open job page polls, and Prisma reads the job, its inputs,
 * their files and its outputs in four. Same owner and expiry filter as
 * `ownedBy`; timestamps come as epoch milliseconds (the columns hold UTC).
 */
export async function findOwnedJobView(db: DbTx, actor: Actor, id: string, now = new Date()): Promise<JobView | null> {
  const userId = actor.kind === "user" ? actor.userId : null;
  const guestId = actor.kind === "guest" ? actor.guestId : null;
  const [row] = await db.$queryRaw<RawRow[]>`
    SELECT j."id", j."tool", j."options", COALESCE(j."secretOptionNames", ARRAY[]::text[]) AS "secretOptionNames", j."status"::text AS "status", j."progress", j."step", j."error", j."attempts",
      j."inputCount", j."aiTokens",
      (extract(epoch FROM j."expiresAt") * 1000)::float8 AS "expiresAt", (extract(epoch FROM j."createdAt") * 1000)::float8 AS "createdAt",
      (extract(epoch FROM j."updatedAt") * 1000)::float8 AS "updatedAt", (extract(epoch FROM j."startedAt") * 1000)::float8 AS "startedAt",
      (extract(epoch FROM j."finishedAt") * 1000)::float8 AS "finishedAt",
      COALESCE((SELECT json_agg(json_build_object('file', json_build_object('id', f."id", 'name', f."name", 'size', f."size", 'mimeType', f."mimeType")) ORDER BY i."position")
        FROM "JobInput" i JOIN "File" f ON f."id" = i."fileId" WHERE i."jobId" = j."id"), '[]'::json) AS "inputs",
      COALESCE((SELECT json_agg(json_build_object('id', o."id", 'name', o."name", 'size', o."size", 'mimeType', o."mimeType") ORDER BY o."createdAt")
        FROM "File" o WHERE o."jobId" = j."id"), '[]'::json) AS "outputs"
    FROM "Job" j
    WHERE j."id" = ${id}
      AND (${userId}::text IS NOT NULL AND j."userId" = ${userId}::text OR ${userId}::text IS NULL AND j."userId" IS NULL AND j."guestId" = ${guestId}::text)
      AND (j."expiresAt" IS NULL OR j."expiresAt" > ${now.toISOString()}::timestamp(3))`;
  if (!row) return null;
  return toJobView({
    ...row,
    expiresAt: toDate(row.expiresAt),
    createdAt: new Date(Number(row.createdAt)),
    updatedAt: new Date(Number(row.updatedAt)),
    startedAt: toDate(row.startedAt),
    finishedAt: toDate(row.finishedAt),
  } as ViewRow);
}
