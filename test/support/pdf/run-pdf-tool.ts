import "server-only";

// Test helpers for the PDF tools: run one as the job runner would and look at what comes back.
import { unzipSync } from "fflate";
import { expect } from "vitest";
import { runTool } from "../../../src/server/tools/run-tool";
import { inputFile, recordProgress } from "../input-file";
import { ToolInputError } from "../../../src/server/tools/tool-error";
import type { ToolDefinition, ToolInputFile, ToolOutputFile } from "../../../src/server/tools/types";
import { mupdf } from "../../../src/server/tools/pdf/mupdf-runtime";

export const pdfInput = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);

export function runPdfTool(tool: ToolDefinition, inputs: ToolInputFile[], options: unknown = {}, signal = new AbortController().signal) {
  const recorder = recordProgress();
  const run = runTool(tool, { inputs, options, progress: recorder.progress, signal });
  return { run, updates: recorder.updates };
}

/** The single output, checked to be a PDF. */
export async function onlyPdf(outputs: Promise<ToolOutputFile[]>): Promise<ToolOutputFile> {
  const all = await outputs;
  expect(all).toHaveLength(1);
  const [output] = all;
  if (!output) throw new Error("no output");
  expect(output.mimeType).toBe("application/pdf");
  return output;
}

/** A zip output's entries, name → bytes. */
export function unzipOutput(output: ToolOutputFile | undefined): Record<string, Uint8Array> {
  expect(output?.mimeType).toBe("application/zip");
  return unzipSync(output?.data ?? new Uint8Array());
}

export async function expectInputError(promise: Promise<unknown>, message: RegExp | string, fileName?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolInputError);
  const text = error instanceof Error ? error.message : "";
  if (typeof message === "string") expect(text).toBe(message);
  else expect(text).toMatch(message);
  if (fileName !== undefined) expect(error).toMatchObject({ fileName });
}

/** Opens an output for inspection; the caller need not free it (tests are short-lived). */
export function openOutput(data: Uint8Array, password?: string): mupdf.PDFDocument {
  const doc = new mupdf.PDFDocument(data);
  if (password !== undefined) doc.authenticatePassword(password);
  return doc;
}

/** The /Rotate each page ends up with. */
export function pageRotations(data: Uint8Array): number[] {
  const doc = openOutput(data);
  return Array.from({ length: doc.countPages() }, (_, index) => {
    const rotate = doc.findPage(index).getInheritable("Rotate");
    return rotate.isNumber() ? rotate.asNumber() : 0;
  });
}

/** The decoded text of every stream in the file, to prove something is gone from it. */
export function allStreamText(data: Uint8Array): string {
  const doc = openOutput(data);
  let text = "";
  for (let number = 1; number < doc.countObjects(); number += 1) {
    const object = doc.newIndirect(number);
    if (object.isStream()) text += object.readStream().asString();
  }
  return text;
}
