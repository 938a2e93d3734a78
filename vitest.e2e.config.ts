import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: the built app (`next build`) started on embedded defaults in a
// fresh data directory, driven by playwright-core in Debian's Chromium.
export default defineConfig({
  resolve: {
    // Specs make their PDFs with the server's mupdf helpers, which import `server-only`.
    alias: [{ find: /^server-only$/, replacement: path.join(import.meta.dirname, "test/support/empty-module.ts") }],
  },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/start-app.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser per file; files run one after another on a 2-core machine.
    fileParallelism: false,
  },
});
