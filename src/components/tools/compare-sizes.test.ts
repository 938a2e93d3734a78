import { describe, expect, it } from "vitest";
import { compareSizes } from "./compare-sizes";

const pdf = (size: number) => ({ size, mimeType: "application/pdf" });

describe("compareSizes", () => {
  it("compares files of one family in one unit, with the change", () => {
    expect(compareSizes([pdf(2 * 1024 * 1024)], [pdf(512 * 1024)])).toEqual({ before: "2 MB", after: "512 KB", change: "−75%" });
    expect(compareSizes([{ size: 4096, mimeType: "image/png" }], [{ size: 1024, mimeType: "image/webp" }])).toEqual({
      before: "4 KB",
      after: "1 KB",
      change: "−75%",
    });
  });

  it("says nothing when the result is a different kind of file", () => {
    expect(compareSizes([pdf(2 * 1024 * 1024)], [{ size: 3000, mimeType: "text/markdown" }])).toBeNull();
    expect(compareSizes([pdf(1000)], [pdf(900), { size: 10, mimeType: "text/plain" }])).toBeNull();
    expect(compareSizes([pdf(1000)], [])).toBeNull();
  });
});
