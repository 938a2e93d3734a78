// `npm run dev` / `npm start`: runs Next.js on the embedded defaults.
//
// With no DATABASE_URL this process serves PGlite over the Postgres protocol
// (only one process may open a PGlite directory, and Next runs several),
// applies pending migrations, then starts Next with DATABASE_URL pointing at
// it. With DATABASE_URL set it only starts Next. It also makes sure an
// AUTH_SECRET exists, generating one into the data directory once.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { applyMigrations } from "./db/apply-migrations";
import { findRunningEmbeddedDb, startEmbeddedDb } from "./db/start-embedded-db";

const [command = "dev", ...nextArgs] = process.argv.slice(2);
if (command !== "dev" && command !== "start") {
  console.error(`usage: run-app.ts dev|start [next options]`);
  process.exit(2);
}

// Same .env files Next would read, so DATABASE_URL in .env is honoured here.
nextEnv.loadEnvConfig(process.cwd(), command === "dev");

const dataDir = path.resolve(process.env.DATA_DIR || ".data");
mkdirSync(dataDir, { recursive: true });

function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`[fileforge] generated AUTH_SECRET into ${file}`);
  }
  return readFileSync(file, "utf8").trim();
}

async function ensureDatabase(): Promise<{ url: string; embedded: boolean; stop?: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false };
  const pgliteDir = path.join(dataDir, "pglite");
  // A second `npm run dev` (or a migration script) shares the running server
  // instead of opening the same directory twice.
  const running = await findRunningEmbeddedDb(pgliteDir);
  const server = running ? { url: running.url, stop: undefined } : await startEmbeddedDb({ dataDir: pgliteDir, port: 0 });
  const started = performance.now();
  const { applied } = await applyMigrations(server.url);
  console.log(
    `[fileforge] embedded PostgreSQL (PGlite) at ${pgliteDir}${running ? " (shared with a running instance)" : ""}; ` +
      `${applied.length} migration(s) applied in ${Math.round(performance.now() - started)} ms`,
  );
  return { url: server.url, embedded: true, stop: server.stop };
}

const database = await ensureDatabase();
const child = spawn("next", [command, ...nextArgs], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    AUTH_SECRET: ensureAuthSecret(),
    DATABASE_URL: database.url,
    FILEFORGE_EMBEDDED_DB: database.embedded ? "1" : "0",
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await database.stop?.().catch((error: unknown) => console.error("[fileforge] stopping the database failed", error));
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
