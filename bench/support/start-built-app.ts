// Starts the built app the way e2e/support/start-app.ts does: `run-app.ts start`
// on a free port with a throwaway data directory and the embedded database.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { findRunningEmbeddedDb } from "../../scripts/db/start-embedded-db";
import { freePort } from "../../test/support/free-port";

export type BuiltApp = { baseURL: string; dataDir: string; pid: number; stop: () => Promise<void> };

export async function startBuiltApp(extraEnv: Record<string, string>): Promise<BuiltApp> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-bench-"));
  const baseURL = `http://127.0.0.1:${port}`;
  // Temp files (the tool workers' hand-off directories) inside the data dir, so a benchmark can count what is left.
  const tempDir = path.join(dataDir, "tmp");
  mkdirSync(tempDir);
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, DATA_DIR: dataDir, TMPDIR: tempDir, PORT: String(port), LOG_LEVEL: "info" };
  // The embedded database, as a first run has it, unless the caller names a migrated one.
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const app = spawn("npx", ["tsx", "scripts/run-app.ts", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  // Only the lines that say how tools run; the rest of the app's log is noise here.
  app.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (/toolRunner|tool worker/.test(line)) console.log(`  [app] ${line.slice(0, 300)}`);
  });
  const stop = async () => {
    if (app.pid && app.exitCode === null) {
      process.kill(-app.pid, "SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    const ok = await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false);
    if (ok && app.pid) return { baseURL, dataDir, pid: app.pid, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("the app did not become healthy within 120 s");
}

/** What an admin would do on the quota page: let guests run jobs of up to `pages` pages. */
export async function raiseGuestPageQuota(app: BuiltApp, pages: number): Promise<void> {
  const running = await findRunningEmbeddedDb(path.join(app.dataDir, "pglite"));
  if (!running) throw new Error("the embedded database is not running");
  const client = new pg.Client({ connectionString: running.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Quota" ("role", "maxFileBytes", "filesPerDay", "jobsPerDay", "pagesPerJob", "aiTokensPerDay", "guestRetentionHours", "updatedAt")
       VALUES ('GUEST', 200000000, 50, 20, $1, 20000, 24, now())
       ON CONFLICT ("role") DO UPDATE SET "pagesPerJob" = $1, "updatedAt" = now()`,
      [pages],
    );
  } finally {
    await client.end();
  }
}
