import { describe, expect, it } from "vitest";
import { useBrowserPage } from "./support/browser";

// What browsers, phones and link previews fetch besides the pages.
const ASSETS = [
  { path: "/favicon.ico", type: "image/x-icon", magic: Buffer.from([0, 0, 1, 0]) },
  { path: "/favicon.svg", type: "image/svg+xml", magic: Buffer.from("<svg") },
  { path: "/icon-192.png", type: "image/png", magic: Buffer.from("\x89PNG", "latin1") },
  { path: "/icon-512.png", type: "image/png", magic: Buffer.from("\x89PNG", "latin1") },
  { path: "/apple-touch-icon.png", type: "image/png", magic: Buffer.from("\x89PNG", "latin1") },
  { path: "/og-image.png", type: "image/png", magic: Buffer.from("\x89PNG", "latin1") },
];

describe("public assets", () => {
  const { page } = useBrowserPage();

  it("serves the favicons, app icons and Open Graph image with their content types", async () => {
    for (const asset of ASSETS) {
      const response = await page().request.get(asset.path);
      expect(response.status(), asset.path).toBe(200);
      expect(response.headers()["content-type"], asset.path).toContain(asset.type);
      const body = await response.body();
      expect(body.subarray(0, asset.magic.length).equals(asset.magic), asset.path).toBe(true);
    }
    // The Open Graph image is the 1200×630 card link previews expect (PNG IHDR: width, height at bytes 16 and 20).
    const og = await (await page().request.get("/og-image.png")).body();
    expect([og.readUInt32BE(16), og.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("serves a web manifest naming the app icons and a robots.txt keeping crawlers out of accounts", async () => {
    const manifest = await page().request.get("/manifest.webmanifest");
    expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
    const body = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
    expect(body.name).toContain("FileForge");
    expect(body.icons.map((icon) => `${icon.src} ${icon.sizes}`)).toEqual(expect.arrayContaining(["/icon-192.png 192x192", "/icon-512.png 512x512"]));

    const robots = await page().request.get("/robots.txt");
    expect(robots.headers()["content-type"]).toContain("text/plain");
    const rules = await robots.text();
    for (const path of ["/api/", "/dashboard", "/admin", "/settings"]) expect(rules).toContain(`Disallow: ${path}`);
  });

  it("links every icon, the manifest and an absolute Open Graph image from the page head", async () => {
    await page().goto("/");
    const head = await page().evaluate(() => ({
      icons: Array.from(document.querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]')).map((link) => link.getAttribute("href")),
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute("href"),
      ogImage: document.querySelector('meta[property="og:image"]')?.getAttribute("content"),
    }));
    expect(head.icons).toEqual(expect.arrayContaining(["/favicon.ico", "/favicon.svg", "/apple-touch-icon.png"]));
    expect(head.manifest).toBe("/manifest.webmanifest");
    expect(head.ogImage).toBe(`${new URL(page().url()).origin}/og-image.png`);
  });
});
