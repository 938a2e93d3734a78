import { describe, expect, it } from "vitest";
import { countUploadsAndResults, describeFileCounts } from "./describe-file-counts";

describe("describeFileCounts", () => {
  it("names uploads and results apart, in the singular for one", () => {
    expect(describeFileCounts(2, 3)).toBe("2 uploads and 3 results");
    expect(describeFileCounts(1, 1)).toBe("1 upload and 1 result");
    expect(describeFileCounts(1, 0)).toBe("1 upload");
    expect(describeFileCounts(0, 4)).toBe("4 results");
  });

  it("counts a file a job made as a result", () => {
    expect(countUploadsAndResults([{ jobId: null }, { jobId: "job-1" }, { jobId: null }])).toEqual({ uploads: 2, results: 1 });
  });
});
