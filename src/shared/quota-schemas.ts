import { z } from "zod";

const GB = 1024 * 1024 * 1024;

/** What an admin may set for a role; bounds keep a typo from taking the service down. */
export const quotaValuesInput = z.object({
  maxFileBytes: z.number().int().min(1024).max(20 * GB),
  filesPerDay: z.number().int().min(0).max(1_000_000),
  jobsPerDay: z.number().int().min(0).max(1_000_000),
  pagesPerJob: z.number().int().min(1).max(100_000),
  aiTokensPerDay: z.number().int().min(0).max(1_000_000_000),
  guestRetentionHours: z.number().int().min(1).max(24 * 30),
});

export type QuotaValues = z.infer<typeof quotaValuesInput>;
