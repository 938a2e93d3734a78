import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageNumbersPdfTool } from "../pdf/page-numbers";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { isToolInputError } from "../tool-error";
import { engineFaultTool, escapedFaultTool, exitTool, wrappedFaultTool } from "~/test/support/misbehaving-tools";
import { createToolPool, type ToolPool } from "./tool-pool";

// Real worker processes whose mupdf really traps: its WASM heap is scribbled
// over, then an allocator call walks the garbage ("memory access out of bounds").
// One worker, so every job after a fault lands on whatever replaced it.
const toolModules = [path.join(import.meta.dirname, "../../../../test/support/misbehaving-tools.ts")];
let pool: ToolPool;
let scratch: string;

beforeAll(async () => {
  pool = createToolPool({ size: 1, maxRssBytes: 1024 ** 3, heapMb: 512, toolModules });
  scratch = await mkdtemp(path.join(tmpdir(), "fileforge-faults-"));
});
afterAll(async () => {
  pool.stop();
  await rm(scratch, { recursive: true, force: true });
});

const report = () => inputFile("report.pdf", "application/pdf", makePdf("report", 3));
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => new Error("the job succeeded"), (error: unknown) => error);
}

/** A plain 3-page PDF through a real PDF tool: what every user's next job is. */
async function numberPages(name = "plain.pdf") {
  const [numbered] = await pool.runTool(pageNumbersPdfTool, {
    inputs: [inputFile(name, "application/pdf", makePdf("plain", 3))],
    options: { format: "Page {n} of {total}" },
    progress: () => undefined,
    signal: AbortSignal.timeout(60_000),
  });
  return pageTexts(numbered?.data ?? new Uint8Array()).map((page) => /Page \d+ of \d+/.exec(page)?.[0]);
}

describe("engine faults in tool workers", { timeout: 120_000 }, () => {
  it("retires the worker whose engine trapped and runs the job once more on a fresh one", async () => {
    const marker = path.join(scratch, "first-worker-pid");
    const { updates, progress } = recordProgress();
    const [result] = await pool.runTool(engineFaultTool, { inputs: [report()], options: { marker }, progress, signal: AbortSignal.timeout(90_000) });
    const firstPid = Number(await readFile(marker, "utf8"));
    const secondPid = Number(/pid (\d+)/.exec(text(result?.data))?.[1]);
    expect(text(result?.data)).toMatch(/^fine on the second engine/);
    expect(secondPid).toBeGreaterThan(0);
    expect(secondPid).not.toBe(firstPid);
    expect(() => process.kill(firstPid, 0)).toThrow(); // the faulted process is gone
    expect(updates.map((update) => update.step)).toEqual(expect.arrayContaining(["Starting a worker", "Trying again on a fresh engine"]));
  });

  it("fails a job that traps the engine twice with a message naming the file and engine, and the next PDF job works", async () => {
    const failure = await failureOf(pool.runTool(engineFaultTool, { inputs: [report()], options: {}, progress: () => undefined, signal: AbortSignal.timeout(90_000) }));
    expect(isToolInputError(failure)).toBe(true); // not retried again by the job runner
    expect(String(failure)).toBe("ToolInputError: report.pdf could not be processed by the PDF engine.");
    expect(failure).toMatchObject({ fileName: "report.pdf" });
    expect(await numberPages()).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
  });

  it("runs a good job queued behind a faulting one normally", async () => {
    const faulting = failureOf(pool.runTool(engineFaultTool, { inputs: [report()], options: {}, progress: () => undefined, signal: AbortSignal.timeout(90_000) }));
    const queued = numberPages("queued.pdf");
    expect(await queued).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
    expect(String(await faulting)).toMatch(/report\.pdf could not be processed by the PDF engine/);
  });

  it("treats a trap that tool code wrapped as 'damaged' as the engine fault it is", async () => {
    const scan = inputFile("scan.pdf", "application/pdf", makePdf("scan", 1));
    const failure = await failureOf(pool.runTool(wrappedFaultTool, { inputs: [scan], options: {}, progress: () => undefined, signal: AbortSignal.timeout(90_000) }));
    expect(String(failure)).toBe("ToolInputError: scan.pdf could not be processed by the PDF engine.");
    expect(String(failure)).not.toMatch(/damaged/);
  });

  it("reports a trap that escaped as an unhandled rejection as a fault of the running job", async () => {
    const failure = await failureOf(pool.runTool(escapedFaultTool, { inputs: [report()], options: {}, progress: () => undefined, signal: AbortSignal.timeout(90_000) }));
    expect(String(failure)).toBe("ToolInputError: report.pdf could not be processed by the PDF engine.");
    expect(await numberPages()).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
  });

  it("gives a job whose worker died on its own one more try, then fails it readably", async () => {
    const { updates, progress } = recordProgress();
    const failure = await failureOf(pool.runTool(exitTool, { inputs: [report()], options: {}, progress, signal: AbortSignal.timeout(90_000) }));
    expect(String(failure)).toBe("ToolInputError: report.pdf could not be processed by the PDF engine.");
    expect(updates.filter((update) => update.step === "About to crash")).toHaveLength(2);
  });
});
