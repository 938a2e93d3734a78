// What a page preview of a 50 MB .txt costs the web process: the old way (the
// whole file read and laid out by mupdf in this process) against the service
// now (a 64 KB prefix laid out in a tool worker, then the cached PNG). Per
// path: wall time, the longest event-loop stall this process saw, and how far
// its peak RSS rose. Also a PDF thumbnail and page count through the workers.
// Run: npx tsx --conditions=react-server bench/preview-offload-bench.ts
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openBenchApp, startBenchEnvironment } from "./support/bench-environment";
import { writeBenchResults } from "./support/write-results";

const database = await startBenchEnvironment("preview", { TOOL_RUNNER: "workers" });

const { db, storage, storeFile } = await openBenchApp();
const { renderOwnedPage } = await import("../src/server/services/documents/render-owned-page");
const { renderThumbnail } = await import("../src/server/services/files/render-thumbnail");
const { renderDocumentPage } = await import("../src/server/tools/ai/render-document-page");
const { makePdf } = await import("../test/support/pdf/make-pdf");

const guestId = "bench-guest";
const actor = { kind: "guest" as const, guestId, role: "GUEST" as const };

const store = (name: string, mimeType: string, bytes: Uint8Array) => storeFile({ guestId }, name, mimeType, bytes);

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Wall time, the longest event-loop stall and the rise of this process's peak RSS while `work` runs. */
async function measure(work: () => Promise<unknown>) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const peakBefore = peakRssMb();
  loop.enable();
  const started = performance.now();
  await work();
  const ms = Math.round(performance.now() - started);
  // Let the monitor's timer fire once more: a stall is recorded only when the loop gets back to it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  loop.disable();
  return { ms, maxEventLoopStallMs: Math.round(loop.max / 1e6), peakRssRiseMb: peakRssMb() - peakBefore };
}

const line = "A line of an ordinary text file, long enough to look like prose.\n";
const fiftyMb = new TextEncoder().encode(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
const text = await store("huge.txt", "text/plain", fiftyMb);
const pdf = await store("report.pdf", "application/pdf", makePdf("Report", 200, { linesPerPage: 30 }));

// Workers start once (tsx compiles the tools): not part of any request's cost.
const tiny = await store("tiny.pdf", "application/pdf", makePdf("T", 1));
const warmUp = await measure(() => renderThumbnail(db, storage, actor, tiny.id));

// The new path first, so the old path's heap growth cannot hide in its peak.
const workerFirst = await measure(() => renderOwnedPage(db, storage, actor, text.id, 1));
const workerCached = await measure(() => renderOwnedPage(db, storage, actor, text.id, 1));
const thumbnail = await measure(() => renderThumbnail(db, storage, actor, pdf.id));
const pdfPage = await measure(() => renderOwnedPage(db, storage, actor, pdf.id, 100));
const inProcess = await measure(async () => renderDocumentPage({ name: "huge.txt", mimeType: "text/plain", bytes: await storage.readBytes(text.storageKey) }, 1));

const result = {
  machine: `${os.cpus().length} vCPU, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 10) / 10),
  textFileMb: 50,
  workerStart: warmUp,
  textPage1: { inWebProcessBefore: inProcess, inWorkerFirst: workerFirst, cachedSecond: workerCached },
  pdf200Pages: { thumbnailInWorker: thumbnail, page100InWorker: pdfPage },
};
await writeBenchResults("preview-offload", result);
await db.$disconnect();
await database.drop();
process.exit(0);
