import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsAdmin } from "./pages/admin-pages";
import { useBrowserPage } from "./support/browser";

// Every page a visitor or admin can reach; each must render under the CSP with
// no violation (a violation means a script, style or fetch the policy blocked).
const GUEST_PAGES = ["/", "/tools/pdf.merge", "/tools/image.convert", "/tools/ai.chat", "/chat", "/sign-in", "/sign-up"];
const ADMIN_PAGES = ["/dashboard", "/settings", "/admin", "/admin/quotas", "/admin/system"];

/** Collects CSP violations the page reports, from the DOM event and the console. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  // The page reports its own violations too (also for ones the console drops).
  const reported = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return { response, reported };
}

describe("security headers and CSP", () => {
  const { page, context } = useBrowserPage();

  it("renders every page without a CSP violation, with a nonce-based policy", async () => {
    await context().addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const violations = watchViolations(page());
    const nonces = new Set<string>();
    for (const path of GUEST_PAGES) {
      const { response, reported } = await visit(page(), path);
      expect(reported, path).toEqual([]);
      const policy = response?.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce ?? "");
      // Every script in the HTML the server sent carries this request's nonce
      // (chunks loaded later come from those scripts, allowed by 'strict-dynamic').
      const html = (await response?.text()) ?? "";
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length, path).toBeGreaterThan(0);
      expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`)), path).toEqual([]);
    }
    expect(nonces.size).toBe(GUEST_PAGES.length);

    await signInAsAdmin(page());
    for (const path of ADMIN_PAGES) {
      const { reported } = await visit(page(), path);
      expect(reported, path).toEqual([]);
    }
    expect(violations).toEqual([]);
  });

  it("sends the baseline on a page, an API route and a download; the download is sandboxed", async () => {
    const pageResponse = await page().request.get("/");
    const apiResponse = await page().request.get("/api/health");
    const upload = await page().request.post("/api/files", {
      multipart: { file: { name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("hello headers") } },
    });
    expect(upload.status()).toBe(201);
    const [file] = (await upload.json()) as { id: string }[];
    const download = await page().request.get(`/api/files/${file?.id}/download`);
    expect(download.status()).toBe(200);

    for (const response of [pageResponse, apiResponse, download, upload]) {
      const headers = response.headers();
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // Plain http here: HSTS would lock browsers out of a local instance.
      expect(headers["strict-transport-security"]).toBeUndefined();
    }
    expect(pageResponse.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(apiResponse.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(download.headers()["content-security-policy"], JSON.stringify(download.headers())).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });
});
