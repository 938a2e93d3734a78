// Speed of the tool layer, in process and warm, the way a job runs it.
// Run: npx tsx --conditions=react-server bench/tools-bench.ts
// (react-server makes `import "server-only"` a no-op outside Next, as in Next's server.)
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { convertImageTool } from "../src/server/tools/image/convert";
import { mergePdfTool } from "../src/server/tools/pdf/merge";
import { runTool } from "../src/server/tools/run-tool";
import { inputFile } from "../test/support/input-file";
import { makePdf } from "../test/support/pdf/make-pdf";
import type { ToolDefinition, ToolInputFile } from "../src/server/tools/types";
import { medianMs } from "./support/timing";
import { writeBenchResults } from "./support/write-results";

const RUNS = 5;
const signal = new AbortController().signal;
const run = (tool: ToolDefinition, inputs: ToolInputFile[], options: unknown) =>
  runTool(tool, { inputs, options, progress: () => {}, signal });


// qpdf is only the yardstick here (apt-get install -y qpdf); a whole process, start-up included.
async function qpdfMergeMs(pdfs: ToolInputFile[]): Promise<number | null> {
  try {
    execFileSync("qpdf", ["--version"]);
  } catch {
    return null;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "ff-merge-bench-"));
  try {
    const files = await Promise.all(pdfs.map(async (pdf, i) => {
      const file = path.join(dir, `f${i}.pdf`);
      await writeFile(file, await pdf.read());
      return file;
    }));
    return await medianMs(RUNS, async () => execFileSync("qpdf", ["--empty", "--pages", ...files, "--", path.join(dir, "out.pdf")]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchMerge() {
  const pdfs = Array.from({ length: 50 }, (_, i) => inputFile(`f${i}.pdf`, "application/pdf", makePdf(`file ${i + 1}`, 20, { linesPerPage: 50 })));
  const ms = await medianMs(RUNS, () => run(mergePdfTool, pdfs, {}));
  const qpdfMs = await qpdfMergeMs(pdfs);
  return {
    case: "pdf.merge 50 files × 20 text pages",
    medianMs: ms,
    qpdfMedianMs: qpdfMs,
    ratio: qpdfMs ? Math.round((ms / qpdfMs) * 100) / 100 : null,
    target: "ratio ≤ 1.2",
  };
}

async function photo(width: number, height: number): Promise<ToolInputFile> {
  // Mild noise over a flat colour stands in for a photo: it costs the decoder real work.
  const create = { width, height, channels: 3 as const, background: "#7a9", noise: { type: "gaussian" as const, mean: 128, sigma: 20 } };
  const data = new Uint8Array(await sharp({ create }).jpeg({ quality: 85 }).toBuffer());
  return inputFile("photo.jpg", "image/jpeg", data);
}

async function benchConvert() {
  const input = await photo(6000, 4000);
  const batch = Array.from({ length: 4 }, () => input);
  const results = [];
  for (const concurrency of [1, 2]) {
    sharp.concurrency(concurrency); // libvips threads per image, process-wide
    for (const format of ["webp", "jpeg"] as const) {
      const options = { format, maxWidth: 1200 };
      const oneJob = await medianMs(RUNS, () => run(convertImageTool, batch, options));
      const twoJobs = await medianMs(RUNS, () => Promise.all([run(convertImageTool, batch, options), run(convertImageTool, batch, options)]));
      results.push({
        case: `image.convert 6000×4000 JPEG (${(input.size / 1e6).toFixed(1)} MB) → ${format} 1200 px, sharp.concurrency(${concurrency})`,
        oneJobImagesPerSecond: Math.round((batch.length / oneJob) * 10_000) / 10,
        twoJobsImagesPerSecond: Math.round(((2 * batch.length) / twoJobs) * 10_000) / 10,
      });
    }
  }
  return results;
}

const results = { machine: `${(await import("node:os")).cpus().length} vCPU`, node: process.version, merge: await benchMerge(), convert: await benchConvert(), rssMB: Math.round(process.memoryUsage().rss / 1e6) };
await writeBenchResults("merge-convert", results);
