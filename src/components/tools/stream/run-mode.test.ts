import { describe, expect, it } from "vitest";
import { runHint, runMode, runModeHint } from "./run-mode";

const summarize = { stream: { noun: "summary", title: "Summary", extension: "summary.md" } };
const merge = { stream: null };

describe("runMode", () => {
  it("streams one document of a tool that can, and makes a job of anything else", () => {
    expect(runMode(summarize, 1)).toEqual({ kind: "stream", noun: "summary" });
    expect(runMode(summarize, 2)).toEqual({ kind: "job" });
    expect(runMode(merge, 1)).toEqual({ kind: "job" });
  });

  it("says which next to Run, and says nothing for tools that only run as jobs", () => {
    expect(runModeHint(summarize, 1)).toBe("Streams the summary here.");
    expect(runModeHint(summarize, 3)).toBe("Runs as a job; you get one file per document in a zip.");
    expect(runModeHint(summarize, 0)).toBeNull();
    expect(runModeHint(merge, 2)).toBeNull();
  });
});

describe("runHint", () => {
  it("adds what Run does to the readiness line once Run can be pressed", () => {
    expect(runHint({ ready: true, hint: "1 file ready, 12 KB in total." }, summarize, 1)).toBe("1 file ready, 12 KB in total. Streams the summary here.");
    expect(runHint({ ready: false, hint: "Waiting for uploads to finish…" }, summarize, 1)).toBe("Waiting for uploads to finish…");
    expect(runHint({ ready: true, hint: "2 files ready, 1 MB in total." }, merge, 2)).toBe("2 files ready, 1 MB in total.");
  });
});
