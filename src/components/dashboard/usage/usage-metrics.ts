import { formatBytes } from "@/shared/format-bytes";
import type { UsageSummary } from "../dashboard-types";

export type UsageKind = keyof UsageSummary["today"];
type Quota = UsageSummary["quota"];

export type UsageMetric = {
  kind: UsageKind;
  label: string;
  /** "3 jobs", "1.5 MB". */
  format: (amount: number) => string;
  /** The daily cap from the role's quota, or null where the quota caps something else (a file, a job). */
  dailyLimit: (quota: Quota) => number | null;
  /** What the quota says instead, for kinds without a daily cap. */
  note: (quota: Quota) => string | null;
};

const count = (singular: string, plural: string) => (amount: number) =>
  `${amount.toLocaleString("en-US")} ${amount === 1 ? singular : plural}`;

export const USAGE_METRICS: readonly UsageMetric[] = [
  { kind: "UPLOAD_BYTES", label: "Uploaded", format: formatBytes, dailyLimit: () => null, note: (quota) => `Up to ${formatBytes(quota.maxFileBytes)} per file` },
  { kind: "FILE_UPLOAD", label: "Files uploaded", format: count("file", "files"), dailyLimit: (quota) => quota.filesPerDay, note: () => null },
  { kind: "JOB", label: "Jobs", format: count("job", "jobs"), dailyLimit: (quota) => quota.jobsPerDay, note: () => null },
  { kind: "PAGES", label: "Pages processed", format: count("page", "pages"), dailyLimit: () => null, note: (quota) => `Up to ${quota.pagesPerJob.toLocaleString("en-US")} pages per job` },
  { kind: "AI_TOKENS", label: "AI tokens", format: count("token", "tokens"), dailyLimit: (quota) => quota.aiTokensPerDay, note: () => null },
];

/** Days in the UTC month of `date`: quotas are per UTC day, so the month is too. */
export function daysInUtcMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** "3 of 100 jobs (3%)": what a screen reader hears for a meter. */
export function describeMeter(metric: UsageMetric, used: number, limit: number): string {
  const percent = limit > 0 ? Math.round((used / limit) * 100) : 0;
  return `${metric.format(used)} of ${limit.toLocaleString("en-US")} (${percent}%)`;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Mar 3": a UTC day of the series, the same on the server and in any browser. */
export const formatDay = (date: Date) => dayFormat.format(date);
