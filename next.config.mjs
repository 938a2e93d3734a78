// Validates the environment at build and start-up: a malformed variable stops
// here with a message naming it.
import "./src/env.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or WASM packages that must load from node_modules at runtime rather than be bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pino-pretty", "mupdf", "sharp", "heic-decode", "libheif-js", "tesseract.js", "@tesseract.js-data/eng"],
  experimental: {
    // Uploads stream through route handlers; keep server actions small.
    serverActions: { bodySizeLimit: "1mb" },
    // Next loads every route's server bundle at start by default; an instance
    // that serves a few pages then holds them all (measured: next-server 268 →
    // 215 MB resident 30 s after start).
    // Load each on its first request instead (issue: idle footprint).
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
