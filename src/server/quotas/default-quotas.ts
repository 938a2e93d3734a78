import "server-only";
import type { QuotaValues } from "@/shared/quota-schemas";
import type { Role } from "@/shared/roles";

// The limits each role starts with. Admins change them at runtime (Quota
// rows); these defaults fill in any role without a row.

const MB = 1024 * 1024;

export const DEFAULT_QUOTAS: Record<Role, QuotaValues> = {
  GUEST: { maxFileBytes: 50 * MB, filesPerDay: 50, jobsPerDay: 20, pagesPerJob: 300, aiTokensPerDay: 20_000, guestRetentionHours: 24 },
  USER: { maxFileBytes: 200 * MB, filesPerDay: 200, jobsPerDay: 100, pagesPerJob: 1_000, aiTokensPerDay: 100_000, guestRetentionHours: 24 },
  PREMIUM: { maxFileBytes: 1024 * MB, filesPerDay: 2_000, jobsPerDay: 1_000, pagesPerJob: 5_000, aiTokensPerDay: 1_000_000, guestRetentionHours: 24 },
  ADMIN: { maxFileBytes: 1024 * MB, filesPerDay: 10_000, jobsPerDay: 10_000, pagesPerJob: 5_000, aiTokensPerDay: 5_000_000, guestRetentionHours: 24 },
};
