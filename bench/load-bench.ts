// Per-job overhead under load, on the built app: 50 closed-loop clients, each
// running upload (a 2-page PDF) → job.create (merge it with itself) → poll
// job.get every 1 s → download the result, back to back for 40 s; each client
// becomes a new guest every 15 rounds, on its own address (X-Forwarded-For,
// TRUSTED_PROXY_HOPS=1). A separate prober samples /api/health throughout.
// Then where a job's time went, the files left once the guests' data
// expires, and the other end: one small job on an idle app, polled every 20 ms.
// Run: npm run build && npx tsx --conditions=react-server bench/load-bench.ts
// On embedded PGlite, then on a fresh database of BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres); BENCH_LOAD_TARGETS=pglite runs one.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { createTestDatabase } from "../scripts/db/create-test-database";
import { findRunningEmbeddedDb } from "../scripts/db/start-embedded-db";
import { makePdf } from "../test/support/pdf/make-pdf";
import { expireAndCountLeftovers } from "./support/expire-guest-data";
import { GuestClient } from "./support/guest-client";
import { jobStages, type ClientMarks } from "./support/job-stages";
import { cpuByRole } from "./support/process-cpu";
import { watchPeakRss } from "./support/process-rss";
import { startBuiltApp, type BuiltApp } from "./support/start-built-app";
import { percentile } from "./support/timing";

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 40);
const ROUNDS_PER_GUEST = 15; // guests may run 20 jobs a day and 30 a minute
const POLL_MS = 1000;
const ROUND_TIMEOUT_MS = 60_000;
const IDLE_SAMPLES = 21;
const TARGETS = { pglite: 20, postgres: 30, healthP95Ms: 50, idleP50Ms: 100 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100);
const pdf = makePdf("two", 2);

/** Polls job.get every `everyMs` until the job is done; returns it and when its success was seen. */
async function pollUntilDone(guest: GuestClient, id: string, everyMs: number, deadline: number) {
  for (;;) {
    const job = await guest.getJob(id);
    if (job.status === "succeeded") return { job, seen: Date.now() };
    if (job.status === "failed" || job.status === "canceled") throw new Error(`job ${job.status}: ${job.error ?? ""}`);
    if (Date.now() > deadline) throw new Error(`job still ${job.status} after ${ROUND_TIMEOUT_MS} ms`);
    await sleep(everyMs);
  }
}

/** One round as a browser tab does it; returns the client's marks. */
async function runRound(guest: GuestClient, pollMs: number): Promise<{ jobId: string; marks: ClientMarks }> {
  const uploadStart = Date.now();
  const fileId = await guest.upload("two.pdf", pdf, "application/pdf");
  const createStart = Date.now();
  const created = await guest.createJob("pdf.merge", [fileId, fileId], {});
  const createEnd = Date.now();
  const { job, seen } = await pollUntilDone(guest, created.id, pollMs, createStart + ROUND_TIMEOUT_MS);
  const output = job.outputs?.[0];
  if (!output) throw new Error("job succeeded without an output");
  const bytes = await guest.download(output.id);
  if (bytes.byteLength < 100) throw new Error("the downloaded output is empty");
  return { jobId: created.id, marks: { uploadStart, uploadEnd: createStart, createStart, createEnd, seen, downloadEnd: Date.now() } };
}

/** /api/health every 50 ms (one at a time) until stopped. */
function probeHealth(baseURL: string) {
  const times: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const ok = await fetch(`${baseURL}/api/health`).then(async (response) => (await response.arrayBuffer(), response.ok), () => false);
      times.push(performance.now() - started);
      if (!ok) errors += 1;
      await sleep(50);
    }
  })();
  return { stop: async () => ((running = false), await done, { times, errors }) };
}

async function idleSingleJob(app: BuiltApp, databaseUrl: string) {
  const times: number[] = [];
  const marks = new Map<string, ClientMarks>();
  for (let i = 0; i <= IDLE_SAMPLES; i += 1) {
    const guest = new GuestClient(app.baseURL, { "x-forwarded-for": `10.255.${i}.1` });
    const fileId = await guest.upload("two.pdf", pdf, "application/pdf");
    await sleep(300); // idle: nothing else in flight
    const started = performance.now();
    const createStart = Date.now();
    const created = await guest.createJob("pdf.merge", [fileId, fileId], {});
    const createEnd = Date.now();
    const { seen } = await pollUntilDone(guest, created.id, 20, Date.now() + ROUND_TIMEOUT_MS);
    if (i === 0) continue; // the first one warms the worker and routes
    times.push(performance.now() - started);
    marks.set(created.id, { uploadStart: createStart, uploadEnd: createStart, createStart, createEnd, seen, downloadEnd: seen });
  }
  const stagesMs = await jobStages(databaseUrl, marks);
  return { samples: times.length, pollMs: 20, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), minMs: percentile(times, 0), stagesMs };
}

async function loadRun(app: BuiltApp) {
  const marks = new Map<string, ClientMarks>();
  const errors = new Map<string, number>();
  const endToEnd: number[] = [];
  const rss = watchPeakRss(app.pid);
  const cpuBefore = { app: cpuByRole(app.pid), bench: process.cpuUsage() };
  const health = probeHealth(app.baseURL);
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      let guest = new GuestClient(app.baseURL);
      for (let round = 0; Date.now() < deadline; round += 1) {
        // A fresh guest (cookie) on a fresh address every 15 rounds.
        const incarnation = Math.floor(round / ROUNDS_PER_GUEST);
        if (round % ROUNDS_PER_GUEST === 0) guest = new GuestClient(app.baseURL, { "x-forwarded-for": `10.${client}.${incarnation}.7` });
        try {
          const { jobId, marks: mark } = await runRound(guest, POLL_MS);
          marks.set(jobId, mark);
          endToEnd.push(mark.downloadEnd - mark.uploadStart);
        } catch (error) {
          const key = (error instanceof Error ? error.message : String(error)).replace(/c[a-z0-9]{20,}/g, "<id>").slice(0, 160);
          errors.set(key, (errors.get(key) ?? 0) + 1);
          await sleep(200);
        }
      }
    }),
  );
  const elapsedSeconds = (Date.now() - started) / 1000;
  // Cores each part used on average: the app's processes and this benchmark's own clients.
  const cpuAfter = { app: cpuByRole(app.pid), bench: process.cpuUsage(cpuBefore.bench) };
  const cores = (seconds: number) => Math.round((seconds / elapsedSeconds) * 100) / 100;
  const coresUsed = {
    web: cores(cpuAfter.app.web - cpuBefore.app.web),
    workers: cores(cpuAfter.app.workers - cpuBefore.app.workers),
    launcherWithEmbeddedDb: cores(cpuAfter.app.launcher - cpuBefore.app.launcher),
    benchClients: cores((cpuAfter.bench.user + cpuAfter.bench.system) / 1e6),
  };
  const probe = await health.stop();
  const peakRssMb = rss.stop();
  return { marks, errors, endToEnd, elapsedSeconds, probe, peakRssMb, coresUsed };
}

async function measure(target: "pglite" | "postgres") {
  const database = target === "postgres" ? await createTestDatabase({ serverUrl: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }) : null;
  const app = await startBuiltApp({ TRUSTED_PROXY_HOPS: "1", ...(database ? { DATABASE_URL: database.url } : {}), ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}) });
  try {
    const databaseUrl = database?.url ?? (await findRunningEmbeddedDb(path.join(app.dataDir, "pglite")))?.url;
    if (!databaseUrl) throw new Error("the embedded database is not running");
    const idle = await idleSingleJob(app, databaseUrl);
    console.log(`${target} idle single job: ${JSON.stringify({ ...idle, stagesMs: undefined })}`);
    const loadAtStart = loadAverage();
    const run = await loadRun(app);
    const completed = run.endToEnd.length;
    const stages = await jobStages(databaseUrl, run.marks);
    const leftovers = await expireAndCountLeftovers(databaseUrl, app.dataDir);
    const errorCount = [...run.errors.values()].reduce((sum, n) => sum + n, 0) + run.probe.errors;
    const result = {
      target,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadAverage(),
      clients: CLIENTS,
      seconds: SECONDS,
      jobsCompleted: completed,
      elapsedSeconds: Math.round(run.elapsedSeconds * 10) / 10,
      jobsPerSecond: Math.round((completed / run.elapsedSeconds) * 10) / 10,
      endToEndMs: { p50: percentile(run.endToEnd, 50), p95: percentile(run.endToEnd, 95) },
      healthMs: { samples: run.probe.times.length, p50: percentile(run.probe.times, 50), p95: percentile(run.probe.times, 95), max: percentile(run.probe.times, 100) },
      errors: { total: errorCount, health: run.probe.errors, byMessage: Object.fromEntries(run.errors) },
      peakRssMb: run.peakRssMb,
      coresUsed: run.coresUsed,
      leftovers,
      stagesMs: stages,
      idleSingleJob: idle,
    };
    console.log(JSON.stringify({ ...result, stagesMs: undefined }));
    return result;
  } finally {
    await app.stop();
    await database?.drop();
  }
}

const targets = (process.env.BENCH_LOAD_TARGETS ?? "pglite,postgres").split(",") as ("pglite" | "postgres")[];
const file = new URL("results/load.json", import.meta.url);
const previous = await readFile(file, "utf8").then((text) => JSON.parse(text) as { runs?: Record<string, unknown> }, () => ({ runs: {} }));
const runs: Record<string, unknown> = { ...previous.runs };
for (const target of targets) runs[target] = await measure(target);
const results = {
  benchmark: "per-job overhead: closed-loop clients upload a 2-page PDF, merge it with itself, poll job.get, download (next start)",
  machine: { cpus: availableParallelism(), note: "shared 2-core machine: other engineers' builds and tests ran meanwhile; see each run's load average" },
  shape: { clients: CLIENTS, seconds: SECONDS, roundsPerGuest: ROUNDS_PER_GUEST, pollMs: POLL_MS, trustedProxyHops: 1 },
  targets: TARGETS,
  runs,
};
await mkdir(path.dirname(file.pathname), { recursive: true });
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
