import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./format-time-left";

describe("formatTimeLeft", () => {
  it("reads like a countdown a person skims", () => {
    expect(formatTimeLeft(24 * 3_600_000 - 30_000)).toBe("23 h 59 min");
    expect(formatTimeLeft(2 * 3_600_000)).toBe("2 h");
    expect(formatTimeLeft(5 * 60_000 + 59_000)).toBe("5 min");
    expect(formatTimeLeft(20_000)).toBe("less than a minute");
  });

  it("has nothing to say once the time is up", () => {
    expect(formatTimeLeft(0)).toBeNull();
    expect(formatTimeLeft(-1)).toBeNull();
  });
});
