// The quota fields an admin edits, with the unit people think in. File
// sizes are shown in MB and stored in bytes.
import type { QuotaValues } from "@/shared/quota-schemas";

export type { QuotaValues };
export type QuotaField = keyof QuotaValues;

const MB = 1024 * 1024;

export const QUOTA_FIELDS: { key: QuotaField; label: string; unit: string; guestOnly?: boolean; toInput: (value: number) => number; fromInput: (value: number) => number }[] = [
  { key: "maxFileBytes", label: "Max file size", unit: "MB", toInput: (bytes) => Math.round((bytes / MB) * 100) / 100, fromInput: (mb) => Math.round(mb * MB) },
  { key: "filesPerDay", label: "Files per day", unit: "files", toInput: (n) => n, fromInput: (n) => n },
  { key: "jobsPerDay", label: "Jobs per day", unit: "jobs", toInput: (n) => n, fromInput: (n) => n },
  { key: "pagesPerJob", label: "Pages per job", unit: "pages", toInput: (n) => n, fromInput: (n) => n },
  { key: "aiTokensPerDay", label: "AI tokens per day", unit: "tokens", toInput: (n) => n, fromInput: (n) => n },
  // Only guests' files expire; accounts keep theirs.
  { key: "guestRetentionHours", label: "File retention", unit: "hours", guestOnly: true, toInput: (n) => n, fromInput: (n) => n },
];
