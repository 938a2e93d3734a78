import { describe, expect, it } from "vitest";
import { daysInUtcMonth, describeMeter, formatDay, USAGE_METRICS } from "./usage-metrics";

const metric = (kind: string) => {
  const found = USAGE_METRICS.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no metric ${kind}`);
  return found;
};

describe("usage metrics", () => {
  it("counts and sizes read as people say them", () => {
    expect(metric("JOB").format(1)).toBe("1 job");
    expect(metric("AI_TOKENS").format(12_500)).toBe("12,500 tokens");
    expect(metric("UPLOAD_BYTES").format(1_572_864)).toBe("1.5 MB");
  });

  it("describes a meter for screen readers", () => {
    expect(describeMeter(metric("JOB"), 3, 100)).toBe("3 jobs of 100 (3%)");
    expect(describeMeter(metric("FILE_UPLOAD"), 0, 0)).toBe("0 files of 0 (0%)");
  });

  it("knows the days of a UTC month, leap years included", () => {
    expect(daysInUtcMonth(new Date("2028-02-10T12:00:00Z"))).toBe(29);
    expect(daysInUtcMonth(new Date("2026-04-30T23:59:00Z"))).toBe(30);
  });

  it("names UTC days the same everywhere", () => {
    expect(formatDay(new Date("2026-03-03T00:00:00Z"))).toBe("Mar 3");
  });

  it("caps files, jobs and AI tokens per day and explains the others", () => {
    const quota = { maxFileBytes: 52_428_800, filesPerDay: 50, jobsPerDay: 20, pagesPerJob: 300, aiTokensPerDay: 20_000, guestRetentionHours: 24 };
    expect(USAGE_METRICS.map((entry) => entry.dailyLimit(quota))).toEqual([null, 50, 20, null, 20_000]);
    expect(metric("UPLOAD_BYTES").note(quota)).toBe("Up to 50 MB per file");
    expect(metric("PAGES").note(quota)).toBe("Up to 300 pages per job");
  });
});
