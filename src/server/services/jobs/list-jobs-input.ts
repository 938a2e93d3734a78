import "server-only";
import { z } from "zod";

// job.list's input. The filters are optional, so callers written before them keep working.
export const JOB_STATUS_NAMES = ["queued", "running", "succeeded", "failed", "canceled"] as const;

export const listJobsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(20),
    // Opaque keyset cursor (see keyset-cursor.ts).
    cursor: z.string().min(1).max(512).nullish(),
    status: z.enum(JOB_STATUS_NAMES).optional(),
    /** A tool id such as "image.convert". */
    tool: z.string().min(1).max(64).optional(),
  })
  .default({ limit: 20 });

export type ListJobsInput = z.output<typeof listJobsInput>;
