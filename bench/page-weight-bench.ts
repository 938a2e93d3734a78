// JavaScript a visitor downloads: the bytes of every script response (body as
// sent, compressed, plus headers) that Chromium transfers while loading a page
// and waiting for the network to go quiet. Needs `npm run build` first.
// Targets (issue 16): home page ≤ 200 KB, a tool page ≤ 250 KB.
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { launchBrowser } from "../e2e/support/browser";
import { startBuiltApp } from "./support/start-built-app";

const RESULT = new URL("results/page-weight.json", import.meta.url);
const KB = 1000;
const pages = [
  { name: "home", path: "/", targetKB: 200 },
  { name: "tool page (pdf.merge)", path: "/tools/pdf.merge", targetKB: 250 },
  { name: "tool page (image.resize)", path: "/tools/image.resize", targetKB: 250 },
  { name: "chat", path: "/chat", targetKB: null },
];

const app = await startBuiltApp({ LOG_LEVEL: "warn" });
const browser = await launchBrowser();
const measured = [];
try {
  for (const page of pages) {
    // A fresh context: nothing cached, as for a first visit.
    const context = await browser.newContext();
    const tab = await context.newPage();
    const scripts: Promise<{ url: string; bodyBytes: number; transferredBytes: number }>[] = [];
    tab.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      scripts.push(
        request.sizes().then((sizes) => ({
          url: new URL(request.url()).pathname,
          bodyBytes: sizes.responseBodySize,
          transferredBytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })),
      );
    });
    const response = await tab.goto(`${app.baseURL}${page.path}`, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${page.path} answered ${response?.status()}`);
    const all = await Promise.all(scripts);
    const transferredKB = all.reduce((sum, script) => sum + script.transferredBytes, 0) / KB;
    const largest = all.sort((a, b) => b.bodyBytes - a.bodyBytes).slice(0, 5).map((script) => ({ url: script.url, KB: +(script.bodyBytes / KB).toFixed(1) }));
    const row = {
      page: page.name,
      path: page.path,
      scripts: all.length,
      transferredKB: +transferredKB.toFixed(1),
      targetKB: page.targetKB,
      met: page.targetKB === null ? null : transferredKB <= page.targetKB,
      largest,
    };
    measured.push(row);
    console.log(`${page.name}: ${row.scripts} scripts, ${row.transferredKB} KB transferred${page.targetKB ? ` (target ≤ ${page.targetKB} KB: ${row.met ? "met" : "missed"})` : ""}`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.stop();
}

await writeFile(
  RESULT,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage: loadavg().map((value) => +value.toFixed(2)), unit: "KB = 1000 bytes, compressed as sent", pages: measured }, null, 2)}\n`,
);
