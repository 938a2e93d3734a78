// Runs `prisma generate` without network access. Prisma's CLI wants its native
// schema engine even for generate; it cannot be downloaded here and generate
// does not use it, so point it at a placeholder. Migrations use the WASM engine
// (scripts/db/), never the native one.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const placeholder = path.resolve("node_modules/.cache/fileforge/schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "#!/bin/sh\necho 'native schema engine not installed: use npm run db:migrate' >&2\nexit 1\n", { mode: 0o755 });
}

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...process.env,
  },
});
process.exit(result.status ?? 1);
