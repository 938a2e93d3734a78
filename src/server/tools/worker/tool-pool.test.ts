import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReport } from "~/test/support/sample-report";
import { createSummarizeTool } from "../ai/summarize";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { mergePdfTool } from "../pdf/merge";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { isToolInputError, ToolInputError } from "../tool-error";
import { busyTool, exitTool, inputErrorTool, spinTool, tokensThenFailTool, waitTool } from "~/test/support/misbehaving-tools";
import { createToolPool, type ToolPool } from "./tool-pool";
import { WorkerStartError } from "./tool-worker";

// Real worker processes (tsx + the real registry): starting one takes a few
// seconds on a busy 2-core machine, so one pool serves the whole file.
const toolModules = [path.join(import.meta.dirname, "../../../../test/support/misbehaving-tools.ts")];
let pool: ToolPool;

beforeAll(() => {
  pool = createToolPool({
    size: 1, maxRssBytes: 1024 ** 3, heapMb: 512, toolModules, cancelGraceMs: 500,
    timeBudgetMs: (tool) => (tool.id === "test.spin" ? 4_000 : 60_000),
  });
  pool.warm();
});
afterAll(() => pool.stop());

const noInputs = { inputs: [], options: {}, progress: () => undefined };
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

async function expectPoolStillWorks() {
  const [result] = await pool.runTool(busyTool, { ...noInputs, signal: AbortSignal.timeout(60_000) });
  expect(Number(text(result?.data))).toBeGreaterThan(0);
}

describe("the tool pool", { timeout: 90_000 }, () => {
  it("merges real PDFs in another process, with progress arriving as it works", async () => {
    const { updates, progress } = recordProgress();
    const inputs = [inputFile("a.pdf", "application/pdf", makePdf("a", 30)), inputFile("b.pdf", "application/pdf", makePdf("b", 20))];
    const [merged] = await pool.runTool(mergePdfTool, { inputs, options: {}, progress, signal: new AbortController().signal });
    expect(merged?.name).toMatch(/\.pdf$/);
    const texts = pageTexts(merged?.data ?? new Uint8Array());
    expect(texts).toHaveLength(50);
    expect([texts[0], texts[30]].map((page) => page?.match(/[ab] page \d+/)?.[0])).toEqual(["a page 1", "b page 1"]);
    expect(updates.filter((update) => update.percent > 0 && update.percent < 100).length).toBeGreaterThan(0);
    expect(updates.at(-1)).toMatchObject({ percent: 100 });
  });

  it("keeps this process's event loop free while a tool blocks its own", async () => {
    let worstLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 10);
      last = now;
    }, 10);
    const [result] = await pool.runTool(busyTool, { ...noInputs, options: { ms: 1_500 }, signal: new AbortController().signal });
    clearInterval(ticker);
    expect(Number(text(result?.data))).not.toBe(process.pid);
    expect(worstLag).toBeLessThan(250); // in-process, the loop would stall for the whole 1,500 ms
  });

  it("brings a ToolInputError back as a ToolInputError, so the job is not retried", async () => {
    const failure = await pool.runTool(inputErrorTool, { ...noInputs, signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ToolInputError);
    expect(failure).toMatchObject({ message: "broken.pdf is damaged beyond repair.", fileName: "broken.pdf" });
    // Options the tool's schema refuses are checked in the worker and come back the same way.
    const invalid = await pool.runTool(busyTool, { ...noInputs, options: { ms: "long" }, signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(isToolInputError(invalid)).toBe(true);
    expect(String(invalid)).toMatch(/These settings are not valid \(ms\)/);
  });

  it("brings the tokens an AI tool's model calls used back to the caller, also when the job then fails", async () => {
    const reported: number[] = [];
    const inputs = [inputFile("report.pdf", "application/pdf", makeTextPdf(sampleReport.map((chunk) => chunk.text)))];
    const [summary] = await pool.runTool(createSummarizeTool(), { inputs, options: { length: "short" }, progress: () => undefined, signal: AbortSignal.timeout(60_000), reportAiTokens: (tokens) => reported.push(tokens) });
    expect(text(summary?.data)).toMatch(/^# Summary of report\.pdf/);
    // One model call (the built-in offline model here), whose count covers the whole prompt and the answer.
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeGreaterThan(100);

    const spent: number[] = [];
    const failure = await pool.runTool(tokensThenFailTool, { ...noInputs, signal: AbortSignal.timeout(60_000), reportAiTokens: (tokens) => spent.push(tokens) }).catch((error: unknown) => error);
    expect(isToolInputError(failure)).toBe(true);
    expect(spent).toEqual([120, 30]);
  });

  it("cancels a job that watches its signal, and then runs the next one", async () => {
    const controller = new AbortController();
    const { updates, progress } = recordProgress();
    const running = pool.runTool(waitTool, { ...noInputs, progress, signal: controller.signal });
    await expect.poll(() => updates.length, { timeout: 30_000 }).toBeGreaterThan(2);
    controller.abort(new Error("The job was canceled."));
    await expect(running).rejects.toThrow("The job was canceled.");
    await expectPoolStillWorks();
  });

  it("kills and replaces a worker that ignores a cancel", async () => {
    const controller = new AbortController();
    const { updates, progress } = recordProgress();
    const running = pool.runTool(spinTool, { ...noInputs, progress, signal: controller.signal });
    await expect.poll(() => updates.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const started = performance.now();
    controller.abort(new Error("The job was canceled."));
    await expect(running).rejects.toThrow("The job was canceled.");
    expect(performance.now() - started).toBeLessThan(3_000); // grace 500 ms, then SIGKILL
    await expectPoolStillWorks();
  });

  it("fails a job whose worker dies twice with a readable message, and the next job succeeds", async () => {
    const failure = await pool.runTool(exitTool, { ...noInputs, signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(isToolInputError(failure)).toBe(true);
    expect(String(failure)).toBe("ToolInputError: The file could not be processed by the PDF engine.");
    await expectPoolStillWorks();
  });

  it("stops a job past its time budget with a readable message", async () => {
    const failure = await pool.runTool(spinTool, { ...noInputs, signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(isToolInputError(failure)).toBe(true);
    expect(String(failure)).toMatch(/This file takes longer than a job may run \(4 seconds\)/);
    await expectPoolStillWorks();
  });
});

describe("a pool whose workers cannot start", () => {
  it("says so with a WorkerStartError, which the job runner answers by running in-process", async () => {
    // No sources and no tsx there: the worker process exits before it is ready.
    const broken = createToolPool({ size: 1, maxRssBytes: 1024 ** 3, heapMb: 256, cwd: tmpdir() });
    try {
      const failure = await broken.runTool(busyTool, { ...noInputs, signal: new AbortController().signal }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WorkerStartError);
      expect(String(failure)).toMatch(/The tool worker did not start: exited with code 1/);
    } finally {
      broken.stop();
    }
  });
});
