// Splitting a 500-page PDF into single pages: pdf.split in process and warm (the way
// a job runs it) against `qpdf --split-pages` (a whole process, start-up included).
// Run: npx tsx --conditions=react-server bench/pdf-structure-bench.ts
// qpdf is only for this comparison: apt-get install -y qpdf.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { splitPdfTool } from "../src/server/tools/pdf/split";
import { runTool } from "../src/server/tools/run-tool";
import { inputFile } from "../test/support/input-file";
import { makePdf } from "../test/support/pdf/make-pdf";
import { medianMs } from "./support/timing";
import { writeBenchResults } from "./support/write-results";

const RUNS = 7;
const PAGES = 500;


function qpdfVersion(): string | null {
  try {
    return execFileSync("qpdf", ["--version"], { encoding: "utf8" }).split("\n")[0] ?? null;
  } catch {
    return null;
  }
}

const pdf = makePdf("bench", PAGES, { linesPerPage: 40 });
const input = inputFile("bench.pdf", "application/pdf", pdf);
const signal = new AbortController().signal;
let outputBytes = 0;
const zipShares: number[] = [];
const oursMs = await medianMs(RUNS, async () => {
  // The tool reports "Packing 500 files into a zip" just before zipping: the time after it is the zip's.
  const started = performance.now();
  let packingAt = NaN;
  const progress = ({ step }: { step: string }) => {
    if (step.startsWith("Packing")) packingAt = performance.now();
  };
  const [zip] = await runTool(splitPdfTool, { inputs: [input], options: { mode: "each" }, progress, signal });
  const total = performance.now() - started;
  zipShares.push((total - (packingAt - started)) / total);
  outputBytes = zip?.data.length ?? 0;
});
zipShares.sort((a, b) => a - b);
const zipShare = zipShares[Math.floor(zipShares.length / 2)] ?? 0;

const version = qpdfVersion();
let qpdfMs: number | null = null;
let qpdfFiles = 0;
if (version) {
  const dir = await mkdtemp(path.join(tmpdir(), "pdf-bench-"));
  const source = path.join(dir, "bench.pdf");
  await writeFile(source, pdf);
  const out = path.join(dir, "out");
  qpdfMs = await medianMs(RUNS, async () => {
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    execFileSync("qpdf", ["--split-pages", source, path.join(out, "page-%d.pdf")]);
  });
  qpdfFiles = (await readdir(out)).length;
  await rm(dir, { recursive: true, force: true });
}

const results = {
  machine: `${(await import("node:os")).cpus().length} vCPU`,
  node: process.version,
  case: `split ${PAGES} text pages (${(pdf.length / 1e6).toFixed(2)} MB) into single pages`,
  fileforge: {
    tool: "pdf.split (mupdf-wasm, in process, warm; includes zipping the 500 parts)",
    medianMs: oursMs,
    splitMs: Math.round(oursMs * (1 - zipShare)),
    zipMs: Math.round(oursMs * zipShare),
    zipBytes: outputBytes,
  },
  qpdf: version
    ? { tool: `${version} --split-pages (whole process, writes ${qpdfFiles} files to disk)`, medianMs: qpdfMs }
    : { tool: "qpdf is not installed (apt-get install -y qpdf)", medianMs: null },
  ratio: qpdfMs ? Math.round((oursMs / qpdfMs) * 100) / 100 : null,
  ratioWithoutZip: qpdfMs ? Math.round(((oursMs * (1 - zipShare)) / qpdfMs) * 100) / 100 : null,
  target: "ratio ≤ 1.5",
  loadAverage: (await import("node:os")).loadavg()[0]?.toFixed(1),
  rssMB: Math.round(process.memoryUsage().rss / 1e6),
};
await writeBenchResults("pdf-structure", results);
