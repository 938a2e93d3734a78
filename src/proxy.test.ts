import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

function run(url: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(url, { headers }));
}

/** The value of one directive, e.g. "script-src" → its sources. */
function directive(policy: string | null, name: string): string[] {
  const found = (policy ?? "").split(";").map((part) => part.trim().split(/\s+/)).find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

describe("security headers (src/proxy.ts)", () => {
  it("gives a page a nonce-based CSP, fresh per request, and hands the nonce to the render", () => {
    const first = run("http://localhost:3000/tools/pdf.merge");
    const second = run("http://localhost:3000/tools/pdf.merge");
    const policy = first.headers.get("content-security-policy");
    const scripts = directive(policy, "script-src");
    const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "connect-src")).toEqual(["'self'"]);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // Next reads the nonce from the request's CSP header; the layout from x-nonce.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("sends the same baseline on pages and API routes, and a deny-all policy on API answers", () => {
    for (const url of ["http://localhost:3000/", "http://localhost:3000/api/health"]) {
      const headers = run(url).headers;
      expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("permissions-policy")).toContain("camera=()");
      expect(headers.get("strict-transport-security")).toBeNull();
    }
    expect(run("http://localhost:3000/api/health").headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  it("adds Strict-Transport-Security only when the site is reached over HTTPS", () => {
    expect(run("https://files.example/").headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const proxied = run("http://10.0.0.5:3000/api/health", { "x-forwarded-proto": "https" });
    expect(proxied.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
