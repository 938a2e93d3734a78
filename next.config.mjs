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
  },
};

export default nextConfig;
