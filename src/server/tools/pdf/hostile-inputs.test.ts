import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "../types";
import { mupdf } from "./mupdf-runtime";
import { organizePdfTool } from "./organize";
import { pageNumbersPdfTool } from "./page-numbers";
import { protectPdfTool } from "./protect";
import { repairPdfTool } from "./repair";
import { rotatePdfTool } from "./rotate";
import { splitPdfTool } from "./split";
import { stripMetadataPdfTool } from "./strip-metadata";
import {
  makeLockedPdf,
  makeManyPagesPdf,
  makePageCountBombPdf,
  makePageTreeCyclePdf,
  makeSelfReferencePdf,
  makeStreamBombPdf,
  makeTruncatedPdf,
} from "~/test/support/pdf/make-hostile-pdf";
import { expectInputError, pdfInput, runPdfTool } from "~/test/support/pdf/run-pdf-tool";
import { unlockPdfTool } from "./unlock";
import { watermarkPdfTool } from "./watermark";

// Every tool of this directory, with settings that make it do its real work.
type Case = [id: string, tool: ToolDefinition, options: Record<string, unknown>];
const withId = (tool: ToolDefinition, options: Record<string, unknown>): Case => [tool.id, tool, options];
const tools: Case[] = [
  withId(splitPdfTool, { mode: "each" }),
  withId(organizePdfTool, { order: "1,1" }),
  withId(rotatePdfTool, {}),
  withId(pageNumbersPdfTool, {}),
  withId(watermarkPdfTool, { position: "tile" }),
  withId(stripMetadataPdfTool, {}),
  withId(protectPdfTool, { password: "pw" }),
  withId(repairPdfTool, {}),
];
const everyTool = [...tools, withId(unlockPdfTool, { password: "pw" })];
const run = (tool: ToolDefinition, data: Uint8Array, options: unknown) => runPdfTool(tool, [pdfInput("hostile.pdf", data)], options).run;
const GIB = 1024 ** 3;

describe("PDF page tools against hostile files", () => {
  // ≈1 MB on disk, 1 GiB of zeros once inflated. Structural tools copy it as it is stored.
  const bomb = makeStreamBombPdf();

  it.each(tools)("%s passes a 1 GiB content-stream bomb through without inflating it", async (_id, tool, options) => {
    expect(bomb.length).toBeLessThan(1_200_000);
    const before = process.memoryUsage().rss;
    const outputs = await run(tool, bomb, options);
    const grown = process.memoryUsage().rss - before;
    expect(grown).toBeLessThan(GIB / 4);
    expect(outputs.length).toBe(1);
    expect(outputs[0]?.data.length).toBeGreaterThan(1_000_000);
  });

  it.each(everyTool)("%s refuses a file with 100,000 real pages before working on them", async (_id, tool, options) => {
    const data = makeManyPagesPdf(100_000);
    const expected = tool === unlockPdfTool ? /isn't password-protected/ : /^hostile\.pdf has 100,000 pages; this tool takes at most 5,000 pages\.$/;
    await expectInputError(run(tool, data, options), expected, "hostile.pdf");
  });

  it.each(everyTool)("%s refuses a page tree that claims 10 million pages", async (_id, tool, options) => {
    const expected = tool === unlockPdfTool ? /isn't password-protected/ : tool === repairPdfTool ? /too damaged to repair/ : /^hostile\.pdf is damaged/;
    await expectInputError(run(tool, makePageCountBombPdf(), options), expected, "hostile.pdf");
  });

  it.each(tools)("%s asks for a locked file to be unlocked first", async (_id, tool, options) => {
    await expectInputError(run(tool, makeLockedPdf(), options), "hostile.pdf is password-protected. Unlock it first, then try again.", "hostile.pdf");
  });

  it.each(everyTool)("%s stops at a page tree that contains itself", async (_id, tool, options) => {
    const outcome = await run(tool, makePageTreeCyclePdf(), options).then(
      (outputs) => outputs,
      (error: unknown) => error,
    );
    if (outcome instanceof Error) {
      expect(outcome.name).toBe("ToolInputError");
      expect(outcome.message).toMatch(/^(hostile\.pdf is (damaged|too damaged)|hostile\.pdf isn't password-protected)/);
    } else {
      // Repair keeps the one page that can be reached.
      expect(tool).toBe(repairPdfTool);
      expect(new mupdf.PDFDocument((outcome as { data: Uint8Array }[])[0]?.data ?? new Uint8Array()).countPages()).toBe(1);
    }
  });

  it.each(tools)("%s survives objects that refer to themselves", async (_id, tool, options) => {
    const outputs = await run(tool, makeSelfReferencePdf(), options);
    const [output] = outputs;
    const doc = new mupdf.PDFDocument(output?.data ?? new Uint8Array());
    if (tool !== protectPdfTool) expect(doc.countPages()).toBeGreaterThan(0);
    else expect(doc.needsPassword()).toBe(true);
  });

  it.each(tools.filter(([, tool]) => tool !== repairPdfTool))("%s refuses a cut-short file", async (_id, tool, options) => {
    await expectInputError(run(tool, makeTruncatedPdf(), options), /^hostile\.pdf is incomplete/, "hostile.pdf");
  });
});
