import { inject } from "vitest";

// Runs in every test worker before test files import the app, so src/env.js
// sees the test database and a fixed secret.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.FILEFORGE_EMBEDDED_DB = inject("databaseKind") === "pglite" ? "1" : "0";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.LOG_LEVEL ??= "silent";
process.env.DATA_DIR = inject("dataRoot");
// Tests play many clients behind one trusted proxy: each client is its own
// X-Forwarded-For value (the app's default, 0, ignores that header).
process.env.TRUSTED_PROXY_HOPS ??= "1";
