import { describe, expect, it } from "vitest";
import { getStorage, getStorageMode } from "./index";

describe("getStorage", () => {
  it("builds the driver the environment selects, once per process", () => {
    const storage = getStorage();
    // Local disk in tests unless a developer's UPLOADTHING_TOKEN is set; building a driver does no I/O either way.
    expect(storage.name).toBe(getStorageMode().driver);
    expect(getStorage()).toBe(storage);
  });
});
