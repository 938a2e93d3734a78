import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes, the one way sizes are written (UI and server messages)", () => {
  it("uses binary units, so a limit set as N × 1,048,576 bytes reads as N MB", () => {
    expect(formatBytes(250 * 1024 * 1024)).toBe("250 MB");
    expect(formatBytes(600 * 1024 * 1024)).toBe("600 MB");
    expect(formatBytes(1_572_864)).toBe("1.5 MB");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2 GB");
  });
});
