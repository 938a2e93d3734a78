import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/dashboard?tab=jobs")).toBe("/dashboard?tab=jobs");
  });

  it("refuses other origins and protocol-relative tricks", () => {
    for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""]) {
      expect(safeCallbackUrl(hostile)).toBe("/dashboard");
    }
    expect(safeCallbackUrl(undefined, "/")).toBe("/");
  });
});
