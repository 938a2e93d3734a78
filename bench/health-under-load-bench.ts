// How responsive the web process stays while a heavy job runs: latency of
// /api/health during "PDF to images" on a 500-page PDF, with tools run in the
// web process (TOOL_RUNNER=in-process) and in the worker pool (the default).
// Run: npm run build && npx tsx --conditions=react-server bench/health-under-load-bench.ts
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { makePdf } from "../test/support/pdf/make-pdf";
import { GuestClient } from "./support/guest-client";
import { cpuByRole } from "./support/process-cpu";
import { raiseGuestPageQuota, startBuiltApp } from "./support/start-built-app";

const PAGES = 500;
const SAMPLES = 300;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// 150 dpi would be 1.09 gigapixels for 500 A4 pages, over the tool's own 1-gigapixel budget.
const JOB = { tool: "pdf.to-images", options: { format: "png", dpi: 140 } };
const TARGET_P95_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Back to back: each request starts when the previous answer has arrived. */
async function sampleHealth(baseURL: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${baseURL}/api/health`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/api/health answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function waitForJob(guest: GuestClient, id: string, done: (job: { status: string; progress: number }) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await guest.getJob(id);
    if (done(job)) return job;
    if (["failed", "canceled"].includes(job.status)) throw new Error(`the job ${job.status}: ${job.error ?? ""}`);
    if (Date.now() > deadline) throw new Error(`the job did not get there within ${timeoutMs} ms (${job.status}, ${job.progress}%)`);
    await sleep(200);
  }
}

type Runner = "in-process" | "workers";

async function measure(runner: Runner, pdf: Uint8Array) {
  const app = await startBuiltApp({ TOOL_RUNNER: runner });
  try {
    await raiseGuestPageQuota(app, 1_000);
    await sampleHealth(app.baseURL, 20); // first requests compile routes and warm the database pool
    const idle = await sampleHealth(app.baseURL, SAMPLES);
    const guest = new GuestClient(app.baseURL);
    const fileId = await guest.upload("book.pdf", pdf, "application/pdf");
    const created = await guest.createJob(JOB.tool, [fileId], JOB.options);
    const jobStarted = performance.now();
    // Measure only while pages are being drawn, not while the job waits in the queue.
    const before = await waitForJob(guest, created.id, (job) => job.status === "running" && job.progress >= 1, 180_000);
    const cpuBefore = cpuByRole(app.pid);
    const windowStarted = performance.now();
    const underLoad = await sampleHealth(app.baseURL, SAMPLES);
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    const cpuAfter = cpuByRole(app.pid);
    const after = await guest.getJob(created.id);
    const finished = await waitForJob(guest, created.id, (job) => job.status === "succeeded", 900_000);
    const share = (role: keyof typeof cpuAfter) => Math.round(((cpuAfter[role] - cpuBefore[role]) / windowSeconds) * 100);
    const summary = {
      runner,
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      idle: stats(idle),
      underLoad: stats(underLoad),
      windowSeconds: Math.round(windowSeconds * 10) / 10,
      // Percent of one core each process used during the window: where the job's work ran.
      cpuPercentDuringWindow: { web: share("web"), workers: share("workers"), launcherWithEmbeddedDb: share("launcher") },
      jobProgressDuringWindow: [before.progress, after.progress],
      jobRunningThroughoutWindow: after.status === "running",
      jobSeconds: Math.round((performance.now() - jobStarted) / 100) / 10,
      jobStatus: finished.status,
    };
    console.log(JSON.stringify(summary));
    return { idle, underLoad, summary };
  } finally {
    await app.stop();
  }
}

const pdf = makePdf("book", PAGES, { linesPerPage: 40 });
const startedAt = new Date().toISOString();
const load = loadavg().map((value) => Math.round(value * 100) / 100);
// Rounds alternate the runners, so load from other work on a shared machine falls on both alike.
const collected: Record<Runner, { idle: number[]; underLoad: number[]; rounds: unknown[] }> = {
  "in-process": { idle: [], underLoad: [], rounds: [] },
  workers: { idle: [], underLoad: [], rounds: [] },
};
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const runner of ["in-process", "workers"] as const) {
    console.log(`\n== round ${round} of ${ROUNDS}: TOOL_RUNNER=${runner}`);
    const { idle, underLoad, summary } = await measure(runner, pdf);
    collected[runner].idle.push(...idle);
    collected[runner].underLoad.push(...underLoad);
    collected[runner].rounds.push(summary);
  }
}
const overall = (runner: Runner) => ({ idle: stats(collected[runner].idle), underLoad: stats(collected[runner].underLoad), rounds: collected[runner].rounds });
const results = {
  benchmark: "latency of GET /api/health while a heavy job runs (next start, embedded database), tools in-process vs in the worker pool",
  startedAt,
  machine: { cpus: availableParallelism(), loadAverageAtStart: load, note: "shared machine: other engineers' builds and tests ran meanwhile" },
  input: { pages: PAGES, bytes: pdf.byteLength },
  job: JOB,
  samples: { perRound: SAMPLES, rounds: ROUNDS, sequential: true, note: "idle: before the upload, same app; underLoad: from the job's first progress on" },
  runs: { "in-process": overall("in-process"), workers: overall("workers") },
  target: { p95Ms: TARGET_P95_MS, met: stats(collected.workers.underLoad).p95 <= TARGET_P95_MS },
};
await mkdir("bench/results", { recursive: true });
await writeFile("bench/results/health-under-load.json", `${JSON.stringify(results, null, 2)}\n`);
for (const runner of ["in-process", "workers"] as const) {
  const { idle, underLoad } = results.runs[runner];
  console.log(`${runner}: idle p50/p95/max ${idle.p50}/${idle.p95}/${idle.max} ms; under load ${underLoad.p50}/${underLoad.p95}/${underLoad.max} ms`);
}
