// Hostile PDFs against every tool that draws or decodes pages: each must fail with
// a message a person can read, and memory must stay bounded (mupdf's WASM heap
// never shrinks, so one bad file would otherwise cost the process for good).
import { describe, expect, it } from "vitest";
import { extractTextTool } from "../text/extract";
import { ocrTool } from "../text/ocr";
import { inputFile } from "~/test/support/input-file";
import type { ToolDefinition } from "../types";
import { compressPdfTool } from "./compress";
import * as bombs from "~/test/support/pdf/render-bomb-pdfs";
import { failedRun, onlyOutput } from "~/test/support/run-tool-once";
import { pdfToImagesTool } from "./to-images";

type Run = [ToolDefinition, Record<string, unknown>];
const TO_IMAGES: Run = [pdfToImagesTool, {}];
const EXTRACT: Run = [extractTextTool, {}];
const TOOLS: Run[] = [TO_IMAGES, [compressPdfTool, { level: "medium" }], EXTRACT, [ocrTool, {}]];
// Generous: decoding any of these bombs would take gigabytes.
const MAX_RSS_GROWTH = 600_000_000;
const TOO_MANY = /^Page 1 of bomb\.pdf has more drawing instructions than this tool can handle/;
const HUGE_IMAGE = "Page 1 of bomb.pdf holds an image larger than 80 megapixels, which this tool cannot open safely.";

async function expectRefusal(tool: ToolDefinition, options: Record<string, unknown>, bytes: Uint8Array, message: RegExp | string) {
  const before = process.memoryUsage().rss;
  const { error } = await failedRun(tool, [inputFile("bomb.pdf", "application/pdf", bytes)], options);
  expect(error.fileName).toBe("bomb.pdf");
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(process.memoryUsage().rss - before).toBeLessThan(MAX_RSS_GROWTH);
}

describe("hostile PDFs against the drawing and decoding tools", { timeout: 120_000 }, () => {
  const operatorBomb = bombs.makeOperatorBombPdf();

  it("a 2 MB content stream that inflates to 1 GiB of operators", async () => {
    expect(operatorBomb.length).toBeLessThan(2_500_000);
    for (const [tool, options] of TOOLS) await expectRefusal(tool, options, operatorBomb, TOO_MANY);
  });

  it("an image XObject declaring 30000×20000 pixels", async () => {
    for (const [tool, options] of TOOLS) await expectRefusal(tool, options, bombs.makeImageBombPdf(), HUGE_IMAGE);
  });

  it("nine nested forms that draw a billion rectangles", async () => {
    for (const [tool, options] of TOOLS) await expectRefusal(tool, options, bombs.makeFormFanOutPdf(), TOO_MANY);
  });

  it("three million glyphs in one string, which text extraction would keep one by one", async () => {
    for (const [tool, options] of TOOLS) await expectRefusal(tool, options, bombs.makeGlyphFloodPdf(), TOO_MANY);
  });

  it("an inline image bomb, which mupdf itself refuses to load", async () => {
    for (const [tool, options] of [TO_IMAGES, EXTRACT]) {
      await expectRefusal(tool, options, bombs.makeInlineImageBombPdf(), "Page 1 of bomb.pdf is damaged and could not be read.");
    }
  });

  it("the guard device stops what the page check cannot see when drawing: an image behind unusual filters, millions of operations", async () => {
    const hidden = bombs.makeHiddenImageBombPdf();
    await expectRefusal(pdfToImagesTool, {}, hidden, HUGE_IMAGE);
    // Text extraction never decodes images, so the same file is simply a page without text.
    const before = process.memoryUsage().rss;
    const { output } = await onlyOutput(extractTextTool, [inputFile("bomb.pdf", "application/pdf", hidden)]);
    expect(new TextDecoder().decode(output.data)).toBe("--- Page 1 ---\n\n[Page 1 has no text layer: run OCR to read it.]\n");
    expect(process.memoryUsage().rss - before).toBeLessThan(MAX_RSS_GROWTH);
    // One tool only: every call still crosses into JS after the guard trips (about 8 µs each), so this takes seconds.
    await expectRefusal(pdfToImagesTool, {}, bombs.makeManyOperationsPdf(), TOO_MANY);
  });
});
