// Child process of bench/pdf-damaged-corpus-bench.ts: opens each file named on a
// line of stdin with FileForge's opener and answers one JSON line per file. A
// separate process, so a file that faults the PDF engine costs only this child:
// it reports the fault and exits, and the parent starts a fresh one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { isEngineFault } from "../../src/server/tools/engine-fault";
import { openPdf } from "../../src/server/tools/pdf/open-pdf";

for await (const file of createInterface({ input: process.stdin })) {
  if (!file) continue;
  const bytes = new Uint8Array(await readFile(file));
  const started = performance.now();
  let answer: Record<string, unknown>;
  try {
    const { doc, pageCount } = openPdf(path.basename(file), bytes);
    doc.destroy();
    answer = { outcome: "opened", pages: pageCount };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer = { outcome: isEngineFault(error) ? "fault" : "refused", message };
  }
  process.stdout.write(`${JSON.stringify({ file, ms: Math.round(performance.now() - started), ...answer })}\n`);
  if (answer.outcome === "fault") process.exit(3);
}
