import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeCallbackUrl } from "@/shared/safe-callback-url";
import { HOSTILE_CALLBACK_URLS } from "~/test/support/hostile-callback-urls";

// What the issue asks of every Location: one slash, then a letter or digit.
const SAFE_PATH = /^\/(?:[A-Za-z0-9]|$|[?#])[^\u0000-\u001f\u007f\\]*$/;

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/dashboard?tab=jobs")).toBe("/dashboard?tab=jobs");
    expect(safeCallbackUrl("/tools/pdf.merge?x=1#options")).toBe("/tools/pdf.merge?x=1#options");
    expect(safeCallbackUrl("/")).toBe("/");
    expect(safeCallbackUrl("/?deleted=1")).toBe("/?deleted=1");
    expect(safeCallbackUrl("/chat/abc123")).toBe("/chat/abc123");
  });

  it.each(HOSTILE_CALLBACK_URLS.map((value) => [JSON.stringify(value), value]))("refuses %s", (_label, value) => {
    expect(safeCallbackUrl(value)).toBe("/dashboard");
    expect(safeCallbackUrl(value, "/", "http://localhost:3000")).toBe("/");
  });

  it("has at least 30 known bypasses to refuse", () => {
    expect(HOSTILE_CALLBACK_URLS.length).toBeGreaterThanOrEqual(30);
  });

  it("turns a same-origin absolute URL into its path, and nothing else", () => {
    const origin = "http://localhost:3000";
    expect(safeCallbackUrl(`${origin}/settings`, "/dashboard", origin)).toBe("/settings");
    expect(safeCallbackUrl(`${origin}//evil.example`, "/dashboard", origin)).toBe("/dashboard");
    expect(safeCallbackUrl("http://localhost:3001/settings", "/dashboard", origin)).toBe("/dashboard");
  });

  it("refuses missing, empty and oversized values", () => {
    expect(safeCallbackUrl(undefined, "/")).toBe("/");
    expect(safeCallbackUrl(null)).toBe("/dashboard");
    expect(safeCallbackUrl("")).toBe("/dashboard");
    expect(safeCallbackUrl(`/${"a".repeat(5000)}`)).toBe("/dashboard");
  });
});

describe("safeAuthRedirect", () => {
  const baseUrl = "http://localhost:3000";

  it("answers a same-origin URL whose path is safe, for every hostile value", () => {
    for (const value of HOSTILE_CALLBACK_URLS) {
      const location = safeAuthRedirect(value, baseUrl);
      expect(location.startsWith(`${baseUrl}/`)).toBe(true);
      expect(location.slice(baseUrl.length)).toMatch(SAFE_PATH);
      expect(new URL(location).origin).toBe(baseUrl);
    }
  });

  it("keeps relative and same-origin destinations", () => {
    expect(safeAuthRedirect("/settings", baseUrl)).toBe(`${baseUrl}/settings`);
    expect(safeAuthRedirect(`${baseUrl}/sign-in?x=1`, baseUrl)).toBe(`${baseUrl}/sign-in?x=1`);
  });
});
