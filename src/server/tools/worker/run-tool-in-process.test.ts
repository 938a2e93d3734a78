import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mupdf } from "../pdf/mupdf-runtime";
import { pageNumbersPdfTool } from "../pdf/page-numbers";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { isToolInputError } from "../tool-error";
import { engineFaultTool } from "~/test/support/misbehaving-tools";
import { runToolInProcess } from "./run-tool-in-process";

// TOOL_RUNNER=in-process: the tools run in this very process, so the trap
// corrupts this test's own mupdf instance, which the runner must replace.
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "fileforge-inprocess-faults-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const run = (name: string) => ({ inputs: [inputFile(name, "application/pdf", makePdf(name, 3))], progress: () => undefined, signal: AbortSignal.timeout(60_000) });

async function numberPages() {
  const [numbered] = await runToolInProcess(pageNumbersPdfTool, { ...run("plain.pdf"), options: { format: "Page {n} of {total}" } });
  return pageTexts(numbered?.data ?? new Uint8Array()).map((page) => /Page \d+ of \d+/.exec(page)?.[0]);
}

describe("the in-process runner after an engine fault", { timeout: 60_000 }, () => {
  it("drops the trapped mupdf, loads a fresh one and runs the job once more on it", async () => {
    const trapped = mupdf;
    const { updates, progress } = recordProgress();
    const [result] = await runToolInProcess(engineFaultTool, { ...run("report.pdf"), progress, options: { marker: path.join(scratch, "trapped") } });
    expect(new TextDecoder().decode(result?.data)).toMatch(/^fine on the second engine/);
    expect(mupdf).not.toBe(trapped);
    expect(() => trapped.Document.openDocument(makePdf("x", 1), "application/pdf")).toThrow(/memory access out of bounds/);
    expect(updates.map((update) => update.step)).toContain("Trying again on a fresh engine");
    // The font stamp-page keeps between jobs comes from the new instance too.
    expect(await numberPages()).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
  });

  it("fails a job that traps twice readably, and the next PDF job succeeds", async () => {
    const failure = await runToolInProcess(engineFaultTool, { ...run("report.pdf"), options: {} }).then(() => new Error("the job succeeded"), (error: unknown) => error);
    expect(isToolInputError(failure)).toBe(true);
    expect(String(failure)).toBe("ToolInputError: report.pdf could not be processed by the PDF engine.");
    expect(await numberPages()).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
  });
});
