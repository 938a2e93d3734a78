// Which PDFs FileForge opens, against poppler's pdfinfo, on a corpus of real and
// damaged files: damaged files generated from good ones, Debian's documentation
// PDFs, and any directories given as arguments (for example the test PDFs of
// pdf.js, qpdf, pypdf or the PDF Association's SafeDocs, fetched by whoever runs it).
// Target: 0 files that pdfinfo opens but FileForge calls damaged.
// Run: npx tsx --conditions=react-server bench/pdf-damaged-corpus-bench.ts [corpus-dir ...]
// Needs pdfinfo: apt-get install -y poppler-utils.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { corpusDir, type CorpusFile, damageBases, debianDocs, generateDamaged } from "./support/damaged-corpus";
import { OpenerChild, type OpenerAnswer } from "./support/opener-child";
import { writeBenchResults } from "./support/write-results";

const TIMEOUT_MS = 60_000;
// Refusals FileForge makes on purpose, whatever other readers do (see open-pdf.ts).
const DELIBERATE = [/password-protected/, /is incomplete/, /has no pages/, /is not a PDF file/, /pages?; this tool takes at most/];

type Pdfinfo = { opens: boolean; pages?: number; encrypted?: boolean; error?: string };

function pdfinfo(file: string): Pdfinfo {
  // A broken file can make pdfinfo print megabytes of syntax errors.
  const run = spawnSync("pdfinfo", [file], { encoding: "latin1", timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw new Error("pdfinfo is missing: apt-get install -y poppler-utils");
  if (run.error) return { opens: false, error: run.error.message };
  const pages = /^Pages:\s+(\d+)/m.exec(run.stdout)?.[1];
  if (run.status === 0) return { opens: true, pages: pages ? Number(pages) : undefined };
  return { opens: false, encrypted: /Incorrect password/i.test(run.stderr), error: run.stderr.trim().split("\n").at(-1)?.slice(0, 160) };
}

const work = await mkdtemp(path.join(os.tmpdir(), "pdf-corpus-bench-"));
const debian = await debianDocs(path.join(work, "debian"));
const debianBytes = new Map<string, Uint8Array>();
for (const entry of debian) debianBytes.set(entry.file, new Uint8Array(await readFile(entry.file)));
const generated = await generateDamaged(path.join(work, "generated"), damageBases(debian, debianBytes));
const given: CorpusFile[] = [];
for (const dir of process.argv.slice(2)) given.push(...(await corpusDir(path.resolve(dir))));
const corpus = [...generated, ...debian, ...given];

const opener = new OpenerChild(TIMEOUT_MS);
type Row = { corpus: string; file: string; pdfinfo: Pdfinfo; ours: OpenerAnswer; deliberate: boolean };
const perFile: Row[] = [];
for (const [index, { corpus: name, file }] of corpus.entries()) {
  const poppler = pdfinfo(file);
  const ours = await opener.open(file);
  const deliberate = ours.outcome === "refused" && DELIBERATE.some((pattern) => pattern.test(ours.message ?? ""));
  perFile.push({ corpus: name, file: path.basename(file), pdfinfo: poppler, ours, deliberate });
  if (index % 100 === 99) process.stderr.write(`${index + 1}/${corpus.length}\n`);
}
opener.stop();

const summarize = (rows: Row[]) => ({
  files: rows.length,
  bothOpen: rows.filter((row) => row.pdfinfo.opens && row.ours.outcome === "opened").length,
  pdfinfoOpensWeRefuse: rows.filter((row) => row.pdfinfo.opens && row.ours.outcome !== "opened").length,
  pdfinfoOpensWeCallDamaged: rows.filter((row) => row.pdfinfo.opens && row.ours.outcome !== "opened" && !row.deliberate).length,
  weOpenPdfinfoRefuses: rows.filter((row) => !row.pdfinfo.opens && row.ours.outcome === "opened").length,
  bothRefuse: rows.filter((row) => !row.pdfinfo.opens && row.ours.outcome !== "opened").length,
  pageCountsDiffer: rows.filter((row) => row.pdfinfo.opens && row.ours.outcome === "opened" && row.pdfinfo.pages !== row.ours.pages).length,
  engineFaults: rows.filter((row) => row.ours.outcome === "fault" || row.ours.outcome === "crashed").length,
  timeouts: rows.filter((row) => row.ours.outcome === "timeout").length,
});
const corpora = [...new Set(perFile.map((row) => row.corpus))];
const results = {
  machine: `${os.cpus().length} vCPU`,
  node: process.version,
  pdfinfo: spawnSync("pdfinfo", ["-v"], { encoding: "utf8" }).stderr.split("\n")[0],
  loadAverage: os.loadavg()[0]?.toFixed(1),
  target: "pdfinfoOpensWeCallDamaged = 0",
  deliberateRefusals: "password-protected, incomplete (cut short), no pages, not a PDF, too many pages: refused whatever pdfinfo does",
  total: summarize(perFile),
  byCorpus: Object.fromEntries(corpora.map((name) => [name, summarize(perFile.filter((row) => row.corpus === name))])),
  pdfinfoOpensWeRefuse: perFile.filter((row) => row.pdfinfo.opens && row.ours.outcome !== "opened"),
  weOpenPdfinfoRefuses: perFile.filter((row) => !row.pdfinfo.opens && row.ours.outcome === "opened").map((row) => ({ corpus: row.corpus, file: row.file, pdfinfo: row.pdfinfo.error, pages: row.ours.pages })),
  perFile: perFile.map((row) => ({
    corpus: row.corpus,
    file: row.file,
    pdfinfo: row.pdfinfo.opens ? `opened ${row.pdfinfo.pages ?? "?"}p` : row.pdfinfo.encrypted ? "password" : "refused",
    ours: row.ours.outcome === "opened" ? `opened ${row.ours.pages}p` : `${row.ours.outcome}: ${row.ours.message ?? ""}`.slice(0, 120),
    ms: row.ours.ms,
  })),
};
await writeBenchResults("pdf-damaged-corpus", results, { shown: { total: results.total, byCorpus: results.byCorpus, loadAverage: results.loadAverage }, indent: 1 });
await rm(work, { recursive: true, force: true });
