// SIGTERM to `npm start`'s process group, as a terminal, systemd or a
// container runtime sends it, while a long job runs: every process of the tree
// exits 0 within the grace period (plus a margin), and the next start on the
// same data directory finishes the job exactly once, with no stray files.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findRunningEmbeddedDb } from "../scripts/db/start-embedded-db";
import { makePdf } from "../test/support/pdf/make-pdf";
import { GuestClient } from "../bench/support/guest-client";
import { processTree } from "../bench/support/process-cpu";
import { freePort } from "../test/support/free-port";

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type App = { process: ChildProcess; baseURL: string; port: number; exited: Promise<number | null> };

async function startApp(dataDir: string, env: Record<string, string>, port?: number): Promise<App> {
  port ??= await freePort();
  const appEnv: NodeJS.ProcessEnv = { ...process.env, ...env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete appEnv.DATABASE_URL;
  const child = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { env: appEnv, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseURL = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    if (await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false)) return { process: child, baseURL, port, exited };
  }
  throw new Error("the app was not healthy within 120 s");
}

/** True while the process exists and is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Waits until none of these processes lives; returns the seconds it took. */
async function allGone(pids: number[], since: number, limitMs: number): Promise<number> {
  while (pids.some(alive) && Date.now() - since < limitMs) await sleep(50);
  expect(pids.filter(alive)).toEqual([]);
  return (Date.now() - since) / 1000;
}

async function runningJob(guest: GuestClient, pages: number) {
  const fileId = await guest.upload("book.pdf", makePdf("Shutdown", pages), "application/pdf");
  const job = await guest.createJob("pdf.to-images", [fileId], { format: "png", dpi: 150 });
  for (;;) {
    const state = await guest.getJob(job.id);
    if (state.status === "running" && state.progress >= 1) return job.id;
    if (state.status !== "queued" && state.status !== "running") throw new Error(`the job ${state.status} before it was interrupted`);
    await sleep(100);
  }
}

describe("graceful shutdown of npm start", () => {
  it("exits 0 within the grace on SIGTERM to the group, and the next start finishes the job exactly once", async () => {
    const graceSeconds = 2;
    const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-shutdown-"));
    dataDirs.push(dataDir);
    const first = await startApp(dataDir, { SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });
    const guest = new GuestClient(first.baseURL);
    // Long enough to outlive the grace: its run is handed back mid-tool.
    const jobId = await runningJob(guest, 200);

    const pid = first.process.pid ?? 0;
    const tree = processTree(pid).map((proc) => proc.pid);
    expect(tree.length).toBeGreaterThanOrEqual(4); // npm, launcher, next-server, a tool worker at least
    const signalledAt = Date.now();
    process.kill(-pid, "SIGTERM");
    expect(await first.exited).toBe(0);
    const seconds = await allGone(tree, signalledAt, (graceSeconds + 5) * 1000);
    expect(seconds).toBeLessThanOrEqual(graceSeconds + 5);

    // Same port, so the same guest (cookie) sees its job.
    const second = await startApp(dataDir, { SHUTDOWN_GRACE_SECONDS: String(graceSeconds) }, first.port);
    try {
      const resumed = guest;
      let state = await resumed.getJob(jobId);
      for (const deadline = Date.now() + 300_000; state.status !== "succeeded" && Date.now() < deadline; await sleep(250)) {
        state = await resumed.getJob(jobId);
        expect(["queued", "running", "succeeded"]).toContain(state.status);
      }
      expect(state.status).toBe("succeeded");

      const running = await findRunningEmbeddedDb(path.join(dataDir, "pglite"));
      const client = new pg.Client({ connectionString: running?.url });
      await client.connect();
      try {
        const outputs = await client.query<{ storageKey: string }>(`SELECT "storageKey" FROM "File" WHERE "jobId" = $1`, [jobId]);
        const all = await client.query<{ storageKey: string }>(`SELECT "storageKey" FROM "File"`);
        const runs = await client.query<{ status: string }>(`SELECT status FROM "EngineRun" WHERE event->'data'->>'jobId' = $1 AND "functionId" LIKE '%run-tool'`, [jobId]);
        expect(outputs.rows.length).toBeGreaterThan(0);
        expect(runs.rows).toEqual([{ status: "completed" }]);
        // One set of outputs, and nothing on disk that no row points to.
        const onDisk = readdirSync(path.join(dataDir, "files"), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
        expect(onDisk.sort()).toEqual(all.rows.map((row) => path.basename(row.storageKey)).sort());
      } finally {
        await client.end();
      }
    } finally {
      process.kill(-(second.process.pid ?? 0), "SIGTERM");
      expect(await second.exited).toBe(0);
    }
  }, 600_000);

  it("exits at once on a second signal during the grace period", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-shutdown-"));
    dataDirs.push(dataDir);
    const app = await startApp(dataDir, { SHUTDOWN_GRACE_SECONDS: "120" });
    await runningJob(new GuestClient(app.baseURL), 200);
    const pid = app.process.pid ?? 0;
    const tree = processTree(pid).map((proc) => proc.pid);
    process.kill(-pid, "SIGTERM");
    // Duplicates within a second count as one signal; this is a second one.
    await sleep(1_500);
    expect(tree.filter(alive).length).toBeGreaterThan(0); // still in its 120 s grace
    const secondAt = Date.now();
    process.kill(-pid, "SIGTERM");
    await app.exited;
    // Far below the 120 s grace the first signal granted.
    expect(await allGone(tree, secondAt, 15_000)).toBeLessThan(15);
  }, 300_000);
});
