// `npm run bench`: runs every benchmark one after another (they would skew
// each other in parallel), then writes the ratios against the native tools
// and the targets of the tool-suite issue to bench/results/tools.json.
// Native baselines come from Debian: apt-get install -y qpdf ghostscript poppler-utils.
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";

const benches = [
  { script: "bench/tools-bench.ts", result: "merge-convert.json" },
  { script: "bench/pdf-structure-bench.ts", result: "pdf-structure.json" },
  { script: "bench/pdf-render-bench.ts", result: "pdf-render.json" },
  { script: "bench/image-tools-bench.ts", result: "image-tools.json" },
  { script: "bench/health-under-load-bench.ts", result: "health-under-load.json", optional: true },
  { script: "bench/ai-chat-bench.ts", result: "ai-chat.json" },
  // Needs `npm run build` first, like the health benchmark.
  { script: "bench/ai-chat-http-bench.ts", result: "ai-chat-http.json", optional: true },
  // Needs `npm run build` first: resident memory of the whole `npm start` tree.
  { script: "bench/idle-footprint-bench.ts", result: "idle-footprint.json", optional: true },
  // Needs `npm run build` first: JavaScript transferred per page in Chromium.
  { script: "bench/page-weight-bench.ts", result: "page-weight.json", optional: true },
  // Heavy (two 40 s runs of 50 clients on the built app, PGlite then PostgreSQL): only when named, `npm run bench -- load`.
  { script: "bench/load-bench.ts", result: "load.json", optional: true, optIn: true },
];

type Json = Record<string, unknown>;
const read = async (name: string): Promise<Json | null> => {
  try {
    return JSON.parse(await readFile(new URL(`results/${name}`, import.meta.url), "utf8")) as Json;
  } catch {
    return null;
  }
};
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), value);

const only = process.argv.slice(2);
for (const bench of benches) {
  const named = only.some((name) => bench.script.includes(name));
  if ((only.length > 0 || bench.optIn) && !named) continue;
  console.log(`\n=== ${bench.script}`);
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", bench.script], { stdio: "inherit" });
  if (run.status !== 0 && !bench.optional) console.error(`${bench.script} failed (exit ${run.status})`);
}

const [merge, split, render, image, health, ai, aiHttp, , load] = await Promise.all(benches.map((bench) => read(bench.result)));
const summary = {
  machine: `${os.cpus().length} vCPU, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 10) / 10),
  ratios: {
    "merge 50×20 pages vs qpdf --empty --pages (target ≤ 1.2)": at(merge, "merge", "ratio"),
    "split 500 pages vs qpdf --split-pages (target ≤ 1.5)": at(split, "ratio"),
    "compress 20-page 300-dpi scan: size vs gs /ebook (target ≤ 1)": at(render, "compress", "mediumSizeRatio"),
    "compress 20-page 300-dpi scan: time vs gs /ebook (target ≤ 1.5)": at(render, "compress", "mediumTimeRatio"),
    "extract text 200 pages vs pdftotext (target ≤ 1.5)": at(render, "extract", "warmRatio"),
    "resize 6000×4000 → 1200 px through the tool vs raw sharp (target ≥ 0.9)": at(image, "resize", "single", "toolToRawRatio"),
  },
  healthUnderLoad: health,
  aiChat: ai,
  aiChatHttp: aiHttp,
  loadJobsPerSecond: { pglite: at(load, "runs", "pglite", "jobsPerSecond"), postgres: at(load, "runs", "postgres", "jobsPerSecond") },
  details: ["merge-convert.json", "pdf-structure.json", "pdf-render.json", "image-tools.json", "health-under-load.json", "ai-chat.json", "ai-chat-http.json", "ai-chat-http-postgres.json", "idle-footprint.json", "load.json"],
};
await writeFile(new URL("results/tools.json", import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.ratios, null, 2));
