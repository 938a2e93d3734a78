// Resident memory of everything `npm start` leaves running (npm, the launcher
// hosting PGlite, next-server, tool workers) on embedded defaults, process by
// process: 30 s after the app first answers /api/health, right after a
// 200-page job, and after the workers' idle timeout. Target: ≤ 300 MB in total.
// TOOL_WORKER_IDLE_SECONDS is set to 20 here (default 300) so "after idle"
// comes within a minute.
// Run: npm run build && npx tsx --conditions=react-server bench/idle-footprint-bench.ts
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { makePdf } from "../test/support/pdf/make-pdf";
import { freePort } from "../test/support/free-port";
import { GuestClient } from "./support/guest-client";
import { treeMemory } from "./support/process-memory";

const TARGET_MB = 300;
const SETTLE_S = 30;
const IDLE_SECONDS = 20;
const PAGES = 200;
const JOB = { tool: "pdf.to-images", options: { format: "png", dpi: 72 } };
const RESULT = new URL("results/idle-footprint.json", import.meta.url);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((value) => Math.round(value * 10) / 10);

/** `npm start` as a user runs it, in its own process group, on a free port and a fresh data directory. */
async function startApp(): Promise<{ app: ChildProcess; baseURL: string; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "fileforge-footprint-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, TOOL_WORKER_IDLE_SECONDS: String(IDLE_SECONDS), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  const app = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    if (await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false)) return { app, baseURL, dataDir };
    await sleep(100);
  }
  throw new Error("the app did not answer /api/health within 180 s");
}

function snapshot(rootPid: number, label: string) {
  const memory = treeMemory(rootPid);
  console.log(`${label}: ${memory.totalMb} MB  ${memory.processes.map((proc) => `${proc.role} ${proc.rssMb}`).join(" | ")}`);
  return { ...memory, loadAverage: load() };
}

async function waitForJob(guest: GuestClient, id: string) {
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(250)) {
    const job = await guest.getJob(id);
    if (job.status === "succeeded") return;
    if (["failed", "canceled"].includes(job.status)) throw new Error(`the job ${job.status}: ${job.error ?? ""}`);
  }
  throw new Error("the job did not finish within 10 minutes");
}

const { app, baseURL, dataDir } = await startApp();
const rootPid = app.pid ?? 0;
try {
  await sleep(SETTLE_S * 1000);
  const atStart = snapshot(rootPid, `${SETTLE_S} s after /api/health`);
  const guest = new GuestClient(baseURL);
  const fileId = await guest.upload("book.pdf", makePdf("Footprint", PAGES), "application/pdf");
  const started = performance.now();
  await waitForJob(guest, (await guest.createJob(JOB.tool, [fileId], JOB.options)).id);
  const jobSeconds = Math.round((performance.now() - started) / 100) / 10;
  const afterJob = snapshot(rootPid, `after the ${PAGES}-page job (${jobSeconds} s)`);
  await sleep((IDLE_SECONDS + 10) * 1000);
  const afterIdle = snapshot(rootPid, `${IDLE_SECONDS + 10} s later (workers idle ${IDLE_SECONDS} s)`);

  const previous = await readFile(RESULT, "utf8").then((text) => JSON.parse(text) as { before?: unknown }, () => ({ before: undefined }));
  const result = {
    what: "RSS of every process `npm start` leaves running, embedded defaults, no traffic except the one job",
    targetTotalMb: TARGET_MB,
    meetsTargetAtStart: atStart.totalMb <= TARGET_MB,
    meetsTargetAfterIdle: afterIdle.totalMb <= TARGET_MB,
    settings: { TOOL_WORKER_IDLE_SECONDS: IDLE_SECONDS, job: `${JOB.tool} ${JSON.stringify(JOB.options)} on a ${PAGES}-page PDF`, node: process.version },
    atStart,
    afterJob: { ...afterJob, jobSeconds },
    afterIdle,
    // Figures of the code before the footprint work, kept from an earlier run (see the commit log).
    before: previous.before,
  };
  await mkdir(new URL("results/", import.meta.url), { recursive: true });
  await writeFile(RESULT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`total at start ${atStart.totalMb} MB, after the job ${afterJob.totalMb} MB, after idle ${afterIdle.totalMb} MB (target ${TARGET_MB}); load ${load().join(" ")}`);
} finally {
  process.kill(-rootPid, "SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
