import "server-only";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";

// The shape clients see for a job (job.get, job.list, job.onUpdate).
export const jobViewSelect = {
  id: true,
  tool: true,
  options: true,
  secretOptionNames: true,
  status: true,
  progress: true,
  step: true,
  error: true,
  attempts: true,
  inputCount: true,
  aiTokens: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
  startedAt: true,
  finishedAt: true,
  inputs: { orderBy: { position: "asc" }, select: { file: { select: { id: true, name: true, size: true, mimeType: true } } } },
  outputs: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, size: true, mimeType: true } },
} satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof jobViewSelect }>;
export type JobStatusName = "queued" | "running" | "succeeded" | "failed" | "canceled";

export function toJobView(row: JobRow) {
  return {
    id: row.id,
    tool: row.tool,
    options: row.options,
    /** Options set when the job was created but never kept (passwords): a re-run asks for them again. */
    secretOptionNames: row.secretOptionNames,
    status: row.status.toLowerCase() as JobStatusName,
    progress: row.progress,
    step: row.step,
    error: row.error,
    attempts: row.attempts,
    /** Inputs deleted since the job ran (their rows go with them); such a job cannot run again. */
    missingInputs: Math.max(0, (row.inputCount ?? row.inputs.length) - row.inputs.length),
    aiTokens: row.aiTokens,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    inputs: row.inputs.map((input) => input.file),
    outputs: row.outputs,
  };
}
export type JobView = ReturnType<typeof toJobView>;

export const TERMINAL_STATUSES: readonly JobStatusName[] = ["succeeded", "failed", "canceled"];

/** Reads a job by id with NO owner filter: only for code that already checked ownership or runs the job. */
export async function readJobView(db: DbTx, id: string): Promise<JobView | null> {
  const row = await db.job.findUnique({ where: { id }, select: jobViewSelect });
  return row ? toJobView(row) : null;
}
