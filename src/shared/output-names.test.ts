import { describe, expect, it } from "vitest";
import { createNameAllocator, withExtension } from "@/shared/output-names";

describe("output names", () => {
  it("swaps the extension, keeping the rest of the name", () => {
    expect(withExtension("holiday photo.PNG", "webp")).toBe("holiday photo.webp");
    expect(withExtension("archive.tar.gz", "png")).toBe("archive.tar.png");
    expect(withExtension("scan", "jpg")).toBe("scan.jpg");
    expect(withExtension(".png", "jpg")).toBe("file.jpg");
    expect(withExtension(" .png", "jpg")).toBe("file.jpg");
  });

  it("numbers names already given in this run, ignoring case", () => {
    const allocate = createNameAllocator();
    expect(["a.webp", "A.webp", "a.webp", "b.webp", "a (2).webp"].map(allocate)).toEqual([
      "a.webp", "A (2).webp", "a (3).webp", "b.webp", "a (2) (2).webp",
    ]);
  });
});
