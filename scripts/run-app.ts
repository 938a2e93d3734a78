// `npm run dev` / `npm start`: runs Next.js on the embedded defaults.
//
// With no DATABASE_URL this process serves PGlite over the Postgres protocol
// (only one process may open a PGlite directory, and Next runs several),
// applies pending migrations, then starts Next with DATABASE_URL pointing at
// it. With DATABASE_URL set it only starts Next. It also makes sure an
// AUTH_SECRET exists, generating one into the data directory once.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import nextEnv from "@next/env";
import { applyMigrations } from "./db/apply-migrations";
import { initializeEmbeddedDbInChild, isFreshPgliteDir } from "./db/initialize-embedded-db";
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
  const started = performance.now();
  const fresh = !running && isFreshPgliteDir(pgliteDir);
  if (fresh) await initializeEmbeddedDbInChild(pgliteDir);
  const server = running ? { url: running.url, stop: undefined } : await startEmbeddedDb({ dataDir: pgliteDir, port: 0 });
  const { applied } = await applyMigrations(server.url);
  console.log(
    `[fileforge] embedded PostgreSQL (PGlite) at ${pgliteDir}${running ? " (shared with a running instance)" : ""}; ` +
      `${fresh ? "created, with every migration, in" : `${applied.length} migration(s) applied in`} ${Math.round(performance.now() - started)} ms`,
  );
  return { url: server.url, embedded: true, stop: server.stop };
}

// Shutdown. The first SIGTERM/SIGINT lets Next finish: it stops taking work,
// lets running tool steps end within SHUTDOWN_GRACE_SECONDS and exits 0; then
// this process closes PGlite (flushing it) and exits with Next's code. One
// signal often arrives several times (the process group, plus npm and tsx
// forwarding it): only one a second or more after the first counts as a
// second signal, which exits at once.
const REPEAT_WINDOW_MS = 1_000;
// Same default as src/env.js, which this script does not load.
const graceSeconds = Number(process.env.SHUTDOWN_GRACE_SECONDS || 10);
let firstSignalAt: number | undefined;
// Filled in as they start; the signal handler may run before either exists.
const started: { next?: ChildProcess; database?: Awaited<ReturnType<typeof ensureDatabase>> } = {};

function onSignal(signal: NodeJS.Signals) {
  const now = Date.now();
  if (firstSignalAt === undefined) {
    firstSignalAt = now;
    // Signalled alone (a supervisor that signals only its child), Next would
    // not know: pass it on. Signalled with the group, Next counts both as one.
    if (started.next) started.next.kill(signal);
    else if (started.database) void stopDatabaseAndExit(0);
    // Otherwise the database is still starting: stopped right after (below).
    // Next enforces the grace itself; this only guards against a hung server.
    setTimeout(() => started.next?.kill("SIGKILL"), (graceSeconds + 15) * 1000).unref();
    return;
  }
  if (now - firstSignalAt < REPEAT_WINDOW_MS) return;
  console.error(`[fileforge] second ${signal}: exiting now`);
  // Next exits at once on it too, killing its tool workers on the way.
  started.next?.kill(signal);
  process.exit(128 + (constants.signals[signal] ?? 0));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, onSignal);

let stopping = false;
async function stopDatabaseAndExit(code: number) {
  if (stopping) return;
  stopping = true;
  await started.database?.stop?.().catch((error: unknown) => {
    console.error("[fileforge] stopping the database failed", error);
    code ||= 1;
  });
  process.exit(code);
}

// A signal while a new database is being created in a child ends that child
// too (same process group): that is the requested stop, not a failure.
const database = await ensureDatabase().catch((error: unknown) => {
  if (firstSignalAt !== undefined) process.exit(0);
  throw error;
});
started.database = database;
// A signal during start-up (migrations): Next never starts.
if (firstSignalAt !== undefined) await stopDatabaseAndExit(0);

// `npm start` runs Next's own CLI through a wrapper that stamps each request
// with its connection's address (scripts/next-with-client-ip.mjs), so per-IP
// limits work with no proxy in front. `next dev` runs its server in a child
// process the wrapper cannot reach, so dev keeps the plain binary.
const [program, args] =
  command === "start"
    ? [process.execPath, [path.join(import.meta.dirname, "next-with-client-ip.mjs"), command, ...nextArgs]]
    : ["next", [command, ...nextArgs]];
const next = spawn(program, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    FILEFORGE_CLIENT_IP_HEADER: command === "start" ? "1" : "0",
    DATA_DIR: dataDir,
    AUTH_SECRET: ensureAuthSecret(),
    DATABASE_URL: database.url,
    FILEFORGE_EMBEDDED_DB: database.embedded ? "1" : "0",
    // `next start` would handle the signals itself: wait for every open
    // connection (an SSE stream never ends) and exit 143. The app's handler
    // (src/server/lifecycle/) does the graceful shutdown instead.
    ...(command === "start" ? { NEXT_MANUAL_SIG_HANDLE: "1" } : {}),
  },
});
started.next = next;
next.on("exit", (code, signal) => {
  if (firstSignalAt !== undefined) console.log(`[fileforge] next ${signal ? `ended by ${signal}` : `exited with code ${code}`}; closing the database`);
  void stopDatabaseAndExit(code ?? 1);
});
