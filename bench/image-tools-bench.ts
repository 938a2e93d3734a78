// Speed of the image tools against sharp on its own, warm, the way a job runs them.
// Run: npx tsx --conditions=react-server bench/image-tools-bench.ts
// (react-server makes `import "server-only"` a no-op outside Next, as in Next's server.)
import { cpus, loadavg } from "node:os";
import sharp from "sharp";
import { compressImageTool } from "../src/server/tools/image/compress";
import { resizeImageTool } from "../src/server/tools/image/resize";
import { runTool } from "../src/server/tools/run-tool";
import { inputFile } from "../test/support/input-file";
import type { ToolDefinition, ToolInputFile } from "../src/server/tools/types";
import { writeBenchResults } from "./support/write-results";

const ROUNDS = 5;
const PAIRS = 15;
const signal = new AbortController().signal;
const run = (tool: ToolDefinition, inputs: ToolInputFile[], options: unknown) => runTool(tool, { inputs, options, progress: () => {}, signal });

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm: libvips loaded, JIT settled
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) times.push(await timeMs(work));
  return median(times);
}

/**
 * Raw sharp and the tool, run by turns, so load from anything else on the machine
 * falls on both alike: the ratio is the median of per-pair ratios, and the best
 * time of each side shows what an idle machine gives.
 */
async function paired(raw: () => Promise<unknown>, tool: () => Promise<unknown>, pairs: number) {
  await raw();
  await tool();
  const rawTimes: number[] = [];
  const toolTimes: number[] = [];
  for (let i = 0; i < pairs; i += 1) {
    rawTimes.push(await timeMs(raw));
    toolTimes.push(await timeMs(tool));
  }
  const ratio = median(rawTimes.map((rawTime, i) => rawTime / (toolTimes[i] ?? NaN)));
  return { rawBestMs: Math.min(...rawTimes), toolBestMs: Math.min(...toolTimes), rawMedianMs: median(rawTimes), toolMedianMs: median(toolTimes), ratio };
}

const perSecond = (images: number, ms: number) => Math.round((images / ms) * 10_000) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

async function photo(width: number, height: number): Promise<ToolInputFile> {
  // Mild noise over a flat colour stands in for a photo: it costs the decoder real work.
  const create = { width, height, channels: 3 as const, background: "#7a9", noise: { type: "gaussian" as const, mean: 128, sigma: 20 } };
  return inputFile("photo.jpg", "image/jpeg", new Uint8Array(await sharp({ create }).jpeg({ quality: 85 }).toBuffer()));
}

async function benchResize() {
  const input = await photo(6000, 4000);
  const bytes = await input.read();
  const options = { width: 1200, height: 1200 };
  // The same work done by hand: fit inside 1200 px, JPEG at the tool's default quality.
  const rawOne = () => sharp(bytes).autoOrient().resize({ width: 1200, height: 1200, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  const batch = Array.from({ length: 20 }, (_, i) => ({ ...input, name: `photo-${i + 1}.jpg` }));
  const single = await paired(rawOne, () => run(resizeImageTool, [input], options), PAIRS);
  const rawBatch = async () => {
    for (let i = 0; i < batch.length; i += 1) await rawOne();
  };
  const many = await paired(rawBatch, () => run(resizeImageTool, batch, options), 3);
  return {
    case: `image.resize 6000×4000 JPEG (${(input.size / 1e6).toFixed(1)} MB) → fit 1200 px, JPEG q85`,
    single: {
      rawSharpImagesPerSecond: { best: perSecond(1, single.rawBestMs), median: perSecond(1, single.rawMedianMs) },
      toolImagesPerSecond: { best: perSecond(1, single.toolBestMs), median: perSecond(1, single.toolMedianMs) },
      toolToRawRatio: round2(single.ratio),
      pairs: PAIRS,
    },
    batchOf20: {
      rawSharpImagesPerSecond: { best: perSecond(20, many.rawBestMs), median: perSecond(20, many.rawMedianMs) },
      toolImagesPerSecond: { best: perSecond(20, many.toolBestMs), median: perSecond(20, many.toolMedianMs) },
      toolToRawRatio: round2(many.ratio),
      pairs: 3,
      note: "the tool's batch includes writing the 20 results into one zip",
    },
  };
}

async function benchCompress() {
  const input = await photo(4000, 3000);
  const results = [];
  for (const format of ["keep", "webp"] as const) {
    const ms = await medianMs(() => run(compressImageTool, [input], { targetKb: 500, format }));
    results.push({ case: `image.compress 4000×3000 JPEG (${(input.size / 1e6).toFixed(1)} MB) → under 500 KB, format ${format}`, medianMs: Math.round(ms) });
  }
  return results;
}

const results = {
  machine: `${cpus().length} vCPU`,
  node: process.version,
  sharp: sharp.versions.sharp,
  sharpConcurrency: sharp.concurrency(),
  // Other work on the machine slows both sides alike (they run by turns), but it shows in the absolute numbers.
  loadAverageAtStart: loadavg().map(round2),
  resize: await benchResize(),
  compress: await benchCompress(),
  rssMB: Math.round(process.memoryUsage().rss / 1e6),
};
await writeBenchResults("image-tools", results);
