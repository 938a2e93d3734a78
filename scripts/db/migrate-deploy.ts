// npm run db:deploy — applies pending prisma/migrations to DATABASE_URL, or to
// the embedded PGlite under .data/pglite. What `prisma migrate deploy` does,
// on the WASM schema engine (the native one cannot be downloaded here).
import path from "node:path";
import { applyMigrations } from "./apply-migrations";
import { openTargetDatabase } from "./open-target-database";
import { runCli } from "./run-cli";

await runCli("production", async () => {
  const target = await openTargetDatabase({
    databaseUrl: process.env.DATABASE_URL,
    // Where scripts/run-app.ts keeps it.
    dataDir: path.resolve(process.env.DATA_DIR || ".data", "pglite"),
  });
  try {
    console.log(`Applying migrations to ${target.description}`);
    const started = performance.now();
    const { applied } = await applyMigrations(target.url);
    const took = `${Math.round(performance.now() - started)} ms`;
    if (applied.length === 0) console.log(`No pending migrations (${took}).`);
    else console.log(`Applied ${applied.length} migration(s) in ${took}:\n${applied.map((name) => `  ${name}`).join("\n")}`);
  } finally {
    await target.close();
  }
});
