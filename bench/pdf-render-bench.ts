// Speed and output size of the page-drawing tools against native baselines.
// Run: npx tsx --conditions=react-server bench/pdf-render-bench.ts
// Needs Ghostscript and poppler-utils for the baselines (apt-get install -y ghostscript poppler-utils).
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { compressPdfTool } from "../src/server/tools/pdf/compress";
import { makeScannedPdf } from "../test/support/pdf/make-scanned-pdf";
import { runTool } from "../src/server/tools/run-tool";
import { inputFile } from "../test/support/input-file";
import { makePdf } from "../test/support/pdf/make-pdf";
import { extractTextTool } from "../src/server/tools/text/extract";
import { ocrTool } from "../src/server/tools/text/ocr";
import type { ToolDefinition } from "../src/server/tools/types";
import { writeBenchResults } from "./support/write-results";

const signal = new AbortController().signal;
const dir = await mkdtemp(path.join(tmpdir(), "pdf-render-bench-"));
const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

async function median(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? NaN;
}

async function runOnce(tool: ToolDefinition, data: Uint8Array, options: unknown) {
  const [output] = await runTool(tool, { inputs: [pdf("in.pdf", data)], options, progress: () => {}, signal });
  return output?.data.length ?? 0;
}

async function benchCompress() {
  const scan = await makeScannedPdf(20, 300);
  const input = path.join(dir, "scan.pdf");
  await writeFile(input, scan);
  await runOnce(compressPdfTool, scan, { level: "medium" }); // warm: WASM, libvips
  const ours: Record<string, { bytes: number; ms: number }> = {};
  for (const level of ["medium", "high"]) {
    const bytes = await runOnce(compressPdfTool, scan, { level });
    ours[level] = { bytes, ms: await median(3, () => runOnce(compressPdfTool, scan, { level })) };
  }
  const output = path.join(dir, "gs.pdf");
  const gs = await timed(() => execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dPDFSETTINGS=/ebook", `-sOutputFile=${output}`, input]));
  const gsBytes = (await stat(output)).size;
  const medium = ours.medium ?? { bytes: NaN, ms: NaN };
  return {
    case: "pdf.compress, 20 Letter pages of 300-dpi full-page JPEG scans",
    inputBytes: scan.length,
    ours,
    ghostscriptEbook: { bytes: gsBytes, ms: gs.ms },
    mediumSizeRatio: Math.round((medium.bytes / gsBytes) * 100) / 100,
    mediumTimeRatio: Math.round((medium.ms / gs.ms) * 100) / 100,
  };
}

async function benchExtract() {
  const book = makePdf("bench", 200, { linesPerPage: 50 });
  const input = path.join(dir, "book.pdf");
  await writeFile(input, book);
  const first = await timed(() => runOnce(extractTextTool, book, {}));
  const warm = await median(5, () => runOnce(extractTextTool, book, {}));
  const markdown = await median(5, () => runOnce(extractTextTool, book, { format: "md" }));
  const pdftotext = await median(5, () => execFileSync("pdftotext", [input, path.join(dir, "book.txt")]));
  return {
    case: "text.extract, 200 generated pages × 50 lines",
    oursFirstRunMs: first.ms,
    oursWarmMs: warm,
    oursMarkdownWarmMs: markdown,
    pdftotextProcessMs: pdftotext,
    warmRatio: Math.round((warm / pdftotext) * 100) / 100,
  };
}

async function benchOcr() {
  const lines = Array.from({ length: 36 }, (_, i) => `Line ${i + 1}: the quick brown fox jumps over the lazy dog, invoice ${4700 + i}.`);
  const scan = await makeScannedPdf(3, 300, [8.5, 11], () => lines);
  const run = await timed(async () => {
    const [output] = await runTool(ocrTool, { inputs: [pdf("scan.pdf", scan)], options: { output: "txt" }, progress: () => {}, signal });
    return new TextDecoder().decode(output?.data);
  });
  const found = lines.filter((line) => run.value.includes(line)).length;
  return {
    case: "text.ocr, 3 Letter pages at 300 dpi, 36 lines each, one worker (start-up included)",
    ms: run.ms,
    pagesPerSecond: Math.round((3 / run.ms) * 100_000) / 100,
    linesReadExactly: `${found} of ${lines.length} (page 1)`,
  };
}

try {
  const results = {
    machine: `${cpus().length} vCPU`,
    // Other work on the machine slows both sides of each ratio; the 1-minute load when the run began.
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    node: process.version,
    compress: await benchCompress(),
    extract: await benchExtract(),
    ocr: await benchOcr(),
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
  };
  await writeBenchResults("pdf-render", results);
} finally {
  await rm(dir, { recursive: true, force: true });
}
