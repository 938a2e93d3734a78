import "server-only";

// What is metered per actor per UTC day, and how each reads in messages.
export const USAGE_KINDS = ["FILE_UPLOAD", "UPLOAD_BYTES", "JOB", "PAGES", "AI_TOKENS"] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** The quota that caps a kind per day, with the noun for messages. */
export const DAILY_LIMITS = {
  FILE_UPLOAD: { quota: "filesPerDay", noun: "files" },
  JOB: { quota: "jobsPerDay", noun: "jobs" },
  AI_TOKENS: { quota: "aiTokensPerDay", noun: "AI tokens" },
} as const;
export type LimitedUsageKind = keyof typeof DAILY_LIMITS;

/** Midnight UTC starting the day of `now`: daily quotas reset there. */
export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
