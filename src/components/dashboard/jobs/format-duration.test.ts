import { describe, expect, it } from "vitest";
import { formatDuration, jobDurationMs } from "./format-duration";

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(420)).toBe("0.4 s");
    expect(formatDuration(9_940)).toBe("9.9 s");
    expect(formatDuration(12_300)).toBe("12 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(180_000)).toBe("3 min");
    expect(formatDuration(3_780_000)).toBe("1 h 3 min");
    expect(formatDuration(-1)).toBe("—");
  });
});

describe("jobDurationMs", () => {
  const createdAt = new Date("2026-01-01T10:00:00Z");
  const startedAt = new Date("2026-01-01T10:00:02Z");

  it("measures a finished job from its start to its end", () => {
    expect(jobDurationMs({ createdAt, startedAt, finishedAt: new Date("2026-01-01T10:00:07Z") }, null)).toBe(5_000);
  });

  it("measures a canceled job that never started from its creation", () => {
    expect(jobDurationMs({ createdAt, startedAt: null, finishedAt: new Date("2026-01-01T10:00:01Z") }, null)).toBe(1_000);
  });

  it("runs on with the clock while the job runs, and shows nothing before it starts", () => {
    expect(jobDurationMs({ createdAt, startedAt, finishedAt: null }, startedAt.getTime() + 3_000)).toBe(3_000);
    expect(jobDurationMs({ createdAt, startedAt, finishedAt: null }, null)).toBeNull();
    expect(jobDurationMs({ createdAt, startedAt: null, finishedAt: null }, Date.now())).toBeNull();
  });
});
